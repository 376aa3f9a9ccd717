import { withRoute } from "@/server/request/route-handler";
import { auditCsvResponse } from "@/server/services/audit/export";

export const dynamic = "force-dynamic";

/** CSV of the audit trail as filtered on /admin/audit (same query parameters). Admins only. */
// A download link from another site must not make an admin's browser write audit rows.
export const GET = withRoute({ auth: "ADMIN", origin: "not-cross-site" }, (request, { user, meta, db }) =>
  auditCsvResponse(db, user, new URL(request.url).searchParams, meta),
);
