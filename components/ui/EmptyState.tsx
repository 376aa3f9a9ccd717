import type { ReactNode } from "react";
import { cn } from "./cn";

export interface EmptyStateProps {
  title: string;
  /** One or two kind sentences: what will appear here and how it gets here. */
  body?: ReactNode;
  /** Usually a LinkButton or Button. */
  action?: ReactNode;
  headingLevel?: 2 | 3;
  className?: string;
}

/** What a list shows when there is nothing in it yet. No icons, no blame. */
export function EmptyState({ title, body, action, headingLevel = 2, className }: EmptyStateProps) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <div
      className={cn(
        "flex flex-col items-start gap-3 rounded-xl border border-dashed border-border bg-surface px-5 py-8 sm:items-center sm:text-center",
        className,
      )}
    >
      <Heading className="text-lg font-semibold text-ink">{title}</Heading>
      {body ? <div className="max-w-prose text-muted">{body}</div> : null}
      {action ? <div className="pt-1">{action}</div> : null}
    </div>
  );
}
