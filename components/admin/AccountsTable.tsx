"use client";
import { useSuspenseInfiniteQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useTRPC } from "@/server/trpc/react";
import { Badge } from "@/components/ui/Badge";
import { EmptyState } from "@/components/ui/EmptyState";
import { LoadMoreButton } from "@/components/ui/LoadMoreButton";
import { TableScroll } from "@/components/ui/TableScroll";
import { ROLE_LABELS, STATUS_LABELS, type AccountListInput } from "@/server/schemas/admin";
import { AccountActions } from "./AccountActions";
import { formatDate } from "@/server/schemas/dates";
import { ACCOUNTS_PAGE_SIZE } from "./page-sizes";
import { TableHead, Th } from "@/components/ui/Table";


export function AccountsTable({ filter, currentUserId }: { filter: Omit<AccountListInput, "cursor" | "limit">; currentUserId: string }) {
  const trpc = useTRPC();
  const query = useSuspenseInfiniteQuery(
    trpc.admin.listAccounts.infiniteQueryOptions({ ...filter, limit: ACCOUNTS_PAGE_SIZE }, { getNextPageParam: (last) => last.nextCursor }),
  );
  const rows = query.data.pages.flatMap((page) => page.items);
  const filtered = Boolean(filter.role || filter.status || filter.search);

  if (!rows.length) {
    return filtered ? (
      <EmptyState title="No accounts match" body="Try a different search, or clear the filters." action={<Link href="/admin/accounts" className="underline underline-offset-4">Clear filters</Link>} />
    ) : (
      <EmptyState title="No accounts yet" body="Invite a therapist or an admin to get started." />
    );
  }

  return (
    <div className="flex flex-col gap-4">
      <TableScroll label="Accounts">
        <table className="w-full border-collapse text-left">
          <caption className="sr-only">Accounts, newest first</caption>
          <TableHead>
            <Th>Name</Th>
            <Th>Role</Th>
            <Th>Status</Th>
            <Th>Last sign-in</Th>
            <Th>Created</Th>
            <Th last><span className="sr-only">Actions</span></Th>
          </TableHead>
          <tbody>
            {rows.map((account) => (
              <tr key={account.id} className="border-b border-border-subtle align-top">
                <td className="py-3 pr-4">
                  <Link href={`/admin/accounts/${account.id}`} className="font-medium underline underline-offset-4">{account.name}</Link>
                  <span className="block text-sm break-all text-muted">{account.email}</span>
                </td>
                <td className="py-3 pr-4">{ROLE_LABELS[account.role]}</td>
                <td className="py-3 pr-4">
                  <Badge tone={account.status === "ACTIVE" ? "success" : account.status === "INVITED" ? "info" : "neutral"}>{STATUS_LABELS[account.status]}</Badge>
                </td>
                <td className="py-3 pr-4 text-sm">{formatDate(account.lastLoginAt, "dateTime", { empty: "Never" })}</td>
                <td className="py-3 pr-4 text-sm">{formatDate(account.createdAt)}</td>
                <td className="py-3 text-right">
                  <AccountActions account={account} isSelf={account.id === currentUserId} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      <LoadMoreButton
        hasMore={query.hasNextPage}
        loading={query.isFetchingNextPage}
        onClick={() => void query.fetchNextPage()}
        label="Load more accounts"
        endText={rows.length > ACCOUNTS_PAGE_SIZE ? "That's every account that matches." : undefined}
      />
    </div>
  );
}
