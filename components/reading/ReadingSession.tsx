"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRef, useState, type ReactNode } from "react";
import { messageOf } from "@/components/forms/field-errors";
import { useTRPC } from "@/components/trpc/client";
import { Button } from "@/components/ui/Button";
import { Notice } from "@/components/ui/Notice";
import { ProgressBar } from "@/components/ui/ProgressBar";
import { SkeletonSuspense } from "@/components/ui/SkeletonSuspense";
import { ListenControls } from "./ListenControls";
import { ReflectionForm, type OwnReflection } from "./ReflectionForm";
import { newReportKey } from "./report-key";
import { TherapistSeesPanel } from "./TherapistSeesPanel";
import { useProgressReporter } from "./use-progress-reporter";

export interface ReadingSessionProps {
  assignmentId: string;
  therapistName: string;
  /** False once care with the assigning therapist ended: reading stays possible, nothing is recorded. */
  careActive: boolean;
  initialProgress: number;
  initiallyDone: boolean;
  reflection: OwnReflection | null;
  /** The article, rendered on the server. */
  children: ReactNode;
}

/** The reading view's moving parts: progress, "Mark as done", the reflection and the transparency panel. */
export function ReadingSession({ assignmentId, therapistName, careActive, initialProgress, initiallyDone, reflection, children }: ReadingSessionProps) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const articleRef = useRef<HTMLDivElement>(null);
  const doneKey = useRef<string | null>(null);
  const [done, setDone] = useState(initiallyDone);
  const { furthest, flush, reportProgress } = useProgressReporter(assignmentId, articleRef, initialProgress, careActive);
  const complete = useMutation(
    trpc.reading.complete.mutationOptions({
      onSuccess: async () => {
        setDone(true);
        await queryClient.invalidateQueries(trpc.reading.pathFilter());
        // Move focus to the next step so keyboard and screen-reader users land on it.
        requestAnimationFrame(() => document.getElementById("reflection-heading")?.focus());
      },
    }),
  );

  async function markDone() {
    await flush();
    // One key per "Mark as done": a retry after a network error records nothing twice.
    doneKey.current ??= newReportKey();
    complete.mutate({ id: assignmentId, key: doneKey.current });
  }

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
        <ProgressBar label="Reading progress" value={Math.max(furthest, initialProgress)} />
      </div>
      {careActive ? (
        <section aria-label="When you've finished" className="flex flex-col gap-6 border-t border-border-subtle pt-6">
          {done ? (
            <>
              <Notice tone="success">You marked this as done. Thank you for taking the time.</Notice>
              <ReflectionForm assignmentId={assignmentId} therapistName={therapistName} initial={reflection} />
            </>
          ) : (
            <div className="flex flex-col gap-2">
              <p className="text-muted">Finished, or read as much as feels right for now?</p>
              <div>
                <Button onClick={markDone} loading={complete.isPending}>
                  Mark as done
                </Button>
              </div>
              {complete.isError ? <Notice tone="error" live>{messageOf(complete.error)}</Notice> : null}
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
