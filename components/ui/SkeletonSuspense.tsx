import { Suspense, type ReactNode } from "react";
import { Skeleton } from "./Skeleton";
import { SkeletonGroup } from "./SkeletonGroup";

export interface SkeletonSuspenseProps {
  /** What screen readers hear while loading, e.g. "Loading your readings…". */
  label: string;
  /** One Skeleton per entry, by its size classes, e.g. ["h-32", "h-48"]. */
  shapes: string[];
  children: ReactNode;
}

/** A Suspense boundary whose fallback is a labelled SkeletonGroup: the loading state of most data sections. */
export function SkeletonSuspense({ label, shapes, children }: SkeletonSuspenseProps) {
  return (
    <Suspense
      fallback={
        <SkeletonGroup label={label}>
          {shapes.map((shape, index) => (
            <Skeleton key={index} className={shape} />
          ))}
        </SkeletonGroup>
      }
    >
      {children}
    </Suspense>
  );
}
