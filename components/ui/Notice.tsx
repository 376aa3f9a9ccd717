import { useId, type ReactNode } from "react";
import { cn } from "./cn";

export type NoticeTone = "info" | "success" | "warning" | "error";

export interface NoticeProps {
  tone?: NoticeTone;
  /** Short heading; when set, the notice is a region named by it (findable by role + name). */
  title?: ReactNode;
  children?: ReactNode;
  /**
   * Announce it: errors get role="alert", other tones role="status". Only for notices that
   * appear in response to something the person did (e.g. after submitting a form).
   */
  live?: boolean;
  /** Optional follow-up, e.g. a retry button or a link. */
  action?: ReactNode;
  className?: string;
}

const tones: Record<NoticeTone, { box: string; word: string }> = {
  info: { box: "bg-info-tint border-info", word: "Information" },
  success: { box: "bg-success-tint border-success", word: "Done" },
  warning: { box: "bg-warning-tint border-warning", word: "Please note" },
  error: { box: "bg-danger-tint border-danger", word: "There is a problem" },
};

/** An inline message block. Calm by design: a soft tint and a coloured edge, plain words. */
export function Notice({ tone = "info", title, children, live = false, action, className }: NoticeProps) {
  const titleId = `notice-${useId()}`;
  const role = live ? (tone === "error" ? "alert" : "status") : title ? "region" : undefined;

  return (
    <div
      role={role}
      aria-labelledby={title ? titleId : undefined}
      className={cn("flex flex-col gap-2 rounded-xl border-l-4 p-4 text-ink", tones[tone].box, className)}
    >
      {title ? (
        <p id={titleId} className="font-semibold">
          {title}
        </p>
      ) : (
        <span className="sr-only">{tones[tone].word}: </span>
      )}
      {children ? <div className="flex flex-col gap-2">{children}</div> : null}
      {action ? <div className="pt-1">{action}</div> : null}
    </div>
  );
}
