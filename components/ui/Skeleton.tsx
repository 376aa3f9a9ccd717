import { cn } from "./cn";

export interface SkeletonProps {
  /** Size and shape, e.g. "h-4 w-2/3" or "h-24 w-full rounded-xl". Default: one text line. */
  className?: string;
}

/** A placeholder shape; hidden from screen readers. Wrap a group of them in SkeletonGroup. */
export function Skeleton({ className }: SkeletonProps) {
  return (
    <span
      aria-hidden="true"
      className={cn("block h-4 w-full animate-pulse rounded-md bg-surface-muted", className)}
    />
  );
}
