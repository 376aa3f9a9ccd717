"use client";
import { useSuspenseQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useTRPC } from "@/server/trpc/react";
import { Badge } from "@/components/ui/Badge";
import { Card } from "@/components/ui/Card";
import { EmptyState } from "@/components/ui/EmptyState";
import { Notice } from "@/components/ui/Notice";
import { ROLE_LABELS, STATUS_LABELS } from "@/server/schemas/admin";
import { AccountActions } from "./AccountActions";
import { AuditEventsTable } from "./AuditEventsTable";
import { ClientDataSection } from "./ClientDataSection";
import { formatDate } from "@/server/schemas/dates";
import { TransferSharedResources } from "./TransferSharedResources";

export function AccountDetailView({ userId, currentUserId }: { userId: string; currentUserId: string }) {
  const trpc = useTRPC();
  const { data } = useSuspenseQuery(trpc.admin.accountById.queryOptions({ userId }));
  const { account, recentEvents } = data;
  const isSelf = account.id === currentUserId;
  const facts: [string, string][] = [
    ["Email", account.email],
    ["Role", ROLE_LABELS[account.role]],
    ["Last sign-in", formatDate(account.lastLoginAt, "dateTime", { empty: "Never" })],
    ["Created", formatDate(account.createdAt, "dateTime")],
    ["Last changed", formatDate(account.updatedAt, "dateTime")],
  ];
  if (account.role === "THERAPIST") facts.push(["Active clients", String(account.activeClientCount)]);

  return (
    <div className="flex flex-col gap-8">
      <Card as="section" aria-labelledby="details-heading" className="flex flex-col gap-4">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <h2 id="details-heading" className="flex items-center gap-3 text-xl font-semibold">
            Details
            <Badge tone={account.status === "ACTIVE" ? "success" : account.status === "INVITED" ? "info" : "neutral"}>{STATUS_LABELS[account.status]}</Badge>
          </h2>
          <AccountActions account={account} isSelf={isSelf} activeClientCount={account.activeClientCount} />
        </div>
        {account.lockedUntil && account.lockedUntil > new Date() ? (
          <Notice tone="warning">Sign-in is paused after several wrong passwords, until {formatDate(account.lockedUntil, "dateTime")}.</Notice>
        ) : null}
        {account.role === "ADMIN" && account.status === "ACTIVE" && account.activeAdminCount <= 1 ? (
          <Notice tone="info">This is the only active admin, so it can&apos;t be deactivated or given another role.</Notice>
        ) : null}
        <dl className="grid gap-x-6 gap-y-3 sm:grid-cols-[max-content_1fr]">
          {facts.map(([term, value]) => (
            <div key={term} className="contents">
              <dt className="font-medium">{term}</dt>
              <dd className="break-all text-muted">{value}</dd>
            </div>
          ))}
        </dl>
      </Card>

      {account.role === "THERAPIST" && account.sharedResourceCount > 0 ? (
        <TransferSharedResources therapistId={account.id} name={account.name} count={account.sharedResourceCount} />
      ) : null}

      {account.role !== "ADMIN" ? <ClientDataSection userId={account.id} role={account.role} name={account.name} /> : null}

      <section aria-labelledby="events-heading" className="flex flex-col gap-3">
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h2 id="events-heading" className="text-xl font-semibold">Recent activity by or about {account.name}</h2>
          <p className="flex flex-wrap gap-4">
            <Link href={`/admin/audit?actor=${encodeURIComponent(account.id)}`} className="underline underline-offset-4">Everything they did</Link>
            <Link href={`/admin/audit?targetType=User&targetId=${encodeURIComponent(account.id)}`} className="underline underline-offset-4">Everything done to this account</Link>
          </p>
        </div>
        {recentEvents.length ? (
          <AuditEventsTable events={recentEvents} caption={`Recent audit events by or about ${account.name}`} />
        ) : (
          <EmptyState title="No activity recorded yet" headingLevel={3} />
        )}
      </section>
    </div>
  );
}
