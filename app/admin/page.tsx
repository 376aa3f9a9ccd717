import type { Metadata } from "next";
import { AdminOverview } from "@/components/admin/AdminOverview";
import { PageHeader } from "@/components/ui/PageHeader";
import { SkeletonSuspense } from "@/components/ui/SkeletonSuspense";
import { requireUser } from "@/server/auth";
import { HydrateClient, prefetch, trpc } from "@/server/trpc/server";

export const metadata: Metadata = { title: "Overview" };

export default async function AdminHomePage() {
  await requireUser("ADMIN");
  prefetch(trpc.admin.overview.queryOptions());
  return (
    <>
      <PageHeader title="Overview" description="Accounts, the shared library and the audit trail, at a glance." />
      <HydrateClient>
        <SkeletonSuspense label="Loading the overview…" shapes={["h-24", "h-40"]}>
          <AdminOverview />
        </SkeletonSuspense>
      </HydrateClient>
    </>
  );
}
