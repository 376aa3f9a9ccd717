import type { Metadata } from "next";
import { Suspense } from "react";
import { FavouritesList } from "@/components/library/FavouritesList";
import { ResultsSkeleton } from "@/components/library/ResultsSkeleton";
import { PageHeader } from "@/components/ui/PageHeader";
import { requireUser } from "@/server/auth";
import { HydrateClient, prefetch, trpc } from "@/server/trpc/server";

export const metadata: Metadata = { title: "Favourites" };

export default async function FavouritesPage() {
  await requireUser("THERAPIST");
  prefetch(trpc.library.favourites.queryOptions());
  return (
    <>
      <PageHeader title="Favourites" description="Resources you've marked to find again quickly." />
      <HydrateClient>
        <Suspense fallback={<ResultsSkeleton count={3} label="Loading your favourites…" />}>
          <FavouritesList />
        </Suspense>
      </HydrateClient>
    </>
  );
}
