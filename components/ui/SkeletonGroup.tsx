import type { ReactNode } from "react";
import { cn } from "./cn";

export interface SkeletonGroupProps {
  /** What screen readers hear instead of the shapes. */
  label?: string;
  /** Skeleton shapes. */
  children: ReactNode;
  className?: string;
}

/** Loading placeholder: a polite status saying "Loading…" around aria-hidden Skeletons. */
export function SkeletonGroup({ label = "Loading…", children, className }: SkeletonGroupProps) {
  return (
    <div role="status" className={cn("flex flex-col gap-3", className)}>
      <span className="sr-only">{label}</span>
      {children}
    </div>
  );
}
