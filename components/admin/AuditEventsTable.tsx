import Link from "next/link";
import type { AuditEventView } from "@/server/schemas/audit";
import { TableScroll } from "@/components/ui/TableScroll";
import { formatDate } from "@/server/schemas/dates";
import { actionLabel, detailText } from "./format";
import { TableHead, Th } from "@/components/ui/Table";

function Person({ id, name, email, role }: { id: string | null; name: string | null; email: string | null; role: string | null }) {
  if (!id) return <span className="text-muted">Nobody signed in</span>;
  return (
    <Link href={`/admin/accounts/${id}`} className="underline underline-offset-4">
      {name ?? "Unknown account"}
      <span className="block text-sm text-muted">{email ?? role ?? ""}</span>
    </Link>
  );
}

function Target({ event }: { event: AuditEventView }) {
  if (!event.targetType) return <span className="text-muted">—</span>;
  if (event.targetType === "User" && event.targetId) {
    return (
      <Link href={`/admin/accounts/${event.targetId}`} className="underline underline-offset-4">
        {event.targetLabel ?? event.targetId}
      </Link>
    );
  }
  return (
    <span>
      {event.targetType}
      {event.targetId ? <span className="block break-all text-sm text-muted">{event.targetId}</span> : null}
    </span>
  );
}

/** Audit events as a table: when, who, what, to what, and the small detail. */
export function AuditEventsTable({ events, caption }: { events: AuditEventView[]; caption: string }) {
  return (
    <TableScroll label={caption}>
      <table className="w-full border-collapse text-left">
        <caption className="sr-only">{caption}</caption>
        <TableHead>
          <Th>When</Th>
          <Th>Who</Th>
          <Th>What</Th>
          <Th>About</Th>
          <Th>Details</Th>
        </TableHead>
        <tbody>
          {events.map((event) => (
            <tr key={event.id} className="border-b border-border-subtle align-top">
              <td className="py-3 pr-4 text-sm whitespace-nowrap">{formatDate(event.at, "dateTime")}</td>
              <td className="py-3 pr-4">
                <Person id={event.actorId} name={event.actorName} email={event.actorEmail} role={event.actorRole} />
              </td>
              <td className="py-3 pr-4">{actionLabel(event.action)}</td>
              <td className="py-3 pr-4">
                <Target event={event} />
              </td>
              <td className="py-3 pr-4 text-sm text-muted">
                {detailText(event.detail)}
                {event.ip ? <span className="block">From {event.ip}</span> : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
