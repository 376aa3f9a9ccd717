import type { PrismaClient } from "../generated/prisma/client";
import { csvDownload, errorResponse } from "./route-handler";
import { startAuditExport, type ExportUser } from "../services/audit/export";
import type { RequestMeta } from "./meta";

// GET /api/export/audit: the audit trail as filtered on /admin/audit (same query parameters).
// A download link from another site must not make an admin's browser write audit rows.
export const AUDIT_EXPORT_ROUTE = { auth: "ADMIN", origin: "not-cross-site" } as const;

/** The CSV download, streamed one batch per pull; throws AppErrors for the route's guard to answer. */
export async function auditCsvResponse(db: PrismaClient, user: ExportUser, params: URLSearchParams, meta: RequestMeta): Promise<Response> {
  const { filename, chunks } = await startAuditExport(db, user, Object.fromEntries(params), meta);
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await chunks.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
    async cancel() {
      await chunks.return(undefined);
    },
  });
  return csvDownload(body, filename);
}

/** The same with errors answered as JSON (for callers without the guard, e.g. tests). */
export function exportAuditCsv(db: PrismaClient, user: ExportUser, params: URLSearchParams, meta: RequestMeta): Promise<Response> {
  return auditCsvResponse(db, user, params, meta).catch((error: unknown) => errorResponse(error, meta.requestId, "audit-export"));
}
