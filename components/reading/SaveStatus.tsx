"use client";
import type { QueueStatus } from "./report-queue";

const TEXT: Record<QueueStatus, string> = {
  saved: "Saved",
  saving: "Saving…",
  waiting: "Will save when you're connected",
  signin: "Please sign in again to save this. What you did here is kept on this device until then.",
};

/**
 * A quiet line saying whether what the client did here has reached Haven. Polite live region:
 * announced when it changes, never interrupting; "Saving…" is shown but not worth announcing.
 */
export function SaveStatus({ status }: { status: QueueStatus }) {
  return (
    <p className="text-sm text-muted" data-testid="save-status" data-status={status}>
      <span aria-live="polite" role="status">
        {status === "saving" ? "" : TEXT[status]}
      </span>
      {status === "saving" ? <span aria-hidden="true">{TEXT.saving}</span> : null}
      {status === "signin" ? (
        <>
          {" "}
          <a href="/signin" className="underline underline-offset-4">
            Sign in
          </a>
        </>
      ) : null}
    </p>
  );
}
