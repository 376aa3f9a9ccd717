import { AppError } from "../../app-error";
import type { Prisma, PrismaClient } from "../../generated/prisma/client";
import { deriveReadingStatus } from "../../schemas/assignment";
import { toTrackingView, trackingViewSelect } from "../care/scope";
import { clientTimeline } from "./engagement";
import { NOT_FOUND_MESSAGE } from "./events";

// The client's side: only ever their own, non-withdrawn assignments (anything else is NOT_FOUND).

const ownAssignment = (clientId: string, id?: string) => ({ ...(id ? { id } : {}), clientId, active: true }) satisfies Prisma.AssignmentWhereInput;

const therapistSelect = (clientId: string) =>
  ({ name: true, careAsTherapist: { where: { clientId, active: true }, select: { id: true }, take: 1 } }) satisfies Prisma.UserSelect;

/** "My readings", newest first; the page groups them into new / in progress / done. */
export async function listOwnReadings(db: PrismaClient, clientId: string) {
  const rows = await db.assignment.findMany({
    where: ownAssignment(clientId),
    orderBy: { assignedAt: "desc" },
    take: 300,
    select: {
      id: true,
      note: true,
      dueAt: true,
      assignedAt: true,
      firstOpenedAt: true,
      completedAt: true,
      progress: true,
      therapist: { select: therapistSelect(clientId) },
      resource: { select: { title: true, summary: true, kind: true, readingMinutes: true, contentNote: true, contentIntensity: true } },
    },
  });
  return rows.map(({ therapist, firstOpenedAt, ...row }) => ({
    ...row,
    status: deriveReadingStatus({ firstOpenedAt, completedAt: row.completedAt, progress: row.progress }),
    therapistName: therapist.name,
    careActive: therapist.careAsTherapist.length > 0,
  }));
}

/** The reading view. Tracking is off (careActive false) once care with the assigning therapist ended. */
export async function ownReading(db: PrismaClient, clientId: string, id: string) {
  const row = await db.assignment.findFirst({
    where: ownAssignment(clientId, id),
    select: {
      id: true,
      note: true,
      dueAt: true,
      firstOpenedAt: true,
      lastOpenedAt: true,
      openCount: true,
      progress: true,
      completedAt: true,
      therapist: { select: therapistSelect(clientId) },
      resource: {
        select: { title: true, summary: true, body: true, url: true, kind: true, readingMinutes: true, contentNote: true, contentIntensity: true },
      },
      reflection: { select: { rating: true, body: true, sharedWithTherapist: true, updatedAt: true } },
    },
  });
  if (!row) throw new AppError("NOT_FOUND", NOT_FOUND_MESSAGE);
  const { therapist, firstOpenedAt, lastOpenedAt, openCount, progress, completedAt, ...rest } = row;
  return {
    ...rest,
    therapistName: therapist.name,
    careActive: therapist.careAsTherapist.length > 0,
    tracking: { firstOpenedAt, lastOpenedAt, openCount, progress, completedAt },
  };
}

/** Exactly what the therapist can see about this reading: the same view and timeline they get. */
export async function ownReadingAsTherapistSees(db: PrismaClient, clientId: string, id: string) {
  const row = await db.assignment.findFirst({
    where: ownAssignment(clientId, id),
    select: { ...trackingViewSelect, therapist: { select: therapistSelect(clientId) } },
  });
  if (!row) throw new AppError("NOT_FOUND", NOT_FOUND_MESSAGE);
  const careActive = row.therapist.careAsTherapist.length > 0;
  return {
    therapistName: row.therapist.name,
    careActive,
    tracking: toTrackingView(row),
    events: await clientTimeline(db, { id, clientId }, 30),
  };
}
