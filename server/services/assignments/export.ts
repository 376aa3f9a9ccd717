import type { PrismaClient } from "../../generated/prisma/client";
import { deriveReadingStatus, instantToDueDate, THERAPIST_STATUS_LABEL } from "../../schemas/assignment";
import { recordAudit, type AuditActor } from "../audit/record";
import { requireClientInCare, therapistAssignmentScope } from "../care/scope";
import { toCsv } from "../csv";
import { sharedAnswersSelect, sharedAnswersText } from "../worksheets";

export const EXPORT_COLUMNS = [
  "Client",
  "Client email",
  "Reading",
  "Reading plan",
  "Assigned at",
  "Due date",
  "Note",
  "Status",
  "First opened at",
  "Last opened at",
  "Times opened",
  "Progress %",
  "Done at",
  "Withdrawn at",
  "Rating (shared)",
  "Reflection (shared)",
  "Worksheet answers (shared)",
] as const;

/**
 * One client's (or all current clients') assignments and tracking, for the signed-in therapist.
 * A client not in their active care is NOT_FOUND. Audited as export.downloaded.
 */
export async function exportAssignmentsCsv(
  db: PrismaClient,
  actor: AuditActor,
  therapistId: string,
  clientId: string | null,
): Promise<{ csv: string; filename: string; rows: number }> {
  if (clientId) await requireClientInCare(db, therapistId, clientId);
  const assignments = await db.assignment.findMany({
    where: { ...therapistAssignmentScope(therapistId), ...(clientId ? { clientId } : {}) },
    orderBy: [{ client: { name: "asc" } }, { assignedAt: "asc" }],
    select: {
      assignedAt: true,
      dueAt: true,
      note: true,
      firstOpenedAt: true,
      lastOpenedAt: true,
      openCount: true,
      progress: true,
      completedAt: true,
      withdrawnAt: true,
      client: { select: { name: true, email: true } },
      collection: { select: { title: true } },
      reflection: { select: { rating: true, body: true, sharedWithTherapist: true } },
      ...sharedAnswersSelect,
      resource: { select: { title: true, body: true } },
    },
  });
  const rows = assignments.map((a) => {
    const shared = a.reflection?.sharedWithTherapist ? a.reflection : null;
    return [
      a.client.name,
      a.client.email,
      a.resource.title,
      a.collection?.title ?? null,
      a.assignedAt,
      a.dueAt ? instantToDueDate(a.dueAt) : null,
      a.note,
      a.withdrawnAt ? "Withdrawn" : THERAPIST_STATUS_LABEL[deriveReadingStatus(a)],
      a.firstOpenedAt,
      a.lastOpenedAt,
      a.openCount,
      a.progress,
      a.completedAt,
      a.withdrawnAt,
      shared?.rating ?? null,
      shared?.body || null,
      sharedAnswersText(a),
    ];
  });
  await recordAudit(db, actor, {
    action: "export.downloaded",
    targetType: clientId ? "User" : "ClientList",
    targetId: clientId ?? undefined,
    detail: { format: "csv", rows: rows.length, scope: clientId ? "client" : "all" },
  });
  const day = new Date().toISOString().slice(0, 10);
  return { csv: toCsv(EXPORT_COLUMNS, rows), filename: `haven-readings-${clientId ? "client" : "all-clients"}-${day}.csv`, rows: rows.length };
}
