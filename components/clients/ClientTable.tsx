"use client";
import { useSuspenseQuery } from "@tanstack/react-query";
import Link from "next/link";
import { LocalTime } from "@/components/ui/LocalTime";
import { useTRPC } from "@/server/trpc/react";
import { EmptyState } from "@/components/ui/EmptyState";
import { TableScroll } from "@/components/ui/TableScroll";
import { EndCareButton } from "./EndCareButton";
import { TableHead, Th } from "@/components/ui/Table";
import { CLIENT_LIST_LIMIT } from "@/server/schemas/client";

/** My clients with their reading engagement. */
export function ClientTable({ q }: { q?: string }) {
  const trpc = useTRPC();
  const { data } = useSuspenseQuery(trpc.client.list.queryOptions(q ? { q } : undefined));
  if (data.length === 0) {
    return q ? (
      <EmptyState title={`No clients match “${q}”`} body="Try part of their name or email address." />
    ) : (
      <EmptyState title="No clients yet" body="Invite a client and they'll appear here once they've set their password." />
    );
  }
  return (
    <>
      {data.length >= CLIENT_LIST_LIMIT ? (
        <p className="mb-3 text-sm text-muted" role="status">
          Showing the first {CLIENT_LIST_LIMIT} clients by name. Search by name or email to find anyone else.
        </p>
      ) : null}
      <TableScroll label="Your clients">
        <table className="w-full min-w-[40rem] border-collapse text-left">
          <caption className="sr-only">Your clients and their readings</caption>
          <TableHead>
            <Th>Client</Th>
            <Th>Assigned</Th>
            <Th>Opened</Th>
            <Th>Finished</Th>
            <Th>Last activity</Th>
            <Th last><span className="sr-only">Actions</span></Th>
          </TableHead>
          <tbody>
            {data.map((client) => (
              <tr key={client.id} className="border-b border-border-subtle">
                <th scope="row" className="py-3 pr-4 text-left font-normal">
                  <Link href={`/therapist/clients/${client.id}`} className="font-medium underline-offset-4 hover:underline">
                    {client.name}
                  </Link>
                  <span className="block text-sm text-muted">{client.email}</span>
                </th>
                <td className="py-3 pr-4 tabular-nums">{client.assigned}</td>
                <td className="py-3 pr-4 tabular-nums">{client.opened}</td>
                <td className="py-3 pr-4 tabular-nums">{client.finished}</td>
                <td className="py-3 pr-4 text-sm">{client.lastActivityAt ? <LocalTime value={client.lastActivityAt} /> : <span className="text-muted">None yet</span>}</td>
                <td className="py-3 text-right">
                  <EndCareButton clientId={client.id} clientName={client.name} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </>
  );
}
