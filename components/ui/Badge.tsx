import type { ReactNode } from "react";
import { cn } from "./cn";

export type BadgeTone = "neutral" | "accent" | "success" | "warning" | "info";

export interface BadgeProps {
  tone?: BadgeTone;
  children: ReactNode;
  className?: string;
}

const tones: Record<BadgeTone, string> = {
  neutral: "bg-surface-muted text-ink border-border-subtle",
  accent: "bg-accent-tint text-accent border-accent/40",
  success: "bg-success-tint text-success border-success/40",
  warning: "bg-warning-tint text-warning border-warning/40",
  info: "bg-info-tint text-info border-info/40",
};

/** A short status label. The words carry the meaning; the tone only supports them. */
export function Badge({ tone = "neutral", children, className }: BadgeProps) {
  return (
    <span
      className={cn(
        "inline-flex items-center gap-1 rounded-full border px-2.5 py-0.5 text-sm font-medium leading-6 whitespace-nowrap",
        tones[tone],
        className,
      )}
    >
      {children}
    </span>
  );
}
