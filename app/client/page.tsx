import { Suspense } from "react";
import { ReadingList } from "@/components/reading/ReadingList";
import { PageHeader } from "@/components/ui/PageHeader";
import { Skeleton } from "@/components/ui/Skeleton";
import { SkeletonGroup } from "@/components/ui/SkeletonGroup";
import { requireUser } from "@/server/auth";
import { HydrateClient, prefetch, trpc } from "@/server/trpc-rsc";

// No metadata here: client pages keep the neutral "Reading" title from the layout.
export default async function ClientHomePage() {
  const user = await requireUser("CLIENT");
  prefetch(trpc.reading.list.queryOptions());
  return (
    <>
      <PageHeader title="My readings" description={`Hello ${user.name.split(" ")[0]}. Take these at your own pace.`} />
      <HydrateClient>
        <Suspense
          fallback={
            <SkeletonGroup label="Loading your readings…">
              <Skeleton className="h-28" />
              <Skeleton className="h-28" />
            </SkeletonGroup>
          }
        >
          <ReadingList />
        </Suspense>
      </HydrateClient>
    </>
  );
}
