import type { Metadata } from "next";
import { Suspense } from "react";
import { LibraryBrowser } from "@/components/library/LibraryBrowser";
import { ResultsSkeleton } from "@/components/library/ResultsSkeleton";
import { filtersFromParams, searchInputFor } from "@/components/library/search-params";
import { LinkButton } from "@/components/ui/LinkButton";
import { PageHeader } from "@/components/ui/PageHeader";
import { requireUser } from "@/server/auth";
import { HydrateClient, prefetch, trpc } from "@/server/trpc/server";

export const metadata: Metadata = { title: "Library" };

export default async function LibraryPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireUser("THERAPIST");
  const filters = filtersFromParams(await searchParams);
  prefetch(trpc.library.search.infiniteQueryOptions(searchInputFor(filters), { getNextPageParam: (last) => last.nextCursor ?? undefined }));
  prefetch(trpc.library.tags.queryOptions());
  return (
    <>
      <PageHeader
        title="Library"
        description="Find the right reading for a client: search in plain words, then narrow by topic, kind, length or content note."
        actions={
          <LinkButton href="/therapist/library/new" variant="secondary">
            Write a resource
          </LinkButton>
        }
      />
      <HydrateClient>
        <Suspense fallback={<ResultsSkeleton />}>
          <LibraryBrowser />
        </Suspense>
      </HydrateClient>
    </>
  );
}
