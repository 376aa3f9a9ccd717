"use client";
import { useQuery } from "@tanstack/react-query";
import { useId, useState } from "react";
import { LocalTime } from "@/components/ui/LocalTime";
import { messageOf } from "@/components/forms/field-errors";
import { useTRPC } from "@/server/trpc/react";
import { Button } from "@/components/ui/Button";
import { Notice } from "@/components/ui/Notice";

/**
 * For the therapist, beside an assignment: the worksheet answers the client chose to share. Loaded
 * only when opened (each opening is audited); shown only while shared.
 */
export function SharedAnswersPanel({ assignmentId, resourceTitle }: { assignmentId: string; resourceTitle: string }) {
  const trpc = useTRPC();
  const [open, setOpen] = useState(false);
  const regionId = useId();
  const answers = useQuery({ ...trpc.worksheet.shared.queryOptions({ id: assignmentId }), enabled: open, staleTime: 0, gcTime: 0 });
  return (
    <div className="flex flex-col gap-2">
      <div>
        <Button size="sm" variant="secondary" aria-expanded={open} aria-controls={regionId} onClick={() => setOpen((value) => !value)}>
          {open ? "Hide shared answers" : "Show shared answers"}
          <span className="sr-only"> to {resourceTitle}</span>
        </Button>
      </div>
      <div id={regionId} hidden={!open}>
        {open ? (
          answers.isPending ? (
            <p className="text-sm text-muted">Loading…</p>
          ) : answers.isError ? (
            <Notice tone="info">{messageOf(answers.error)}</Notice>
          ) : (
            <section aria-label={`Answers shared for ${resourceTitle}`} className="flex flex-col gap-2 rounded-lg bg-surface-muted p-3" data-shared-answers>
              <p className="text-sm text-muted">
                Shared by your client{answers.data.sharedAt ? <> · <LocalTime value={answers.data.sharedAt} /></> : null}. Questions are shown as they read when answered.
              </p>
              {answers.data.answers.length ? (
                <dl className="flex flex-col gap-3">
                  {answers.data.answers.map((answer) => (
                    <div key={answer.promptId}>
                      <dt className="text-sm font-medium">{answer.prompt.label}</dt>
                      <dd className="whitespace-pre-line">{answer.text}</dd>
                    </div>
                  ))}
                </dl>
              ) : (
                <p className="text-sm">No answers yet.</p>
              )}
            </section>
          )
        ) : null}
      </div>
    </div>
  );
}
