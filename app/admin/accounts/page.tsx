import type { Metadata } from "next";
import { Suspense } from "react";
import { AccountFilters } from "@/components/admin/AccountFilters";
import { AccountsTable } from "@/components/admin/AccountsTable";
import { ACCOUNTS_PAGE_SIZE } from "@/components/admin/page-sizes";
import { InviteStaffDialog } from "@/components/admin/InviteStaffDialog";
import { PendingInvitations } from "@/components/admin/PendingInvitations";
import { PageHeader } from "@/components/ui/PageHeader";
import { SkeletonSuspense } from "@/components/ui/SkeletonSuspense";
import { requireUser } from "@/server/auth";
import { accountListInput } from "@/server/schemas/admin";
import { HydrateClient, prefetch, trpc } from "@/server/trpc/server";

export const metadata: Metadata = { title: "Accounts" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function AccountsPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requireUser("ADMIN");
  const params = await searchParams;
  const one = (key: string) => (typeof params[key] === "string" ? params[key] : undefined);
  // Unknown filter values are ignored rather than shown as an error.
  const parsed = accountListInput.safeParse({ role: one("role") || undefined, status: one("status") || undefined, search: one("q") });
  const filter = parsed.success ? { role: parsed.data.role, status: parsed.data.status, search: parsed.data.search } : {};
  prefetch(trpc.admin.listAccounts.infiniteQueryOptions({ ...filter, limit: ACCOUNTS_PAGE_SIZE }, { getNextPageParam: (last) => last.nextCursor }));
  prefetch(trpc.admin.listInvitations.queryOptions());

  return (
    <>
      <PageHeader
        title="Accounts"
        description="Everyone with a Haven account. Therapists and admins join by invitation; clients are invited by their therapist."
        actions={<InviteStaffDialog />}
      />
      <HydrateClient>
        <div className="flex flex-col gap-8">
          <Suspense fallback={null}>
            <PendingInvitations />
          </Suspense>
          <AccountFilters role={filter.role} status={filter.status} search={filter.search} />
          <SkeletonSuspense key={JSON.stringify(filter)} label="Loading accounts…" shapes={["h-10", "h-10", "h-10"]}>
            <AccountsTable filter={filter} currentUserId={user.id} />
          </SkeletonSuspense>
        </div>
      </HydrateClient>
    </>
  );
}
