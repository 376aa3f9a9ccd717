"use client";
import { useMutation } from "@tanstack/react-query";
import { TRPCClientError } from "@trpc/client";
import { useCallback, useEffect, useMemo, useState, type ReactNode } from "react";
import { messageOf } from "@/components/forms/field-errors";
import { newReportKey } from "@/components/reading/report-key";
import { useTRPC, useTRPCClient } from "@/server/trpc/react";
import { Button } from "@/components/ui/Button";
import { Notice } from "@/components/ui/Notice";
import { useToast } from "@/components/ui/ToastProvider";
import type { OwnWorksheet } from "@/server/schemas/worksheet";
import type { AnswerValue, Prompt } from "@/server/schemas/worksheet-prompts";
import { AnswerSaver, type SaveFailure } from "./answer-saver";
import { WorksheetContext, type SaveStatus, type WorksheetContextValue } from "./worksheet-context";

/**
 * The client's answers in a reading: autosaved a moment after typing stops (and on leaving a
 * field), one save at a time per question, each with an idempotency key and the revision it
 * builds on, retried calmly when the connection drops. Below the reading: private / shared.
 */
export function WorksheetAnswers({
  assignmentId,
  therapistName,
  initial,
  canShare,
  children,
}: {
  assignmentId: string;
  therapistName: string;
  initial: OwnWorksheet;
  /** False once care ended: answers stay the client's, there is no one to share them with. */
  canShare: boolean;
  children: ReactNode;
}) {
  const client = useTRPCClient();
  const [values, setValues] = useState<Record<string, AnswerValue>>(() => Object.fromEntries(initial.answers.map((a) => [a.promptId, a.value])));
  const [statuses, setStatuses] = useState<Record<string, { state: SaveStatus; message?: string }>>({});
  const answeredWith = useMemo(() => new Map(initial.answers.map((a) => [a.promptId, a.prompt])), [initial.answers]);
  const [saver] = useState(
    () =>
      new AnswerSaver(
        async (request) => {
          try {
            return await client.worksheet.saveAnswer.mutate({ id: assignmentId, ...request });
          } catch (error) {
            const code = error instanceof TRPCClientError ? (error.data as { code?: string } | undefined)?.code : undefined;
            const final = code === "BAD_REQUEST" || code === "NOT_FOUND" || code === "FORBIDDEN" || code === "UNAUTHORIZED";
            throw { final, message: messageOf(error) } satisfies SaveFailure;
          }
        },
        (promptId, state, message) => setStatuses((current) => ({ ...current, [promptId]: { state, message } })),
        newReportKey,
        initial.answers,
      ),
  );

  const change = useCallback(
    (prompt: Prompt, value: AnswerValue) => {
      setValues((current) => ({ ...current, [prompt.id]: value }));
      saver.change(prompt.id, value);
    },
    [saver],
  );
  const flush = useCallback((promptId: string) => saver.flush(promptId), [saver]);

  // Leaving the page: send whatever is still waiting for its pause.
  useEffect(() => {
    const onHide = () => saver.flush();
    window.addEventListener("pagehide", onHide);
    return () => {
      window.removeEventListener("pagehide", onHide);
      saver.flush();
    };
  }, [saver]);

  const context = useMemo<WorksheetContextValue>(
    () => ({
      value: (promptId) => values[promptId],
      answeredWith: (promptId) => answeredWith.get(promptId),
      status: (promptId) => statuses[promptId] ?? { state: "idle" },
      change,
      flush,
    }),
    [values, statuses, answeredWith, change, flush],
  );

  return (
    <WorksheetContext.Provider value={context}>
      {children}
      <WorksheetSharing assignmentId={assignmentId} therapistName={therapistName} initial={initial} canShare={canShare} />
    </WorksheetContext.Provider>
  );
}

/** Private by default; sharing is an explicit choice the client can undo at any time. */
function WorksheetSharing({ assignmentId, therapistName, initial, canShare }: { assignmentId: string; therapistName: string; initial: OwnWorksheet; canShare: boolean }) {
  const trpc = useTRPC();
  const toast = useToast();
  const [shared, setShared] = useState(initial.shared);
  const setSharing = useMutation(
    trpc.worksheet.setSharing.mutationOptions({
      onSuccess: (state) => {
        setShared(state.shared);
        toast.show(state.shared ? `Your answers are shared with ${therapistName}.` : "Your answers are private again. Only you can see them.", { tone: "success" });
      },
    }),
  );
  return (
    <section aria-labelledby="worksheet-answers-heading" className="mt-6 flex flex-col gap-3 rounded-xl border border-border-subtle bg-surface-muted p-4 print:hidden">
      <h2 id="worksheet-answers-heading" className="text-lg font-semibold">
        Your answers
      </h2>
      <p aria-live="polite" data-sharing={shared ? "shared" : "private"}>
        {shared
          ? `Shared with ${therapistName}. They can read your answers to this worksheet, including changes you make.`
          : "Your answers save as you go and are private: only you can see them."}
      </p>
      {canShare ? (
        <div>
          {shared ? (
            <Button variant="secondary" loading={setSharing.isPending} onClick={() => setSharing.mutate({ id: assignmentId, shared: false })}>
              Stop sharing my answers
            </Button>
          ) : (
            <Button variant="secondary" loading={setSharing.isPending} onClick={() => setSharing.mutate({ id: assignmentId, shared: true })}>
              Share my answers with {therapistName}
            </Button>
          )}
        </div>
      ) : null}
      {setSharing.isError ? <Notice tone="error" live>{messageOf(setSharing.error)}</Notice> : null}
    </section>
  );
}
