import { AppError } from "../../app-error";
import { randomUUID } from "node:crypto";
import { Prisma, type PrismaClient } from "../../generated/prisma/client";
import type { ReadingEventType } from "../../generated/prisma/enums";
import { isUniqueViolation } from "../../errors";
import type { TrackingSummary } from "../../schemas/assignment";

// Opens, progress and completion for one assignment. Every report is an append-only event plus
// an update of the assignment's summary, written in ONE transaction under a row lock on the
// assignment; a repeated idempotency key (unique per assignment) records nothing.

type Tx = Prisma.TransactionClient;

/** Renders within this window of the latest open count as that same open. */
export const OPEN_WINDOW_MS = 30 * 60 * 1000;

export const NOT_FOUND_MESSAGE = "We couldn't find that reading.";

export const trackingSummarySelect = {
  firstOpenedAt: true,
  lastOpenedAt: true,
  openCount: true,
  progress: true,
  completedAt: true,
} satisfies Prisma.AssignmentSelect;

export function openBucket(at: Date): number {
  return Math.floor(at.getTime() / OPEN_WINDOW_MS);
}

/** Deterministic key for a server-side open: parallel renders in one 30-minute bucket share it. */
export function openIdempotencyKey(assignmentId: string, at: Date): string {
  return `open:${assignmentId}:${openBucket(at)}`;
}

/** OPENED the first time, REOPENED once the window since the latest open has passed, else null (same open). */
export function classifyOpen(summary: { firstOpenedAt: Date | null; lastOpenedAt: Date | null }, now: Date): "OPENED" | "REOPENED" | null {
  if (!summary.firstOpenedAt || !summary.lastOpenedAt) return "OPENED";
  return now.getTime() - summary.lastOpenedAt.getTime() >= OPEN_WINDOW_MS ? "REOPENED" : null;
}

const BOT_AGENT = /bot\b|bot\/|crawler|spider|slurp|facebookexternalhit|facebookcatalog|embedly|quora link preview|whatsapp|skypeuripreview|bitlypreview|outbrain|pinterest|vkshare|w3c_validator|redditbot|applebot|yahoo! slurp|bingpreview|google web preview|mediapartners|adsbot|lighthouse/i;

/** Prefetches, speculative loads and link-preview bots must never count as someone opening a reading. */
export function isPrefetchOrBot(headers: Headers): boolean {
  if (headers.get("next-router-prefetch") || headers.get("next-router-segment-prefetch")) return true;
  for (const name of ["purpose", "sec-purpose", "x-purpose", "x-moz"]) {
    const value = headers.get(name)?.toLowerCase() ?? "";
    if (value.includes("prefetch") || value.includes("preview") || value.includes("prerender")) return true;
  }
  const agent = headers.get("user-agent") ?? "";
  return agent === "" || BOT_AGENT.test(agent);
}

/**
 * Locks the assignment if `clientId` may report on it: their own, not withdrawn, and their care
 * with the assigning therapist still active. Anything else is NOT_FOUND, like a missing row.
 */
async function lockTrackable(tx: Tx, assignmentId: string, clientId: string): Promise<TrackingSummary> {
  // One round trip: the lock and the summary it protects.
  const locked = await tx.$queryRaw<TrackingSummary[]>`
    SELECT a."firstOpenedAt", a."lastOpenedAt", a."openCount", a."progress", a."completedAt"
    FROM "Assignment" a
    WHERE a."id" = ${assignmentId} AND a."clientId" = ${clientId} AND a."active" = true
      AND EXISTS (
        SELECT 1 FROM "CareRelationship" c
        WHERE c."therapistId" = a."therapistId" AND c."clientId" = a."clientId" AND c."active" = true
      )
    FOR UPDATE OF a`;
  const [summary] = locked;
  if (!summary || locked.length !== 1) throw new AppError("NOT_FOUND", NOT_FOUND_MESSAGE);
  return summary;
}

/**
 * Inserts the event unless its key was seen: ON CONFLICT DO NOTHING on the unique
 * (assignmentId, idempotencyKey), so a retry is not even an error in the log. False = duplicate.
 */
async function insertEvent(tx: Tx, data: { assignmentId: string; type: ReadingEventType; at: Date; progress?: number | null; key: string }) {
  const { count } = await tx.readingEvent.createMany({
    data: [{ assignmentId: data.assignmentId, type: data.type, at: data.at, progress: data.progress ?? null, idempotencyKey: data.key }],
    skipDuplicates: true,
  });
  return count === 1;
}

async function currentSummary(db: PrismaClient, assignmentId: string, clientId: string): Promise<TrackingSummary> {
  const row = await db.assignment.findFirst({ where: { id: assignmentId, clientId }, select: trackingSummarySelect });
  if (!row) throw new AppError("NOT_FOUND", NOT_FOUND_MESSAGE);
  return row;
}

export type ReportResult = { recorded: boolean; summary: TrackingSummary };

/**
 * Runs one report under the assignment's row lock. A duplicate key records nothing and answers
 * the current summary; should a unique violation still surface (P2002), the transaction rolls back whole.
 */
async function report(
  db: PrismaClient,
  scope: { assignmentId: string; clientId: string },
  work: (tx: Tx, summary: TrackingSummary) => Promise<boolean>,
): Promise<ReportResult> {
  try {
    return await db.$transaction(async (tx) => {
      const before = await lockTrackable(tx, scope.assignmentId, scope.clientId);
      const recorded = await work(tx, before);
      const summary = recorded
        ? await tx.assignment.findUniqueOrThrow({ where: { id: scope.assignmentId }, select: trackingSummarySelect })
        : before;
      return { recorded, summary };
    });
  } catch (error) {
    if (isUniqueViolation(error)) return { recorded: false, summary: await currentSummary(db, scope.assignmentId, scope.clientId) };
    throw error;
  }
}

/** Called by the server render of the reading view for its client. */
export async function recordOpen(db: PrismaClient, input: { assignmentId: string; clientId: string; at?: Date }): Promise<ReportResult> {
  const at = input.at ?? new Date();
  // Most renders fall inside the current open's window: one plain read (same ownership rules),
  // no transaction, no lock. The open window only moves forward, so "same open" stays true.
  const [current] = await db.$queryRaw<TrackingSummary[]>`
    SELECT a."firstOpenedAt", a."lastOpenedAt", a."openCount", a."progress", a."completedAt"
    FROM "Assignment" a
    WHERE a."id" = ${input.assignmentId} AND a."clientId" = ${input.clientId} AND a."active" = true
      AND EXISTS (
        SELECT 1 FROM "CareRelationship" c
        WHERE c."therapistId" = a."therapistId" AND c."clientId" = a."clientId" AND c."active" = true
      )`;
  if (!current) throw new AppError("NOT_FOUND", NOT_FOUND_MESSAGE);
  if (!classifyOpen(current, at)) return { recorded: false, summary: current };
  return report(db, input, async (tx, before) => {
    const type = classifyOpen(before, at);
    if (!type) return false;
    if (!(await insertEvent(tx, { assignmentId: input.assignmentId, type, at, key: openIdempotencyKey(input.assignmentId, at) }))) return false;
    await tx.assignment.update({
      where: { id: input.assignmentId },
      data: {
        firstOpenedAt: before.firstOpenedAt ?? at,
        lastOpenedAt: at,
        openCount: { increment: 1 },
        lastActivityAt: at,
      },
      select: { id: true },
    });
    return true;
  });
}

type ProgressRow = TrackingSummary & { recorded: boolean };

/**
 * Furthest scroll depth; never goes down. A report that is not further records nothing.
 *
 * The hot write path (a report every few seconds per reader), so it is ONE statement and one
 * round trip instead of a five-trip interactive transaction, with the same guarantees:
 * - ownership: the `target` CTE locks the assignment only if it is the caller's, still active, and
 *   their care with the assigning therapist is active; otherwise no row → NOT_FOUND;
 * - idempotency: the event insert is ON CONFLICT DO NOTHING on the unique (assignmentId, key), so a
 *   retried key records nothing (and waits for a concurrent insert of the same key to settle);
 * - monotonic: the event is written only when the report is further than the locked row, and the
 *   summary moves with GREATEST, which re-reads the newest row version under the lock;
 * - atomic: the event and the summary change commit together or not at all.
 */
export async function reportProgress(
  db: PrismaClient,
  input: { assignmentId: string; clientId: string; progress: number; key: string; at?: Date; session?: { sessionVersion: number } },
): Promise<ReportResult> {
  const at = input.at ?? new Date();
  const progress = Math.max(0, Math.min(100, Math.round(input.progress)));
  // `session`: the caller's session claims were NOT yet checked against the database (the
  // progress route's fast path); the same statement checks them — an active client account with
  // this session version — so a revoked session records nothing and gets UNAUTHORIZED.
  const viewer = input.session
    ? Prisma.sql`SELECT u."id" FROM "User" u WHERE u."id" = ${input.clientId} AND u."status" = 'ACTIVE' AND u."role" = 'CLIENT'
        AND u."sessionVersion" = ${input.session.sessionVersion}::int`
    : Prisma.sql`SELECT ${input.clientId}::text AS "id"`;
  const rows = await db.$queryRaw<(ProgressRow & { signedIn: boolean })[]>`
    WITH viewer AS (${viewer}), target AS (
      SELECT a."id", a."firstOpenedAt", a."lastOpenedAt", a."openCount", a."progress", a."completedAt"
      FROM "Assignment" a
      WHERE a."id" = ${input.assignmentId} AND a."clientId" = ${input.clientId} AND a."active" = true
        AND EXISTS (SELECT 1 FROM viewer)
        AND EXISTS (
          SELECT 1 FROM "CareRelationship" c
          WHERE c."therapistId" = a."therapistId" AND c."clientId" = a."clientId" AND c."active" = true
        )
      FOR UPDATE OF a
    ), event AS (
      INSERT INTO "ReadingEvent" ("id", "assignmentId", "type", "at", "progress", "idempotencyKey")
      SELECT ${randomUUID()}::text, t."id", 'PROGRESS'::"ReadingEventType", ${at}::timestamp(3), ${progress}::int, ${input.key}::text
      FROM target t WHERE ${progress}::int > t."progress"
      ON CONFLICT ("assignmentId", "idempotencyKey") DO NOTHING
      RETURNING "assignmentId"
    ), moved AS (
      UPDATE "Assignment" s SET "progress" = GREATEST(s."progress", ${progress}::int), "lastActivityAt" = ${at}::timestamp(3)
      FROM event e WHERE s."id" = e."assignmentId"
      RETURNING s."firstOpenedAt", s."lastOpenedAt", s."openCount", s."progress", s."completedAt"
    )
    SELECT m."firstOpenedAt", m."lastOpenedAt", m."openCount", m."progress", m."completedAt", true AS recorded, true AS "signedIn" FROM moved m
    UNION ALL
    SELECT t."firstOpenedAt", t."lastOpenedAt", t."openCount", t."progress", t."completedAt", false AS recorded, true AS "signedIn"
    FROM target t WHERE NOT EXISTS (SELECT 1 FROM moved)
    UNION ALL
    SELECT NULL, NULL, NULL, NULL, NULL, false, false WHERE NOT EXISTS (SELECT 1 FROM viewer)`;
  const [row] = rows;
  if (row && !row.signedIn) throw new AppError("UNAUTHORIZED");
  if (!row || rows.length !== 1) throw new AppError("NOT_FOUND", NOT_FOUND_MESSAGE);
  const { recorded, signedIn: _signedIn, ...summary } = row;
  return { recorded, summary };
}

/** Marks the reading done (once). */
export function markComplete(db: PrismaClient, input: { assignmentId: string; clientId: string; key: string; at?: Date }): Promise<ReportResult> {
  const at = input.at ?? new Date();
  return report(db, input, async (tx, before) => {
    if (before.completedAt) return false;
    if (!(await insertEvent(tx, { assignmentId: input.assignmentId, type: "COMPLETED", at, key: input.key }))) return false;
    await tx.assignment.update({ where: { id: input.assignmentId }, data: { completedAt: at, lastActivityAt: at }, select: { id: true } });
    return true;
  });
}

/** Saves the client's rating and reflection; private unless they choose to share it. */
export async function saveReflection(
  db: PrismaClient,
  input: { assignmentId: string; clientId: string; rating: number | null; body: string; sharedWithTherapist: boolean },
) {
  const at = new Date();
  return db.$transaction(async (tx) => {
    await lockTrackable(tx, input.assignmentId, input.clientId);
    const existing = await tx.reflection.findUnique({ where: { assignmentId: input.assignmentId }, select: { sharedWithTherapist: true, sharedAt: true } });
    // sharedAt marks when it became visible to the therapist ("new shared reflections").
    const sharedAt = input.sharedWithTherapist ? (existing?.sharedWithTherapist ? existing.sharedAt : at) : null;
    const data = { rating: input.rating, body: input.body, sharedWithTherapist: input.sharedWithTherapist, sharedAt };
    const reflection = await tx.reflection.upsert({
      where: { assignmentId: input.assignmentId },
      create: { assignmentId: input.assignmentId, ...data },
      update: data,
      select: { rating: true, body: true, sharedWithTherapist: true, sharedAt: true, updatedAt: true },
    });
    await tx.assignment.update({ where: { id: input.assignmentId }, data: { lastActivityAt: at }, select: { id: true } });
    return reflection;
  });
}
