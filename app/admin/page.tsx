import type { Metadata } from "next";
import { Suspense } from "react";
import { AdminOverview } from "@/components/admin/AdminOverview";
import { PageHeader } from "@/components/ui/PageHeader";
import { Skeleton } from "@/components/ui/Skeleton";
import { SkeletonGroup } from "@/components/ui/SkeletonGroup";
import { requireUser } from "@/server/auth";
import { HydrateClient, prefetch, trpc } from "@/server/trpc-rsc";

export const metadata: Metadata = { title: "Overview" };

export default async function AdminHomePage() {
  await requireUser("ADMIN");
  prefetch(trpc.admin.overview.queryOptions());
  return (
    <>
      <PageHeader title="Overview" description="Accounts, the shared library and the audit trail, at a glance." />
      <HydrateClient>
        <Suspense
          fallback={
            <SkeletonGroup label="Loading the overview…">
              <Skeleton className="h-24" />
              <Skeleton className="h-40" />
            </SkeletonGroup>
          }
        >
          <AdminOverview />
        </Suspense>
      </HydrateClient>
    </>
  );
}
