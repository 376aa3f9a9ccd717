import type { PrismaClient } from "../../generated/prisma/client";
import { AppError } from "../../app-error";
import { auditFilterInput, type AuditEventView } from "../../schemas/audit";
import { recordAudit } from "./record";
import { auditWhere, pageAuditEvents } from "./query";
import { toCsv, type CsvCell } from "../csv";
import type { RequestMeta } from "../../request/meta";

const BATCH = 1000;

const HEADER = [
  "time_utc",
  "actor_email",
  "actor_name",
  "actor_role",
  "action",
  "target_type",
  "target_id",
  "target",
  "request_id",
  "client_address",
  "detail",
];

/** One CSV row per event, in HEADER order. */
function toRow(event: AuditEventView): CsvCell[] {
  return [
    event.at,
    event.actorEmail,
    event.actorName,
    event.actorRole,
    event.action,
    event.targetType,
    event.targetId,
    event.targetLabel,
    event.requestId,
    event.ip,
    event.detail ? JSON.stringify(event.detail) : null,
  ];
}

export type ExportUser = { id: string; role: string } | null;

export type AuditExport = { filename: string; chunks: AsyncGenerator<string> };

/**
 * The filtered audit trail as CSV, for admins only. The export itself is audited (audit.exported,
 * with the filters) before this returns, so before the first byte is sent; the rows come as CSV
 * text in keyset batches, so a large export never holds the whole trail in memory.
 */
export async function startAuditExport(db: PrismaClient, user: ExportUser, filters: Record<string, string>, meta: RequestMeta): Promise<AuditExport> {
  // The route's guard already refused everyone else; this keeps the service safe on its own.
  if (!user) throw new AppError("UNAUTHORIZED");
  if (user.role !== "ADMIN") throw new AppError("FORBIDDEN");
  const parsed = auditFilterInput.safeParse(filters);
  if (!parsed.success) throw new AppError("BAD_REQUEST", "Some of the filters need another look.");
  const filter = parsed.data;
  const where = await auditWhere(db, filter);
  const appliedFilters = Object.fromEntries(Object.entries(filter).filter(([, value]) => value !== undefined)) as Record<string, string>;
  await recordAudit(db, { actorId: user.id, actorRole: "ADMIN", ...meta }, { action: "audit.exported", targetType: "AuditEvent", detail: { filters: appliedFilters } });

  async function* chunks(): AsyncGenerator<string> {
    let cursor: string | null = null;
    let first = true;
    do {
      const page = await pageAuditEvents(db, where, { cursor, limit: BATCH });
      yield toCsv(first ? HEADER : null, page.items.map(toRow));
      first = false;
      cursor = page.nextCursor;
    } while (cursor);
  }
  return { filename: `haven-audit-${new Date().toISOString().slice(0, 10)}.csv`, chunks: chunks() };
}
