import type { Metadata } from "next";
import { headers } from "next/headers";
import { TherapistHome } from "@/components/dashboard/TherapistHome";
import { LinkButton } from "@/components/ui/LinkButton";
import { PageHeader } from "@/components/ui/PageHeader";
import { SkeletonSuspense } from "@/components/ui/SkeletonSuspense";
import { requireUser } from "@/server/auth";
import { isPrefetchOrBot } from "@/server/services/tracking/events";
import { HydrateClient, prefetch, serverCaller, trpc } from "@/server/trpc/server";

export const metadata: Metadata = { title: "Home" };

export default async function TherapistHomePage() {
  const user = await requireUser("THERAPIST");
  // "Since my last visit": this render is the visit. A link prefetch is not, so it changes nothing.
  const previousVisitAt = isPrefetchOrBot(await headers()) ? null : (await (await serverCaller()).dashboard.visitHome()).previousVisitAt;
  prefetch(trpc.dashboard.therapist.queryOptions({ since: previousVisitAt }));
  return (
    <>
      <PageHeader
        title={`Welcome, ${user.name}`}
        description="Your clients' readings and your library, in one calm place."
        actions={
          <>
            <LinkButton href="/therapist/clients">Clients</LinkButton>
            <LinkButton href="/therapist/library" variant="secondary">
              Library
            </LinkButton>
          </>
        }
      />
      <HydrateClient>
        <SkeletonSuspense label="Loading your overview…" shapes={["h-32", "h-48"]}>
          <TherapistHome since={previousVisitAt?.toISOString() ?? null} />
        </SkeletonSuspense>
      </HydrateClient>
    </>
  );
}
