"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { LocalTime } from "@/components/ui/LocalTime";
import { messageOf } from "@/components/forms/field-errors";
import { StatusBadge } from "@/components/assignments/StatusBadge";
import { TrackingDetails } from "@/components/assignments/TrackingDetails";
import { useTRPC } from "@/server/trpc/react";
import { SharedAnswersPanel } from "@/components/worksheet/SharedAnswersPanel";
import { Button } from "@/components/ui/Button";
import { Card } from "@/components/ui/Card";
import { Dialog } from "@/components/ui/Dialog";
import { Notice } from "@/components/ui/Notice";
import { useToast } from "@/components/ui/ToastProvider";
import { formatDate } from "@/server/schemas/dates";
import { KIND_LABELS } from "@/server/schemas/library";
import type { TherapistAssignmentRow } from "@/server/schemas/client";
import type { ClientReminderChoice } from "@/server/schemas/reminders";

/** One assigned reading on a client's page: status, tracking, note, date, shared reflection, actions. */
export function TherapistAssignmentCard({
  assignment,
  clientName,
  reminderChoice,
}: {
  assignment: TherapistAssignmentRow;
  clientName: string;
  reminderChoice: ClientReminderChoice;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const toast = useToast();
  const [confirming, setConfirming] = useState(false);
  const refresh = () => queryClient.invalidateQueries(trpc.client.pathFilter());
  const remind = useMutation(
    trpc.assignment.remind.mutationOptions({
      onSuccess: async (result) => {
        toast.show(
          result.queuedUntil
            ? `It's ${clientName}'s quiet hours, so the reminder will be sent after they end.`
            : `A gentle reminder is on its way to ${clientName}.`,
          { tone: "success" },
        );
        await refresh();
      },
    }),
  );
  const withdraw = useMutation(
    trpc.assignment.withdraw.mutationOptions({
      onSuccess: async () => {
        setConfirming(false);
        toast.show(`“${assignment.resource.title}” withdrawn.`, { tone: "success" });
        await refresh();
      },
    }),
  );
  const { resource, tracking } = assignment;
  const headingId = `assignment-${assignment.id}`;

  return (
    <Card as="li" aria-labelledby={headingId} className="flex flex-col gap-4">
      <div className="flex flex-col gap-2 sm:flex-row sm:items-start sm:justify-between">
        <div className="flex flex-col gap-1">
          <h3 id={headingId} className="text-lg font-semibold">
            {resource.title}
          </h3>
          <p className="text-sm text-muted">
            {KIND_LABELS[resource.kind]} · {resource.readingMinutes} min · assigned <LocalTime value={assignment.assignedAt} style="date" />
            {assignment.collectionTitle ? <> · from “{assignment.collectionTitle}”</> : null}
            {assignment.dueAt ? <> · suggested by {formatDate(assignment.dueAt)}</> : null}
          </p>
        </div>
        <StatusBadge status={tracking.status} audience="therapist" />
      </div>
      {assignment.note ? (
        <p className="text-sm">
          <span className="text-muted">Your note: </span>
          {assignment.note}
        </p>
      ) : null}
      <TrackingDetails tracking={tracking} />
      {tracking.answersShared ? <SharedAnswersPanel assignmentId={assignment.id} resourceTitle={resource.title} /> : null}
      <div className="flex flex-wrap items-center gap-2">
        {tracking.status === "NOT_OPENED" && reminderChoice.mode === "OFF" ? (
          <p className="text-sm text-muted">{clientName} has chosen not to get reminders.</p>
        ) : tracking.status === "NOT_OPENED" && reminderChoice.mode === "WEEKLY" ? (
          <p className="text-sm text-muted">{clientName} has chosen a weekly summary instead of separate reminders; this reading will be in it.</p>
        ) : assignment.canRemind ? (
          <>
            {reminderChoice.quietUntil ? (
              <p className="text-sm text-muted">
                It&rsquo;s {clientName}&rsquo;s quiet hours: a reminder will be sent after they end (<LocalTime value={reminderChoice.quietUntil} />).
              </p>
            ) : null}
            <Button size="sm" variant="secondary" loading={remind.isPending} onClick={() => remind.mutate({ id: assignment.id })}>
            Send a reminder<span className="sr-only"> about {resource.title}</span>
            </Button>
          </>
        ) : tracking.status === "NOT_OPENED" && assignment.lastReminderAt ? (
          <p className="text-sm text-muted">
            Reminder sent <LocalTime value={assignment.lastReminderAt} />. You can send another a day later.
          </p>
        ) : null}
        <Button size="sm" variant="ghost" onClick={() => setConfirming(true)}>
          Withdraw<span className="sr-only"> {resource.title}</span>
        </Button>
      </div>
      {remind.isError ? <Notice tone="error" live>{messageOf(remind.error)}</Notice> : null}
      <Dialog
        open={confirming}
        onClose={() => setConfirming(false)}
        title={`Withdraw “${resource.title}”?`}
        description={`${clientName} will no longer see it. Its history stays on this page.`}
        actions={
          <>
            <Button variant="secondary" onClick={() => setConfirming(false)}>
              Keep it
            </Button>
            <Button variant="danger" loading={withdraw.isPending} onClick={() => withdraw.mutate({ id: assignment.id })}>
              Withdraw
            </Button>
          </>
        }
      >
        {withdraw.isError ? <Notice tone="error" live>{messageOf(withdraw.error)}</Notice> : null}
      </Dialog>
    </Card>
  );
}
