import { ReadingList } from "@/components/reading/ReadingList";
import { PageHeader } from "@/components/ui/PageHeader";
import { SkeletonSuspense } from "@/components/ui/SkeletonSuspense";
import { requireUser } from "@/server/auth";
import { HydrateClient, prefetch, trpc } from "@/server/trpc/server";

// No metadata here: client pages keep the neutral "Reading" title from the layout.
export default async function ClientHomePage() {
  const user = await requireUser("CLIENT");
  prefetch(trpc.reading.list.queryOptions());
  return (
    <>
      <PageHeader title="My readings" description={`Hello ${user.name.split(" ")[0]}. Take these at your own pace.`} />
      <HydrateClient>
        <SkeletonSuspense label="Loading your readings…" shapes={["h-28", "h-28"]}>
          <ReadingList />
        </SkeletonSuspense>
      </HydrateClient>
    </>
  );
}
