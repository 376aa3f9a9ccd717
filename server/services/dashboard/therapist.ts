import { Prisma, type PrismaClient } from "../../generated/prisma/client";
import { AppError } from "../../app-error";
import { therapistAssignmentScope } from "../care/scope";

// The therapist home: what needs attention, and opens / completions per week.

const DAY_MS = 24 * 60 * 60 * 1000;
export const NOT_OPENED_AFTER_DAYS = 7;
export const CHART_WEEKS = 8;

/** Monday 00:00 UTC of the week holding `at` (ISO weeks, as Postgres date_trunc('week') counts them). */
export function weekStart(at: Date): Date {
  const day = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate()));
  const sinceMonday = (day.getUTCDay() + 6) % 7;
  return new Date(day.getTime() - sinceMonday * DAY_MS);
}

/** The starts of the last `count` weeks, oldest first, ending with the current week. */
export function lastWeekStarts(now: Date, count = CHART_WEEKS): Date[] {
  const current = weekStart(now).getTime();
  return Array.from({ length: count }, (_, i) => new Date(current - (count - 1 - i) * 7 * DAY_MS));
}

export type WeeklyPoint = { weekStart: Date; opens: number; completions: number };

/** Buckets (week, type, count) rows into a dense series, weeks without events counting zero. */
export function toWeeklySeries(rows: { week: Date; type: string; count: number }[], now: Date, count = CHART_WEEKS): WeeklyPoint[] {
  return lastWeekStarts(now, count).map((start) => {
    const inWeek = rows.filter((r) => weekStart(r.week).getTime() === start.getTime());
    const sum = (types: string[]) => inWeek.filter((r) => types.includes(r.type)).reduce((n, r) => n + r.count, 0);
    return { weekStart: start, opens: sum(["OPENED", "REOPENED"]), completions: sum(["COMPLETED"]) };
  });
}

const attentionSelect = {
  id: true,
  assignedAt: true,
  completedAt: true,
  client: { select: { id: true, name: true } },
  resource: { select: { title: true } },
} satisfies Prisma.AssignmentSelect;

export async function therapistDashboard(db: PrismaClient, therapistId: string, since: Date | null, now = new Date()) {
  const scope = { ...therapistAssignmentScope(therapistId), active: true } satisfies Prisma.AssignmentWhereInput;
  // First visit ever: "finished since" falls back to the last week.
  const finishedSince = since ?? new Date(now.getTime() - 7 * DAY_MS);
  const chartFrom = lastWeekStarts(now)[0];
  const [notOpened, finished, reflections, weekly] = await Promise.all([
    db.assignment.findMany({
      where: { ...scope, firstOpenedAt: null, completedAt: null, assignedAt: { lte: new Date(now.getTime() - NOT_OPENED_AFTER_DAYS * DAY_MS) } },
      orderBy: { assignedAt: "asc" },
      take: 20,
      select: attentionSelect,
    }),
    db.assignment.findMany({
      where: { ...scope, completedAt: { gt: finishedSince } },
      orderBy: { completedAt: "desc" },
      take: 20,
      select: attentionSelect,
    }),
    recentSharedReflections(db, therapistId, finishedSince, scope),
    // Opens and completions per week, from the therapist's own copy of those events (migration
    // therapist_activity: one index-only range scan instead of a probe per assignment ever made).
    db.$queryRaw<{ week: Date; type: string; count: number }[]>(Prisma.sql`
      SELECT date_trunc('week', e."at") AS "week", e."type"::text AS "type", count(*)::int AS "count"
      FROM "haven_therapist_activity" e
      WHERE e."therapistId" = ${therapistId}
        AND e."at" >= ${chartFrom}
        AND EXISTS (
          SELECT 1 FROM "CareRelationship" c
          WHERE c."therapistId" = e."therapistId" AND c."clientId" = e."clientId" AND c."active" = true
        )
      GROUP BY 1, 2`),
  ]);
  const item = (a: Prisma.AssignmentGetPayload<{ select: typeof attentionSelect }>) => ({
    assignmentId: a.id,
    clientId: a.client.id,
    clientName: a.client.name,
    resourceTitle: a.resource.title,
    assignedAt: a.assignedAt,
    completedAt: a.completedAt,
  });
  return {
    since,
    notOpened: notOpened.map(item),
    finished: finished.map(item),
    reflections: reflections.map((r) => ({ ...item(r.assignment), rating: r.rating, body: r.body, sharedAt: r.sharedAt })),
    weekly: toWeeklySeries(weekly.map((r) => ({ week: new Date(r.week), type: r.type, count: Number(r.count) })), now),
  };
}

/**
 * Up to 20 reflections shared with this therapist since `since`, newest first. The side table
 * haven_shared_reflection (migration shared_reflections) finds the candidates with one index range
 * scan; the reflections are then read with every condition again (shared, the therapist's active
 * assignment, active care), so only what the therapist may see is ever returned.
 */
async function recentSharedReflections(db: PrismaClient, therapistId: string, since: Date, scope: Prisma.AssignmentWhereInput) {
  const candidates = await db.$queryRaw<{ id: string }[]>`
    SELECT s."reflectionId" AS id
    FROM "haven_shared_reflection" s
    JOIN "Assignment" a ON a."id" = s."assignmentId" AND a."active" = true
    WHERE s."therapistId" = ${therapistId} AND s."sharedAt" > ${since}::timestamp(3)
      AND EXISTS (
        SELECT 1 FROM "CareRelationship" c
        WHERE c."therapistId" = s."therapistId" AND c."clientId" = s."clientId" AND c."active" = true
      )
    ORDER BY s."sharedAt" DESC, s."reflectionId"
    LIMIT 20`;
  if (!candidates.length) return [];
  const rows = await db.reflection.findMany({
    where: { id: { in: candidates.map((c) => c.id) }, sharedWithTherapist: true, sharedAt: { gt: since }, assignment: scope },
    select: { id: true, rating: true, body: true, sharedAt: true, assignment: { select: attentionSelect } },
  });
  // The candidates' order: newest first, ties by id.
  const byId = new Map(rows.map((row) => [row.id, row]));
  return candidates.flatMap((c) => byId.get(c.id) ?? []);
}

/** Records a visit to the therapist home and returns the previous one ("since my last visit"). */
export async function recordHomeVisit(db: PrismaClient, therapistId: string): Promise<{ previousVisitAt: Date | null }> {
  // One statement: the row lock orders two tabs' visits, and each sees the visit before its own.
  const now = new Date();
  const rows = await db.$queryRaw<{ previous: Date | null }[]>`
    WITH previous AS (SELECT "id", "lastHomeVisitAt" FROM "User" WHERE "id" = ${therapistId} FOR UPDATE)
    UPDATE "User" u SET "lastHomeVisitAt" = ${now}::timestamp(3), "updatedAt" = ${now}::timestamp(3)
    FROM previous p WHERE u."id" = p."id"
    RETURNING p."lastHomeVisitAt" AS previous`;
  const [row] = rows;
  if (!row) throw new AppError("NOT_FOUND", "We couldn't find your account. Please sign in again.");
  return { previousVisitAt: row.previous };
}
