import { TRPCError } from "@trpc/server";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AccountDetailView } from "@/components/admin/AccountDetailView";
import { PageHeader } from "@/components/ui/PageHeader";
import { SkeletonSuspense } from "@/components/ui/SkeletonSuspense";
import { requireUser } from "@/server/auth";
import { HydrateClient, prefetch, serverCaller, trpc } from "@/server/trpc/server";

export const metadata: Metadata = { title: "Account" };

export default async function AccountPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser("ADMIN");
  const { id } = await params;
  const found = await (await serverCaller())
    .admin.accountById({ userId: id.slice(0, 40) })
    .catch((error: unknown) => {
      if (error instanceof TRPCError && (error.code === "NOT_FOUND" || error.code === "BAD_REQUEST")) return null;
      throw error;
    });
  if (!found) notFound();
  prefetch(trpc.admin.accountById.queryOptions({ userId: found.account.id }));
  return (
    <>
      <PageHeader
        eyebrow={<Link href="/admin/accounts" className="underline underline-offset-4">All accounts</Link>}
        title={found.account.name}
      />
      <HydrateClient>
        <SkeletonSuspense label="Loading the account…" shapes={["h-40"]}>
          <AccountDetailView userId={found.account.id} currentUserId={user.id} />
        </SkeletonSuspense>
      </HydrateClient>
    </>
  );
}
