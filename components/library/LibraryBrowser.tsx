"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { Suspense, useMemo, useOptimistic, useState, useTransition } from "react";
import { Button } from "@/components/ui/Button";
import { Input } from "@/components/ui/Input";
import { LibraryFilters } from "./LibraryFilters";
import { LibraryResults } from "./LibraryResults";
import { ResultsSkeleton } from "./ResultsSkeleton";
import { Skeleton } from "@/components/ui/Skeleton";
import { SkeletonGroup } from "@/components/ui/SkeletonGroup";
import { filtersFromParams, paramsFromFilters, type LibraryFilters as Filters } from "./search-params";

function SearchBox({ initial, onSearch }: { initial: string; onSearch: (q: string) => void }) {
  const [value, setValue] = useState(initial);
  // When the URL's words change (a search, or the back button) the box shows them. Adjusted
  // here rather than by remounting (a `key`), which would drop keyboard focus after every search.
  const [shownFor, setShownFor] = useState(initial);
  if (shownFor !== initial) {
    setShownFor(initial);
    setValue(initial);
  }
  return (
    <form
      role="search"
      aria-label="Library"
      className="flex flex-col gap-2 sm:flex-row sm:items-end"
      onSubmit={(event) => {
        event.preventDefault();
        onSearch(value.trim());
      }}
    >
      <div className="flex flex-1 flex-col gap-1.5">
        <label htmlFor="library-search" className="font-medium text-ink">
          Search the library
        </label>
        <Input
          id="library-search"
          type="search"
          name="q"
          value={value}
          maxLength={200}
          placeholder="e.g. self-compassion, avoidant, grounding"
          onChange={(e) => setValue(e.currentTarget.value)}
        />
      </div>
      <Button type="submit">Search</Button>
    </form>
  );
}

function FiltersSkeleton() {
  return (
    <SkeletonGroup label="Loading filters…">
      {Array.from({ length: 8 }, (_, i) => (
        <Skeleton key={i} className="h-5 w-3/4" />
      ))}
    </SkeletonGroup>
  );
}

/** Search, filters and results; everything is read from and written to the URL. */
export function LibraryBrowser() {
  const searchParams = useSearchParams();
  const filters = useMemo(() => filtersFromParams(searchParams), [searchParams]);
  const router = useRouter();
  const pathname = usePathname();
  const [updating, startTransition] = useTransition();
  // Controls show the new choice at once; the URL (and so the server) catches up in the transition.
  const [shown, setShown] = useOptimistic(filters);

  const navigate = (next: Filters) => {
    const query = paramsFromFilters(next);
    startTransition(() => {
      setShown(next);
      router.push(query ? `${pathname}?${query}` : pathname, { scroll: false });
    });
  };

  return (
    <div className="flex flex-col gap-6">
      <SearchBox initial={filters.q} onSearch={(q) => navigate({ ...shown, q })} />
      {/* Keyboard users need not tab through every filter to reach the results. */}
      <a
        href="#library-results"
        className="sr-only focus:not-sr-only focus:self-start focus:rounded-md focus:bg-surface focus:px-3 focus:py-2 focus:underline"
      >
        Skip to results
      </a>
      <div className="grid gap-8 lg:grid-cols-[16rem_1fr]">
        <aside className="rounded-xl border border-border-subtle bg-surface p-4 lg:self-start">
          <Suspense fallback={<FiltersSkeleton />}>
            <LibraryFilters filters={shown} onChange={navigate} />
          </Suspense>
        </aside>
        <section id="library-results" tabIndex={-1} aria-labelledby="library-results-heading" className="min-w-0 focus:outline-none">
          <Suspense fallback={<ResultsSkeleton />}>
            <LibraryResults filters={shown} onChange={navigate} updating={updating} />
          </Suspense>
        </section>
      </div>
    </div>
  );
}
