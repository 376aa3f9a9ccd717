import type { Metadata } from "next";
import { Suspense } from "react";
import { CollectionList } from "@/components/collections/CollectionList";
import { NewCollectionForm } from "@/components/collections/NewCollectionForm";
import { ResultsSkeleton } from "@/components/library/ResultsSkeleton";
import { PageHeader } from "@/components/ui/PageHeader";
import { requireUser } from "@/server/auth";
import { HydrateClient, prefetch, trpc } from "@/server/trpc/server";

export const metadata: Metadata = { title: "Reading plans" };

export default async function CollectionsPage() {
  await requireUser("THERAPIST");
  prefetch(trpc.collection.list.queryOptions());
  return (
    <>
      <PageHeader title="Reading plans" description="Ordered sets of resources (collections) to share with a client step by step." />
      <div className="flex flex-col gap-8">
        <NewCollectionForm />
        <HydrateClient>
          <Suspense fallback={<ResultsSkeleton count={2} label="Loading your reading plans…" />}>
            <CollectionList />
          </Suspense>
        </HydrateClient>
      </div>
    </>
  );
}
