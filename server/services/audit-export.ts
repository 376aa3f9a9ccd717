import { stringify } from "csv-stringify/sync";
import type { PrismaClient } from "../generated/prisma/client";
import { auditFilterInput, type AuditEventView } from "../schemas/audit";
import { recordAudit } from "./audit";
import { auditWhere, pageAuditEvents } from "./audit-log";
import type { RequestMeta } from "./request-meta";

const BATCH = 1000;

const COLUMNS = [
  { key: "at", header: "time_utc" },
  { key: "actorEmail", header: "actor_email" },
  { key: "actorName", header: "actor_name" },
  { key: "actorRole", header: "actor_role" },
  { key: "action", header: "action" },
  { key: "targetType", header: "target_type" },
  { key: "targetId", header: "target_id" },
  { key: "targetLabel", header: "target" },
  { key: "requestId", header: "request_id" },
  { key: "ip", header: "client_address" },
  { key: "detail", header: "detail" },
];

/**
 * Spreadsheet apps run cells that start with = + - @ (or a tab / carriage return) as formulas;
 * a leading apostrophe makes them plain text. Names, emails and details are user-controlled.
 */
export function safeCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

function toRecord(event: AuditEventView): Record<string, string> {
  return {
    at: event.at.toISOString(),
    actorEmail: event.actorEmail ?? "",
    actorName: event.actorName ?? "",
    actorRole: event.actorRole ?? "",
    action: event.action,
    targetType: event.targetType ?? "",
    targetId: event.targetId ?? "",
    targetLabel: event.targetLabel ?? "",
    requestId: event.requestId ?? "",
    ip: event.ip ?? "",
    detail: event.detail ? JSON.stringify(event.detail) : "",
  };
}

function csvChunk(events: AuditEventView[], header: boolean): string {
  return stringify(events.map(toRecord), {
    header,
    columns: COLUMNS,
    cast: { string: (value) => safeCell(value) },
  });
}

export type ExportUser = { id: string; role: string } | null;

/**
 * GET /api/export/audit: the filtered audit trail as CSV, for admins only. The export itself is
 * audited (audit.exported, with the filters) before the first byte is sent; rows stream in
 * keyset batches, so a large export never holds the whole trail in memory.
 */
export async function exportAuditCsv(db: PrismaClient, user: ExportUser, params: URLSearchParams, meta: RequestMeta): Promise<Response> {
  if (!user) return Response.json({ error: { code: "UNAUTHORIZED", message: "Please sign in to continue." } }, { status: 401 });
  if (user.role !== "ADMIN") {
    return Response.json({ error: { code: "FORBIDDEN", message: "This part of Haven isn't available to your account." } }, { status: 403 });
  }
  const parsed = auditFilterInput.safeParse(Object.fromEntries(params));
  if (!parsed.success) {
    return Response.json({ error: { code: "BAD_REQUEST", message: "Some of the filters need another look." } }, { status: 400 });
  }
  const filter = parsed.data;
  const where = await auditWhere(db, filter);
  const appliedFilters = Object.fromEntries(Object.entries(filter).filter(([, value]) => value !== undefined)) as Record<string, string>;
  await recordAudit(db, { actorId: user.id, actorRole: "ADMIN", ...meta }, { action: "audit.exported", targetType: "AuditEvent", detail: { filters: appliedFilters } });

  let cursor: string | null = null;
  let first = true;
  let done = false;
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (done) return controller.close();
      const page = await pageAuditEvents(db, where, { cursor, limit: BATCH });
      controller.enqueue(encoder.encode(csvChunk(page.items, first)));
      first = false;
      cursor = page.nextCursor;
      if (!cursor) done = true;
    },
  });
  const stamp = new Date().toISOString().slice(0, 10);
  return new Response(body, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="haven-audit-${stamp}.csv"`,
      "cache-control": "no-store",
    },
  });
}
