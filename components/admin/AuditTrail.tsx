"use client";
import { useSuspenseInfiniteQuery } from "@tanstack/react-query";
import { useTRPC } from "@/server/trpc/react";
import { EmptyState } from "@/components/ui/EmptyState";
import { LoadMoreButton } from "@/components/ui/LoadMoreButton";
import type { AuditFilterInput } from "@/server/schemas/audit";
import { AuditEventsTable } from "./AuditEventsTable";
import { AUDIT_PAGE_SIZE } from "./page-sizes";


/** The filtered trail, newest first, fetched in keyset pages with "Load more". */
export function AuditTrail({ filter }: { filter: AuditFilterInput }) {
  const trpc = useTRPC();
  const query = useSuspenseInfiniteQuery(
    trpc.audit.list.infiniteQueryOptions({ filter, limit: AUDIT_PAGE_SIZE }, { getNextPageParam: (last) => last.nextCursor }),
  );
  const events = query.data.pages.flatMap((page) => page.items);
  if (!events.length) {
    return <EmptyState title="No events match these filters" body="Try a wider date range, or clear a filter." />;
  }
  return (
    <div className="flex flex-col gap-4">
      <p className="text-sm text-muted" aria-live="polite">
        Showing {events.length} {events.length === 1 ? "event" : "events"}
        {query.hasNextPage ? " so far" : ""}, newest first.
      </p>
      <AuditEventsTable events={events} caption="Audit events, newest first" />
      <LoadMoreButton
        hasMore={query.hasNextPage}
        loading={query.isFetchingNextPage}
        onClick={() => void query.fetchNextPage()}
        label="Load more events"
        endText={events.length > AUDIT_PAGE_SIZE ? "That's everything that matches." : undefined}
      />
    </div>
  );
}
