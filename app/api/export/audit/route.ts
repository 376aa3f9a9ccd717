import { getSessionUser } from "@/server/auth";
import { getDb } from "@/server/db";
import { jsonError } from "@/server/http";
import { exportAuditCsv } from "@/server/services/audit/export";
import { requestMetaFrom } from "@/server/services/request-meta";

export const dynamic = "force-dynamic";

/** CSV of the audit trail as filtered on /admin/audit (same query parameters). Admins only. */
export async function GET(request: Request) {
  // A download link from another site must not make an admin's browser write audit rows.
  if (request.headers.get("sec-fetch-site") === "cross-site") return jsonError(403, "FORBIDDEN", "This request did not come from Haven.");
  const user = await getSessionUser();
  return exportAuditCsv(getDb(), user, new URL(request.url).searchParams, requestMetaFrom(request.headers));
}
