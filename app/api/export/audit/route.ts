import { withRoute } from "@/server/request/route-handler";
import { AUDIT_EXPORT_ROUTE, auditCsvResponse } from "@/server/request/audit-export";

export const dynamic = "force-dynamic";

/** CSV of the audit trail as filtered on /admin/audit (same query parameters). Admins only. */
export const GET = withRoute(AUDIT_EXPORT_ROUTE, (request, { user, meta, db }) =>
  auditCsvResponse(db, user, new URL(request.url).searchParams, meta),
);
