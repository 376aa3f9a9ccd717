import type { Metadata } from "next";
import { CollectionEditor } from "@/components/collections/CollectionEditor";
import { notFoundOnMissing } from "@/components/library/not-found-on";
import { requireUser } from "@/server/auth";
import { getQueryClient, HydrateClient, trpc } from "@/server/trpc/server";

export const metadata: Metadata = { title: "Reading plan" };

export default async function CollectionPage({ params }: { params: Promise<{ id: string }> }) {
  await requireUser("THERAPIST");
  const { id } = await params;
  // Loaded here (not only prefetched) so a plan that isn't yours renders the 404 page.
  await getQueryClient()
    .fetchQuery({ ...trpc.collection.byId.queryOptions({ id }), retry: false })
    .catch(notFoundOnMissing);
  return (
    <HydrateClient>
      <CollectionEditor id={id} />
    </HydrateClient>
  );
}
