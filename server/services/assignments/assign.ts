import { AppError } from "../../app-error";
import type { PrismaClient } from "../../generated/prisma/client";
import { isUniqueViolation } from "../../errors";
import { dueDateToInstant, type AssignResult } from "../../schemas/assignment";
import { recordAudit, type AuditActor } from "../audit/record";
import { assignableResourceWhere, REMINDER_INTERVAL_MS, therapistAssignmentScope } from "../care/scope";
import { parsePreferences } from "../../schemas/preferences";
import { sendMail } from "../mailer";
import { manualReminderMail } from "../reminders/messages";
import { reminderChoiceOf, reminderSettingsSelect } from "../reminders/settings";

/** Shown instead of the title of a plan item the therapist can no longer see. */
export const UNAVAILABLE_TITLE = "A reading that is no longer shared with you";

const ASSIGNMENT_NOT_FOUND = "We couldn't find that assignment.";

/** Upper bound on assignments one request may create (clients × readings). */
export const MAX_ASSIGNMENTS_PER_REQUEST = 500;

export type AssignRequest = {
  resourceId?: string;
  collectionId?: string;
  clientIds: string[];
  note?: string;
  dueDate?: string | null;
};

async function resolveResources(db: PrismaClient, therapistId: string, request: AssignRequest) {
  if (request.resourceId) {
    const resource = await db.resource.findFirst({
      where: { id: request.resourceId, ...assignableResourceWhere(therapistId) },
      select: { id: true, title: true },
    });
    if (!resource) throw new AppError("NOT_FOUND", "We couldn't find that reading.");
    return { collectionId: null, assignable: [resource], unavailable: [] as { id: string; title: string }[] };
  }
  const collection = await db.collection.findFirst({
    where: { id: request.collectionId, ownerId: therapistId },
    select: {
      id: true,
      items: {
        orderBy: { position: "asc" },
        select: { resource: { select: { id: true, title: true, status: true, visibility: true, ownerId: true } } },
      },
    },
  });
  if (!collection) throw new AppError("NOT_FOUND", "We couldn't find that reading plan.");
  const resources = collection.items.map((item) => item.resource);
  const isAssignable = (r: (typeof resources)[number]) => r.status === "PUBLISHED" && (r.visibility === "SHARED" || r.ownerId === therapistId);
  const assignable = resources.filter(isAssignable).map(({ id, title }) => ({ id, title }));
  if (assignable.length === 0) {
    throw new AppError("BAD_REQUEST", "This reading plan has no published readings to assign yet.");
  }
  // A piece its author has since made private (or unpublished) is invisible to this therapist
  // everywhere, so its current title is not told here either.
  const isVisible = (r: (typeof resources)[number]) =>
    r.ownerId === therapistId || (r.status === "PUBLISHED" && (r.ownerId === null || r.visibility === "SHARED"));
  const unavailable = resources
    .filter((r) => !isAssignable(r))
    .map((r) => ({ id: r.id, title: isVisible(r) ? r.title : UNAVAILABLE_TITLE }));
  return { collectionId: collection.id, assignable, unavailable };
}

/**
 * Assigns one resource or every published resource of a collection to each of `clientIds`
 * (all must be in the therapist's active care, else NOT_FOUND). One transaction per
 * (client, resource): the database's unique (clientId, resourceId, active) decides races, and a
 * conflict (skipped insert, or P2002 should one surface) is reported as "already assigned", never as an error.
 */
export async function assignToClients(db: PrismaClient, actor: AuditActor, therapistId: string, request: AssignRequest): Promise<AssignResult[]> {
  const clientIds = [...new Set(request.clientIds)];
  const cares = await db.careRelationship.findMany({
    where: { therapistId, active: true, clientId: { in: clientIds } },
    select: { client: { select: { id: true, name: true } } },
  });
  if (cares.length !== clientIds.length) {
    throw new AppError("NOT_FOUND", "We couldn't find one of those clients.");
  }
  const { collectionId, assignable, unavailable } = await resolveResources(db, therapistId, request);
  if (clientIds.length * assignable.length > MAX_ASSIGNMENTS_PER_REQUEST) {
    throw new AppError("BAD_REQUEST", "That's a lot at once. Please assign to fewer clients at a time.");
  }
  const dueAt = request.dueDate ? dueDateToInstant(request.dueDate) : null;
  const note = request.note?.trim() || null;
  const clients = clientIds.map((id) => cares.find((c) => c.client.id === id)!.client);

  const results: AssignResult[] = [];
  for (const client of clients) {
    for (const resource of assignable) {
      const base = { clientId: client.id, clientName: client.name, resourceId: resource.id, resourceTitle: resource.title };
      const createdId = await createOne(db, actor, { therapistId, clientId: client.id, resourceId: resource.id, collectionId, note, dueAt });
      if (createdId) {
        results.push({ ...base, outcome: "assigned", assignmentId: createdId });
        continue;
      }
      const existing = await db.assignment.findFirst({
        where: { clientId: client.id, resourceId: resource.id, active: true, therapistId },
        select: { id: true },
      });
      results.push({ ...base, outcome: "already_assigned", assignmentId: existing?.id ?? null });
    }
    for (const resource of unavailable) {
      results.push({ clientId: client.id, clientName: client.name, resourceId: resource.id, resourceTitle: resource.title, outcome: "unavailable", assignmentId: null });
    }
  }
  return results;
}

/** Creates one assignment with its audit row; null when an active one already exists (the unique decided). */
async function createOne(
  db: PrismaClient,
  actor: AuditActor,
  data: { therapistId: string; clientId: string; resourceId: string; collectionId: string | null; note: string | null; dueAt: Date | null },
): Promise<string | null> {
  try {
    return await db.$transaction(async (tx) => {
      // ON CONFLICT DO NOTHING on the unique (clientId, resourceId, active): a race loser gets no row.
      const [row] = await tx.assignment.createManyAndReturn({ data: [data], skipDuplicates: true, select: { id: true } });
      if (!row) return null;
      await recordAudit(tx, actor, {
        action: "assignment.created",
        targetType: "Assignment",
        targetId: row.id,
        detail: { clientId: data.clientId, resourceId: data.resourceId, ...(data.collectionId ? { collectionId: data.collectionId } : {}) },
      });
      return row.id;
    });
  } catch (error) {
    if (isUniqueViolation(error)) return null;
    throw error;
  }
}

/** Withdraws an active assignment: the client stops seeing it; its history stays. */
export async function withdrawAssignment(db: PrismaClient, actor: AuditActor, therapistId: string, id: string): Promise<void> {
  await db.$transaction(async (tx) => {
    const result = await tx.assignment.updateMany({
      where: { id, active: true, ...therapistAssignmentScope(therapistId) },
      data: { active: null, withdrawnAt: new Date() },
    });
    if (result.count !== 1) throw new AppError("NOT_FOUND", ASSIGNMENT_NOT_FOUND);
    await recordAudit(tx, actor, { action: "assignment.withdrawn", targetType: "Assignment", targetId: id });
  });
}

/**
 * Sends a neutral reminder for an unopened assignment, at most once per 24 hours, on the client's
 * terms: refused when they chose no reminders or a weekly summary; inside their quiet hours it is
 * queued and the reminder worker sends it when they end. The claim is a conditional update, so two
 * clicks at once send one email.
 */
export async function remindClient(
  db: PrismaClient,
  actor: AuditActor,
  therapistId: string,
  id: string,
  now: Date = new Date(),
): Promise<{ remindedAt: Date; queuedUntil: Date | null }> {
  const row = await db.assignment.findFirst({
    where: { id, active: true, ...therapistAssignmentScope(therapistId) },
    select: {
      firstOpenedAt: true,
      lastReminderAt: true,
      client: { select: { email: true, status: true, name: true, preferences: true, ...reminderSettingsSelect } },
      therapist: { select: { name: true } },
    },
  });
  if (!row) throw new AppError("NOT_FOUND", ASSIGNMENT_NOT_FOUND);
  if (row.firstOpenedAt) {
    throw new AppError("BAD_REQUEST", "This reading has already been opened, so there's no need for a reminder.");
  }
  if (row.client.status !== "ACTIVE") {
    throw new AppError("BAD_REQUEST", "This client hasn't set up their account yet, so a reminder can't reach them.");
  }
  if (row.client.reminderMode !== "NEW_READING") {
    throw new AppError("BAD_REQUEST", reminderRefusal(row.client.name, row.client.reminderMode));
  }
  const { quietUntil } = reminderChoiceOf(row.client, now);
  const claimed = await db.$transaction(async (tx) => {
    const result = await tx.assignment.updateMany({
      where: {
        id,
        active: true,
        firstOpenedAt: null,
        OR: [{ lastReminderAt: null }, { lastReminderAt: { lte: new Date(now.getTime() - REMINDER_INTERVAL_MS) } }],
      },
      data: { lastReminderAt: now, ...(quietUntil ? { reminderQueuedAt: now } : {}) },
    });
    if (result.count !== 1) return false;
    await recordAudit(tx, actor, { action: "assignment.reminded", targetType: "Assignment", targetId: id, ...(quietUntil ? { detail: { queuedUntil: quietUntil.toISOString() } } : {}) });
    return true;
  });
  if (!claimed) {
    throw new AppError("RATE_LIMITED", "A reminder for this reading was sent within the last day. You can send another tomorrow.");
  }
  if (quietUntil) return { remindedAt: now, queuedUntil: quietUntil };
  try {
    const mail = manualReminderMail(parsePreferences(row.client.preferences).discreet, row.therapist.name);
    await sendMail({ to: row.client.email, subject: mail.subject, text: mail.text });
  } catch (error) {
    // Undo the claim so the therapist can try again; the audit row stays as a record of the attempt.
    await db.assignment.update({ where: { id }, data: { lastReminderAt: row.lastReminderAt } });
    throw error;
  }
  return { remindedAt: now, queuedUntil: null };
}

/** What the therapist is told when the client's choice rules a reminder out. */
export function reminderRefusal(clientName: string, mode: "OFF" | "WEEKLY" | "NEW_READING"): string {
  return mode === "OFF"
    ? `${clientName} has chosen not to get reminders by email, so none was sent.`
    : `${clientName} has chosen a weekly summary instead of separate reminders, so this reading will be in their next one.`;
}
