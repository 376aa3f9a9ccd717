import { AppError } from "@/server/app-error";
import { csvDownload, withRoute } from "@/server/request/route-handler";
import { entityId } from "@/server/schemas/assignment";
import { exportAssignmentsCsv } from "@/server/services/assignments/export";
import { CLIENT_NOT_FOUND } from "@/server/services/care/scope";

export const dynamic = "force-dynamic";

// GET /api/export/assignments[?clientId=…] — CSV of one client's or all my clients' readings.
// A download link on another site must not make a therapist's browser export (and audit) client data.
export const GET = withRoute({ auth: "THERAPIST", origin: "not-cross-site" }, async (request, { user, meta, db }) => {
  const rawClientId = new URL(request.url).searchParams.get("clientId");
  const clientId = rawClientId === null ? null : entityId.safeParse(rawClientId);
  if (clientId && !clientId.success) throw new AppError("NOT_FOUND", CLIENT_NOT_FOUND);
  const { csv, filename } = await exportAssignmentsCsv(
    db,
    { actorId: user.id, actorRole: user.role, requestId: meta.requestId, ip: meta.ip },
    user.id,
    clientId ? clientId.data : null,
  );
  // The byte-order mark lets spreadsheet apps read the file as UTF-8.
  return csvDownload(`\uFEFF${csv}`, filename);
});
