"use client";
import { useSuspenseQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useTRPC } from "@/server/trpc/react";
import { Card } from "@/components/ui/Card";
import { EmptyState } from "@/components/ui/EmptyState";
import { ACCOUNT_STATUSES, ROLE_LABELS, STATUS_LABELS } from "@/server/schemas/admin";
import { AuditEventsTable } from "./AuditEventsTable";
import { TableHead, Th } from "@/components/ui/Table";

const ROLES = ["ADMIN", "THERAPIST", "CLIENT"] as const;

function Stat({ label, value, hint }: { label: string; value: number; hint?: string }) {
  return (
    <Card as="li" className="flex flex-col gap-1">
      <span className="text-sm text-muted">{label}</span>
      <span className="text-3xl font-semibold">{value}</span>
      {hint ? <span className="text-sm text-muted">{hint}</span> : null}
    </Card>
  );
}

export function AdminOverview() {
  const trpc = useTRPC();
  const { data } = useSuspenseQuery(trpc.admin.overview.queryOptions());
  const count = (role: string, status: string) => data.users.find((u) => u.role === role && u.status === status)?.count ?? 0;
  const resources = (status: string, shared: boolean) =>
    data.resources.filter((r) => r.status === status && r.shared === shared).reduce((sum, r) => sum + r.count, 0);

  return (
    <div className="flex flex-col gap-10">
      <section aria-labelledby="activity-heading" className="flex flex-col gap-3">
        <h2 id="activity-heading" className="text-xl font-semibold">Reading activity</h2>
        <ul className="grid gap-3 sm:grid-cols-3">
          <Stat label="Active assignments" value={data.activeAssignments} />
          <Stat label="Opens in the last 7 days" value={data.opensLast7Days} hint="First opens and re-opens" />
          <Stat label="Completions in the last 7 days" value={data.completionsLast7Days} />
        </ul>
      </section>

      <section aria-labelledby="accounts-heading" className="flex flex-col gap-3">
        <h2 id="accounts-heading" className="text-xl font-semibold">Accounts</h2>
        <table className="w-full max-w-2xl border-collapse text-left">
          <caption className="sr-only">Accounts by role and status</caption>
          <TableHead>
            <Th>Role</Th>
            {ACCOUNT_STATUSES.map((status) => (
              <Th key={status}>{STATUS_LABELS[status]}</Th>
            ))}
          </TableHead>
          <tbody>
            {ROLES.map((role) => (
              <tr key={role} className="border-b border-border-subtle">
                <Th scope="row">
                  <Link href={`/admin/accounts?role=${role}`} className="underline underline-offset-4">{ROLE_LABELS[role]}s</Link>
                </Th>
                {ACCOUNT_STATUSES.map((status) => (
                  <td key={status} className="py-2 pr-4">{count(role, status)}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <section aria-labelledby="resources-heading" className="flex flex-col gap-3">
        <h2 id="resources-heading" className="text-xl font-semibold">Resources</h2>
        <ul className="grid gap-3 sm:grid-cols-3">
          <Stat label="Shared and published" value={resources("PUBLISHED", true)} hint={`${resources("DRAFT", true)} shared drafts`} />
          <Stat label="Private to a therapist" value={resources("PUBLISHED", false) + resources("DRAFT", false)} />
          <Stat label="Archived" value={resources("ARCHIVED", true) + resources("ARCHIVED", false)} />
        </ul>
      </section>

      <section aria-labelledby="recent-heading" className="flex flex-col gap-3">
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h2 id="recent-heading" className="text-xl font-semibold">Latest audit events</h2>
          <Link href="/admin/audit" className="underline underline-offset-4">Open the audit trail</Link>
        </div>
        {data.recentEvents.length ? (
          <AuditEventsTable events={data.recentEvents} caption="The 20 latest audit events" />
        ) : (
          <EmptyState title="Nothing recorded yet" body="Sign-ins, account changes and reads of client data will appear here." headingLevel={3} />
        )}
      </section>
    </div>
  );
}
