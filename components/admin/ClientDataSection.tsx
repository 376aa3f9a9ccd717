"use client";
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { useTRPC } from "@/server/trpc/react";
import { Button } from "@/components/ui/Button";
import { Card } from "@/components/ui/Card";
import { Notice } from "@/components/ui/Notice";
import { SkeletonGroup } from "@/components/ui/SkeletonGroup";
import { Skeleton } from "@/components/ui/Skeleton";
import { TableScroll } from "@/components/ui/TableScroll";
import { STATUS_LABELS } from "@/server/schemas/admin";
import { formatDate } from "@/server/schemas/dates";
import { messageOf } from "@/components/forms/field-errors";
import { TableHead, Th } from "@/components/ui/Table";

/**
 * A client's reading history, or a therapist's clients. Client data is shown only when an admin
 * asks for it, and every time it is fetched the read is recorded in the audit trail.
 */
export function ClientDataSection({ userId, role, name }: { userId: string; role: "THERAPIST" | "CLIENT"; name: string }) {
  const trpc = useTRPC();
  const [shown, setShown] = useState(false);
  const history = useQuery({ ...trpc.admin.clientHistory.queryOptions({ userId }), enabled: shown && role === "CLIENT" });
  const caseload = useQuery({ ...trpc.admin.caseload.queryOptions({ userId }), enabled: shown && role === "THERAPIST" });
  const query = role === "CLIENT" ? history : caseload;
  const title = role === "CLIENT" ? "Reading history" : "Clients";

  return (
    <Card as="section" aria-labelledby="client-data-heading" className="flex flex-col gap-3">
      <h2 id="client-data-heading" className="text-xl font-semibold">{title}</h2>
      {!shown ? (
        <>
          <p className="text-muted">
            {role === "CLIENT" ? `${name}'s readings are client data.` : `${name}'s client list is client data.`} Opening it is recorded in the audit trail.
          </p>
          <div>
            <Button variant="secondary" onClick={() => setShown(true)}>
              {role === "CLIENT" ? "Show reading history" : "Show clients"}
            </Button>
          </div>
        </>
      ) : query.isPending ? (
        <SkeletonGroup label={`Loading ${title.toLowerCase()}…`}>
          <Skeleton className="h-8" />
          <Skeleton className="h-8" />
        </SkeletonGroup>
      ) : query.error ? (
        <Notice tone="error">{messageOf(query.error)}</Notice>
      ) : role === "CLIENT" && history.data ? (
        history.data.length ? (
          <TableScroll label="Reading history table">
            <table className="w-full border-collapse text-left">
              <TableHead>
                <Th>Reading</Th>
                <Th>From</Th>
                <Th>Assigned</Th>
                <Th>Opened</Th>
                <Th>Progress</Th>
              </TableHead>
              <tbody>
                {history.data.map((item) => (
                  <tr key={item.id} className="border-b border-border-subtle align-top">
                    <td className="py-2 pr-4">{item.resourceTitle}{item.withdrawnAt ? <span className="block text-sm text-muted">Withdrawn {formatDate(item.withdrawnAt)}</span> : null}</td>
                    <td className="py-2 pr-4">{item.therapistName}</td>
                    <td className="py-2 pr-4 text-sm">{formatDate(item.assignedAt)}</td>
                    <td className="py-2 pr-4 text-sm">{item.openCount ? `${item.openCount} times, last ${formatDate(item.lastOpenedAt)}` : "Not yet"}</td>
                    <td className="py-2 pr-4 text-sm">{item.completedAt ? `Done ${formatDate(item.completedAt)}` : `${item.progress}%`}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        ) : (
          <p className="text-muted">No readings have been assigned yet.</p>
        )
      ) : caseload.data ? (
        caseload.data.length ? (
          <ul className="flex flex-col divide-y divide-border-subtle">
            {caseload.data.map((item) => (
              <li key={item.relationshipId} className="py-2">
                <Link href={`/admin/accounts/${item.clientId}`} className="underline underline-offset-4">{item.clientName}</Link>
                <span className="block text-sm text-muted">
                  {item.careStatus === "ACTIVE" ? `In care since ${formatDate(item.startedAt)}` : `Care ended ${formatDate(item.endedAt)}`} ·{" "}
                  {item.assignmentCount} {item.assignmentCount === 1 ? "reading" : "readings"} · account {STATUS_LABELS[item.clientStatus].toLowerCase()}
                </span>
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-muted">No clients yet.</p>
        )
      ) : null}
    </Card>
  );
}
