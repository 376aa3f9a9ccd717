"use client";
import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "@/server/trpc/react";
import { Skeleton } from "@/components/ui/Skeleton";
import { SkeletonGroup } from "@/components/ui/SkeletonGroup";

/** How this resource is doing among my current clients: assigned, opened, finished, average shared rating. */
export function ResourceEngagement({ resourceId }: { resourceId: string }) {
  const trpc = useTRPC();
  const engagement = useQuery(trpc.assignment.engagement.queryOptions({ resourceId }));
  return (
    <section aria-labelledby={`engagement-${resourceId}`} className="flex flex-col gap-3">
      <h2 id={`engagement-${resourceId}`} className="text-lg font-semibold">
        With your clients
      </h2>
      {engagement.isPending ? (
        <SkeletonGroup label="Loading engagement…">
          <Skeleton className="h-12" />
        </SkeletonGroup>
      ) : engagement.isError ? (
        <p className="text-muted">We couldn&apos;t load this just now.</p>
      ) : engagement.data.assigned === 0 ? (
        <p className="text-muted">You haven&apos;t assigned this to any current client yet.</p>
      ) : (
        <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4">
          {[
            ["Assigned", String(engagement.data.assigned)],
            ["Opened", String(engagement.data.opened)],
            ["Finished", String(engagement.data.finished)],
            [
              "Average rating",
              engagement.data.averageRating === null
                ? "None shared"
                : `${engagement.data.averageRating} of 5 (${engagement.data.ratingCount} shared)`,
            ],
          ].map(([label, value]) => (
            <div key={label} className="rounded-lg border border-border-subtle bg-surface p-3">
              <dt className="text-sm text-muted">{label}</dt>
              <dd className="text-lg font-semibold tabular-nums">{value}</dd>
            </div>
          ))}
        </dl>
      )}
    </section>
  );
}
