import { z } from "zod";
import { id, outputText, text } from "./text";
import { formatDate } from "./dates";
import { RESOURCE_KINDS } from "./library";

// Inputs and outputs of the assignment and reading routers, plus the small pure rules both
// the server and the browser need (status, due dates). Safe for client components to import.

export const entityId = id();

/** Client-generated (a UUID) or server-generated ("open:<id>:<bucket>") report key. */
export const idempotencyKey = text()
  .min(8)
  .max(120)
  .regex(/^[A-Za-z0-9:_-]+$/, "Idempotency keys use letters, digits, colon, dash and underscore");

export const MAX_NOTE_LENGTH = 1000;
export const MAX_REFLECTION_LENGTH = 5000;

/** A calendar date from <input type="date">, empty meaning "no due date". */
export const dueDateInput = text()
  .trim()
  .max(10)
  .refine((value) => value === "" || isCalendarDate(value), "Choose a date, or leave it empty")
  .transform((value) => (value === "" ? null : value))
  .optional();

export const assignCreateInput = z
  .object({
    resourceId: entityId.optional(),
    collectionId: entityId.optional(),
    clientIds: z.array(entityId).min(1, "Choose at least one client").max(50, "Choose at most 50 clients at once"),
    note: text().trim().max(MAX_NOTE_LENGTH, `Keep the note under ${MAX_NOTE_LENGTH} characters`).optional(),
    dueDate: dueDateInput,
  })
  .refine((value) => Boolean(value.resourceId) !== Boolean(value.collectionId), {
    message: "Choose one reading or one reading plan",
    path: ["resourceId"],
  });

export const assignOutcome = z.enum(["assigned", "already_assigned", "unavailable"]);

export const assignResult = z.object({
  clientId: outputText(),
  clientName: outputText(),
  resourceId: outputText(),
  resourceTitle: outputText(),
  outcome: assignOutcome,
  assignmentId: outputText().nullable(),
});
export type AssignResult = z.infer<typeof assignResult>;

export const readingStatus = z.enum(["NOT_OPENED", "OPENED", "DONE"]);
export type ReadingStatus = z.infer<typeof readingStatus>;

/** Done once marked done; opened once rendered for the client (or any progress arrived). */
export function deriveReadingStatus(a: { firstOpenedAt: Date | null; completedAt: Date | null; progress: number }): ReadingStatus {
  if (a.completedAt) return "DONE";
  if (a.firstOpenedAt || a.progress > 0) return "OPENED";
  return "NOT_OPENED";
}

export const THERAPIST_STATUS_LABEL: Record<ReadingStatus, string> = { NOT_OPENED: "Not opened", OPENED: "Opened", DONE: "Done" };
export const CLIENT_STATUS_LABEL: Record<ReadingStatus, string> = { NOT_OPENED: "New", OPENED: "In progress", DONE: "Done" };

export const resourceKind = z.enum(RESOURCE_KINDS);
export const intensity = z.enum(["MILD", "MODERATE", "STRONG"]);

/** Exactly what a therapist sees about one reading — and what the client's "what my therapist sees" panel shows. */
export const trackingView = z.object({
  status: readingStatus,
  firstOpenedAt: z.date().nullable(),
  lastOpenedAt: z.date().nullable(),
  openCount: z.number().int(),
  progress: z.number().int(),
  completedAt: z.date().nullable(),
  sharedReflection: z
    .object({ rating: z.number().int().nullable(), body: outputText(), sharedAt: z.date().nullable() })
    .nullable(),
  /** True only while the client shares a worksheet's answers (unshared and unanswered look the same). */
  answersShared: z.boolean(),
  /** The check-in after reading, only if the client shared it. */
  sharedCheckIn: z.object({ feeling: z.number().int(), words: outputText(), sharedAt: z.date().nullable() }).nullable(),
});
export type TrackingView = z.infer<typeof trackingView>;

export const eventType = z.enum(["ASSIGNED", "OPENED", "REOPENED", "PROGRESS", "COMPLETED", "REFLECTION_SHARED", "WITHDRAWN"]);
export const timelineEntry = z.object({
  id: outputText(),
  type: eventType,
  at: z.date(),
  progress: z.number().int().nullable(),
  resourceTitle: outputText(),
});
export type TimelineEntry = z.infer<typeof timelineEntry>;

export const EVENT_LABEL: Record<z.infer<typeof eventType>, string> = {
  ASSIGNED: "Assigned",
  OPENED: "Opened",
  REOPENED: "Opened again",
  PROGRESS: "Read further",
  COMPLETED: "Marked as done",
  REFLECTION_SHARED: "Shared a reflection",
  WITHDRAWN: "Withdrawn",
};

export const progressReportInput = z.object({
  id: entityId,
  progress: z.number().int().min(0).max(100),
  key: idempotencyKey,
});

export const completeInput = z.object({ id: entityId, key: idempotencyKey });

export const reflectInput = z.object({
  id: entityId,
  rating: z.number().int().min(1).max(5).nullable().optional(),
  body: text()
    .max(MAX_REFLECTION_LENGTH, `Keep your reflection under ${MAX_REFLECTION_LENGTH} characters`)
    .optional()
    .transform((value) => value?.trim() ?? ""),
  sharedWithTherapist: z.boolean().default(false),
});

export const trackingSummary = z.object({
  firstOpenedAt: z.date().nullable(),
  lastOpenedAt: z.date().nullable(),
  openCount: z.number().int(),
  progress: z.number().int(),
  completedAt: z.date().nullable(),
});
export type TrackingSummary = z.infer<typeof trackingSummary>;

function isCalendarDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T12:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/**
 * Due dates are calendar days. Stored at noon UTC, so the same day shows in every time zone
 * from UTC-11 to UTC+11; always formatted with timeZone "UTC".
 */
export function dueDateToInstant(day: string): Date {
  return new Date(`${day}T12:00:00Z`);
}

export function instantToDueDate(at: Date): string {
  return at.toISOString().slice(0, 10);
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Gentle wording for clients: "Suggested by Friday" within the coming week, "Suggested by 12 March"
 * otherwise. A past date reads the same calm way — never "overdue".
 */
export function gentleDueLabel(dueAt: Date, now: Date): string {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const dueDay = Date.UTC(dueAt.getUTCFullYear(), dueAt.getUTCMonth(), dueAt.getUTCDate());
  const days = Math.round((dueDay - today) / DAY_MS);
  if (days === 0) return "Suggested for today";
  if (days === 1) return "Suggested by tomorrow";
  if (days > 1 && days < 7) return `Suggested by ${formatDate(dueAt, "weekday")}`;
  const sameYear = dueAt.getUTCFullYear() === now.getUTCFullYear();
  return `Suggested by ${formatDate(dueAt, sameYear ? "dayMonthLong" : "longDate")}`;
}
