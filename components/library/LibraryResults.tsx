"use client";

import { useSuspenseInfiniteQuery } from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import { useTRPC } from "@/server/trpc/react";
import { Button } from "@/components/ui/Button";
import { EmptyState } from "@/components/ui/EmptyState";
import { Field } from "@/components/ui/Field";
import { LoadMoreButton } from "@/components/ui/LoadMoreButton";
import { Select } from "@/components/ui/Select";
import { ResourceCard } from "./ResourceCard";
import { countActiveFilters, searchInputFor, withoutFilters, type LibraryFilters } from "./search-params";

type Props = { filters: LibraryFilters; onChange: (next: LibraryFilters) => void; updating: boolean };

const SORT_OPTIONS = [
  { value: "relevance", label: "Best match" },
  { value: "newest", label: "Newest first" },
  { value: "title", label: "Title, A to Z" },
  { value: "length", label: "Shortest read first" },
] as const;

export function LibraryResults({ filters, onChange, updating }: Props) {
  const trpc = useTRPC();
  const query = useSuspenseInfiniteQuery(
    trpc.library.search.infiniteQueryOptions(searchInputFor(filters), { getNextPageParam: (last) => last.nextCursor ?? undefined }),
  );
  const items = query.data.pages.flatMap((page) => page.items);
  const total = query.data.pages[0]?.total ?? 0;
  // Totals are exact up to 1,000; beyond that the server says only that there are more.
  const totalCapped = query.data.pages[0]?.totalCapped ?? false;
  // After "Load more", focus moves to the first new card so keyboard users continue where they were.
  const focusFrom = useRef<number | null>(null);
  useEffect(() => {
    const from = focusFrom.current;
    if (from === null || items.length <= from) return;
    document.getElementById(`result-${items[from]?.id}`)?.focus();
    focusFrom.current = null;
  }, [items]);

  const activeFilters = countActiveFilters(filters);
  // Without words to match, "best match" means newest first (as the server does).
  const sortShown = filters.sort === "relevance" && !filters.q ? "newest" : filters.sort;
  const heading = filters.q ? `Results for “${filters.q}”` : "Resources";

  return (
    <div className="flex flex-col gap-4" aria-busy={updating || undefined}>
      <div className="flex flex-col gap-3 sm:flex-row sm:items-end sm:justify-between">
        <div>
          <h2 id="library-results-heading" className="text-lg font-semibold">
            {heading}
          </h2>
          <p role="status" className="text-sm text-muted">
            {updating
              ? "Updating…"
              : total === 0
                ? "No resources found"
                : totalCapped
                  ? `More than ${total.toLocaleString("en-GB")} results. Showing ${items.length}.`
                  : `Showing ${items.length} of ${total} ${total === 1 ? "resource" : "resources"}`}
          </p>
        </div>
        <Field label="Sort by" className="sm:w-56">
          {(p) => (
            <Select {...p} value={sortShown} onChange={(e) => onChange({ ...filters, sort: e.currentTarget.value as LibraryFilters["sort"] })}>
              {SORT_OPTIONS.filter((o) => o.value !== "relevance" || filters.q).map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </Select>
          )}
        </Field>
      </div>

      {items.length === 0 ? (
        <EmptyState
          title={filters.q ? `No results for “${filters.q}”${activeFilters ? " — try fewer filters" : ""}` : "No resources match these filters — try fewer filters"}
          body={
            filters.q
              ? "Try a shorter or different word, check the spelling, or clear some filters. Misspellings are often fine: we look for close matches too."
              : "Clear a filter or two to see more of the library."
          }
          action={
            <div className="flex flex-wrap gap-2">
              {activeFilters ? (
                <Button variant="secondary" onClick={() => onChange(withoutFilters(filters))}>
                  Clear filters
                </Button>
              ) : null}
              {filters.q ? (
                <Button variant="ghost" onClick={() => onChange({ ...filters, q: "" })}>
                  Clear search
                </Button>
              ) : null}
            </div>
          }
        />
      ) : (
        <ul aria-labelledby="library-results-heading" className="flex flex-col gap-3">
          {items.map((item) => (
            <li key={item.id}>
              <ResourceCard resource={item} linkId={`result-${item.id}`} />
            </li>
          ))}
        </ul>
      )}

      <LoadMoreButton
        hasMore={query.hasNextPage}
        loading={query.isFetchingNextPage}
        label="Load more resources"
        endText={items.length > 0 && (totalCapped ? query.hasNextPage : total > items.length) ? undefined : items.length > 10 ? "That's everything that matches." : undefined}
        onClick={() => {
          focusFrom.current = items.length;
          void query.fetchNextPage();
        }}
      />
    </div>
  );
}
