import { Skeleton } from "@/components/ui/Skeleton";
import { SkeletonGroup } from "@/components/ui/SkeletonGroup";

/** Placeholder cards while resources load. */
export function ResultsSkeleton({ count = 4, label = "Loading resources…" }: { count?: number; label?: string }) {
  return (
    <SkeletonGroup label={label}>
      {Array.from({ length: count }, (_, i) => (
        <div key={i} className="flex flex-col gap-3 rounded-xl border border-border-subtle bg-surface p-5">
          <Skeleton className="h-5 w-2/3" />
          <Skeleton className="h-4 w-full" />
          <Skeleton className="h-4 w-5/6" />
          <Skeleton className="h-6 w-1/3 rounded-full" />
        </div>
      ))}
    </SkeletonGroup>
  );
}
