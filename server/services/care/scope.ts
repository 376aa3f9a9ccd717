import { AppError } from "../../app-error";
import type { Prisma, PrismaClient } from "../../generated/prisma/client";
import { deriveReadingStatus, type TrackingView } from "../../schemas/assignment";

// Ownership rules shared by the client, assignment and reading routers. A therapist sees a
// client's data only while their care relationship is active; these filters go in every `where`.

/** Users who are in active care with `therapistId`. */
export function inCareOf(therapistId: string) {
  return { careAsClient: { some: { therapistId, active: true } } } satisfies Prisma.UserWhereInput;
}

/** The same answer for a missing client and one outside the caller's care (never reveal which). */
export const CLIENT_NOT_FOUND = "We couldn't find that client.";

/** A client in active care with `therapistId`, or NOT_FOUND (CLIENT_NOT_FOUND). */
export async function requireClientInCare(db: PrismaClient, therapistId: string, clientId: string): Promise<{ id: string; name: string }> {
  const client = await db.user.findFirst({ where: { id: clientId, role: "CLIENT", ...inCareOf(therapistId) }, select: { id: true, name: true } });
  if (!client) throw new AppError("NOT_FOUND", CLIENT_NOT_FOUND);
  return client;
}

/** Assignments a therapist may see: theirs, for a client still in their care. */
export function therapistAssignmentScope(therapistId: string) {
  return { therapistId, client: inCareOf(therapistId) } satisfies Prisma.AssignmentWhereInput;
}

/** Resources a therapist may assign: published, and shared or their own. */
export function assignableResourceWhere(therapistId: string) {
  return {
    status: "PUBLISHED",
    OR: [{ visibility: "SHARED" }, { ownerId: therapistId }],
  } satisfies Prisma.ResourceWhereInput;
}

/** The fields behind a TrackingView; reflection only if shared (the therapist must not see private ones). */
export const trackingViewSelect = {
  firstOpenedAt: true,
  lastOpenedAt: true,
  openCount: true,
  progress: true,
  completedAt: true,
  reflection: { select: { rating: true, body: true, sharedWithTherapist: true, sharedAt: true } },
  worksheet: { select: { sharedWithTherapist: true } },
  checkIn: { select: { feeling: true, words: true, sharedWithTherapist: true, sharedAt: true } },
} satisfies Prisma.AssignmentSelect;

type TrackingRow = Prisma.AssignmentGetPayload<{ select: typeof trackingViewSelect }>;

export function toTrackingView(row: TrackingRow): TrackingView {
  const shared = row.reflection?.sharedWithTherapist ? row.reflection : null;
  return {
    status: deriveReadingStatus(row),
    firstOpenedAt: row.firstOpenedAt,
    lastOpenedAt: row.lastOpenedAt,
    openCount: row.openCount,
    progress: row.progress,
    completedAt: row.completedAt,
    sharedReflection: shared ? { rating: shared.rating, body: shared.body, sharedAt: shared.sharedAt } : null,
    answersShared: row.worksheet?.sharedWithTherapist ?? false,
    sharedCheckIn: row.checkIn?.sharedWithTherapist ? { feeling: row.checkIn.feeling, words: row.checkIn.words, sharedAt: row.checkIn.sharedAt } : null,
  };
}

export const REMINDER_INTERVAL_MS = 24 * 60 * 60 * 1000;

/** Reminders are for readings not yet opened, at most once a day per assignment. */
export function canRemind(row: { firstOpenedAt: Date | null; lastReminderAt: Date | null }, now: Date): boolean {
  if (row.firstOpenedAt) return false;
  return !row.lastReminderAt || now.getTime() - row.lastReminderAt.getTime() >= REMINDER_INTERVAL_MS;
}
