"use client";
import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState, type ReactNode } from "react";
import { useTRPC } from "@/server/trpc/react";
import { Button } from "@/components/ui/Button";
import { Notice } from "@/components/ui/Notice";
import { ProgressBar } from "@/components/ui/ProgressBar";
import { SkeletonSuspense } from "@/components/ui/SkeletonSuspense";
import { CheckInAfterReading } from "./CheckInAfterReading";
import { ListenControls } from "./ListenControls";
import { ReflectionForm, type OwnReflection } from "./ReflectionForm";
import { onReportAcknowledged, onReportDropped, useQueuedEntry, useQueueStatus, useReportQueue } from "./report-queue-browser";
import { SaveStatus } from "./SaveStatus";
import { TherapistSeesPanel } from "./TherapistSeesPanel";
import { useProgressReporter } from "./use-progress-reporter";

export interface ReadingSessionProps {
  /** The signed-in client: their unsent reports are kept on this device under their id. */
  userId: string;
  assignmentId: string;
  therapistName: string;
  /** False once care with the assigning therapist ended: reading stays possible, nothing is recorded. */
  careActive: boolean;
  initialProgress: number;
  initiallyDone: boolean;
  reflection: OwnReflection | null;
  /** The article, rendered on the server. */
  children: ReactNode;
  /** "Haven isn't for emergencies", offered calmly after a hard check-in. */
  crisisNotice?: ReactNode;
}

/** The reading view's moving parts: progress, "Mark as done", the reflection and the transparency panel. */
export function ReadingSession({ userId, assignmentId, therapistName, careActive, initialProgress, initiallyDone, reflection, children, crisisNotice }: ReadingSessionProps) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const articleRef = useRef<HTMLDivElement>(null);
  const queue = useReportQueue(userId, careActive);
  const [done, setDone] = useState(initiallyDone);
  const [refused, setRefused] = useState(false);
  const status = useQueueStatus(queue);
  const queued = useQueuedEntry(queue, assignmentId);
  const { furthest, flush, reportProgress } = useProgressReporter(queue, assignmentId, articleRef, initialProgress);
  useEffect(() => {
    const offAck = onReportAcknowledged((report) => {
      if (report.assignmentId === assignmentId) void queryClient.invalidateQueries(trpc.reading.pathFilter());
    });
    const offDrop = onReportDropped((report) => {
      if (report.assignmentId === assignmentId && report.kind === "done") setRefused(true);
    });
    return () => {
      offAck();
      offDrop();
    };
  }, [assignmentId, queryClient, trpc]);

  function markDone() {
    if (!queue) return;
    // Kept (with one idempotency key) until Haven has it: an outage or a lost connection
    // delays it, never loses it.
    queue.done(assignmentId);
    setDone(true);
    void flush();
    // Move focus to the next step so keyboard and screen-reader users land on it.
    requestAnimationFrame(() => document.getElementById("reflection-heading")?.focus());
  }
  const shownDone = (done || Boolean(queued?.done)) && !refused;

  return (
    <div className="flex flex-col gap-8">
      {!careActive ? (
        <Notice tone="info">
          Your time with {therapistName} has ended. You can keep reading this; nothing about it is recorded or shared any more.
        </Notice>
      ) : null}
      <ListenControls bodyRef={articleRef} onFinished={() => void reportProgress(100)} />
      <div ref={articleRef}>{children}</div>
      {/* Sticks to the bottom of the screen while reading (clear of the Quick exit corner), then rests here. */}
      <div className="sticky bottom-0 z-10 -mx-4 border-t border-border-subtle bg-surface px-4 py-2">
        <ProgressBar label="Reading progress" value={Math.max(furthest, initialProgress, queued?.progress?.value ?? 0)} />
        {careActive ? <SaveStatus status={status} /> : null}
      </div>
      {careActive ? (
        <section aria-label="When you've finished" className="flex flex-col gap-6 border-t border-border-subtle pt-6">
          {shownDone ? (
            <>
              <Notice tone="success">You marked this as done. Thank you for taking the time.</Notice>
              <ReflectionForm assignmentId={assignmentId} therapistName={therapistName} initial={reflection} queue={queue} />
              <CheckInAfterReading assignmentId={assignmentId} therapistName={therapistName} crisisNotice={crisisNotice} />
            </>
          ) : (
            <div className="flex flex-col gap-2">
              <p className="text-muted">Finished, or read as much as feels right for now?</p>
              <div>
                <Button onClick={markDone}>Mark as done</Button>
              </div>
              {refused ? (
                <Notice tone="error" live>
                  This reading can&apos;t be marked as done any more. It may have been withdrawn.
                </Notice>
              ) : null}
            </div>
          )}
        </section>
      ) : null}
      <SkeletonSuspense label="Loading what your therapist sees…" shapes={["h-24"]}>
        <TherapistSeesPanel assignmentId={assignmentId} />
      </SkeletonSuspense>
    </div>
  );
}
