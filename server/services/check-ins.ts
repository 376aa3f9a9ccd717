import { AppError } from "../app-error";
import type { Prisma, PrismaClient } from "../generated/prisma/client";
import { HARD_TIME_AT_OR_BELOW, type GroundingPiece, type OwnCheckIn } from "../schemas/worksheet";
import { NOT_FOUND_MESSAGE } from "./tracking/events";

// "How do you feel now?" after a reading: optional, private unless shared (like reflections).
// A hard time (HARD_TIME_AT_OR_BELOW or less) gets grounding pieces from the shared library.

/** Shared, published library exercises tagged Grounding, for clients, without a content note. */
export const groundingWhere = {
  status: "PUBLISHED",
  visibility: "SHARED",
  ownerId: null,
  audience: { in: ["CLIENT", "ANYONE"] },
  kind: "EXERCISE",
  contentNote: null,
  tags: { some: { tag: { slug: "grounding" } } },
} satisfies Prisma.ResourceWhereInput;

const checkInSelect = { feeling: true, words: true, sharedWithTherapist: true, updatedAt: true } satisfies Prisma.CheckInSelect;

export async function groundingPieces(db: PrismaClient): Promise<GroundingPiece[]> {
  return db.resource.findMany({
    where: groundingWhere,
    orderBy: [{ readingMinutes: "asc" }, { title: "asc" }],
    take: 4,
    select: { slug: true, title: true, summary: true, readingMinutes: true },
  });
}

export async function groundingPiece(db: PrismaClient, slug: string) {
  const piece = await db.resource.findFirst({ where: { ...groundingWhere, slug }, select: { slug: true, title: true, summary: true, body: true, readingMinutes: true } });
  if (!piece) throw new AppError("NOT_FOUND", "We couldn't find that exercise.");
  return piece;
}

export async function readCheckInState(db: PrismaClient, clientId: string, assignmentId: string): Promise<{ promptEnabled: boolean; checkIn: OwnCheckIn | null }> {
  const [user, row] = await Promise.all([
    db.user.findUnique({ where: { id: clientId }, select: { checkInAfterReading: true } }),
    db.assignment.findFirst({ where: { id: assignmentId, clientId, active: true }, select: { checkIn: { select: checkInSelect } } }),
  ]);
  if (!row) throw new AppError("NOT_FOUND", NOT_FOUND_MESSAGE);
  return { promptEnabled: user?.checkInAfterReading ?? true, checkIn: row.checkIn };
}

export async function saveCheckIn(
  db: PrismaClient,
  input: { clientId: string; assignmentId: string; feeling: number; words: string; sharedWithTherapist: boolean },
): Promise<{ checkIn: OwnCheckIn; grounding: GroundingPiece[] }> {
  const checkIn = await db.$transaction(async (tx) => {
    const rows = await tx.$queryRaw<{ id: string }[]>`
      SELECT "id" FROM "Assignment" WHERE "id" = ${input.assignmentId} AND "clientId" = ${input.clientId} AND "active" = true FOR UPDATE`;
    if (!rows[0]) throw new AppError("NOT_FOUND", NOT_FOUND_MESSAGE);
    const existing = await tx.checkIn.findUnique({ where: { assignmentId: input.assignmentId }, select: { sharedWithTherapist: true, sharedAt: true } });
    const sharedAt = input.sharedWithTherapist ? (existing?.sharedWithTherapist ? existing.sharedAt : new Date()) : null;
    const data = { feeling: input.feeling, words: input.words, sharedWithTherapist: input.sharedWithTherapist, sharedAt };
    return tx.checkIn.upsert({ where: { assignmentId: input.assignmentId }, create: { assignmentId: input.assignmentId, ...data }, update: data, select: checkInSelect });
  });
  return { checkIn, grounding: input.feeling <= HARD_TIME_AT_OR_BELOW ? await groundingPieces(db) : [] };
}

export async function setCheckInPrompt(db: PrismaClient, clientId: string, enabled: boolean): Promise<{ enabled: boolean }> {
  const row = await db.user.update({ where: { id: clientId }, data: { checkInAfterReading: enabled }, select: { checkInAfterReading: true } });
  return { enabled: row.checkInAfterReading };
}

export async function readCheckInPrompt(db: PrismaClient, clientId: string): Promise<{ enabled: boolean }> {
  const row = await db.user.findUnique({ where: { id: clientId }, select: { checkInAfterReading: true } });
  return { enabled: row?.checkInAfterReading ?? true };
}
