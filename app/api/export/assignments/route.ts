import { TRPCError } from "@trpc/server";
import { getSessionUser } from "@/server/auth";
import { getDb } from "@/server/db";
import { jsonError } from "@/server/http";
import { entityId } from "@/server/schemas/assignment";
import { exportAssignmentsCsv } from "@/server/services/assignments/export";
import { CLIENT_NOT_FOUND } from "@/server/services/care/scope";
import { requestMetaFrom } from "@/server/services/request-meta";

export const dynamic = "force-dynamic";

// GET /api/export/assignments[?clientId=…] — CSV of one client's or all my clients' readings.
export async function GET(request: Request) {
  // A download link on another site must not make a therapist's browser export (and audit) client data.
  if (request.headers.get("sec-fetch-site") === "cross-site") return jsonError(403, "FORBIDDEN", "This request did not come from Haven.");
  const user = await getSessionUser();
  if (!user) return jsonError(401, "UNAUTHORIZED", "Please sign in to continue.");
  if (user.role !== "THERAPIST") return jsonError(403, "FORBIDDEN", "This part of Haven isn't available to your account.");
  const rawClientId = new URL(request.url).searchParams.get("clientId");
  const clientId = rawClientId === null ? null : entityId.safeParse(rawClientId);
  if (clientId && !clientId.success) return jsonError(404, "NOT_FOUND", CLIENT_NOT_FOUND);
  const meta = requestMetaFrom(request.headers);
  try {
    const { csv, filename } = await exportAssignmentsCsv(
      getDb(),
      { actorId: user.id, actorRole: user.role, requestId: meta.requestId, ip: meta.ip },
      user.id,
      clientId ? clientId.data : null,
    );
    // The byte-order mark lets spreadsheet apps read the file as UTF-8.
    return new Response(`\uFEFF${csv}`, {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="${filename}"`,
        "cache-control": "no-store",
      },
    });
  } catch (error) {
    if (error instanceof TRPCError && error.code === "NOT_FOUND") return jsonError(404, "NOT_FOUND", error.message);
    throw error;
  }
}
