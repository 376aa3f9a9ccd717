import crypto from "node:crypto";
import { AppError } from "../app-error";
import { Prisma, type PrismaClient } from "../generated/prisma/client";
import {
  answerText,
  canonicalPrompt,
  extractPrompts,
  storedPrompt,
  validateAnswer,
  type AnswerValue,
  type Prompt,
} from "../schemas/worksheet-prompts";
import type { OwnWorksheet, SavedAnswer, SharedAnswers } from "../schemas/worksheet";
import { recordAudit, type AuditActor } from "./audit/record";
import { therapistAssignmentScope } from "./care/scope";
import { NOT_FOUND_MESSAGE } from "./tracking/events";

// A client's answers to a worksheet's prompts. Private by default: the therapist sees them only
// while the client shares them, and sees nothing at all otherwise — not a count, not a date, not
// even whether any exist (answers never touch the assignment's activity fields). Admins have no
// way in. Audit rows record sharing, unsharing and a therapist's viewing — never an answer.

type Tx = Prisma.TransactionClient;

const answerSelect = {
  promptKey: true,
  value: true,
  revision: true,
  updatedAt: true,
  promptVersion: { select: { definition: true } },
} satisfies Prisma.WorksheetAnswerSelect;

function toValue(raw: Prisma.JsonValue): AnswerValue {
  if (raw === null || typeof raw === "string" || typeof raw === "number") return raw;
  if (Array.isArray(raw) && raw.every((item) => typeof item === "string")) return raw as string[];
  return null;
}

function toJson(value: AnswerValue): Prisma.InputJsonValue | typeof Prisma.JsonNull {
  return value === null ? Prisma.JsonNull : value;
}

function definitionOf(raw: Prisma.JsonValue): Prompt | null {
  const parsed = storedPrompt.safeParse(raw);
  return parsed.success ? parsed.data : null;
}

/** Locks the client's own, active assignment row (serialising saves), or NOT_FOUND. */
async function lockOwnAssignment(tx: Tx, assignmentId: string, clientId: string): Promise<{ resourceId: string; body: string }> {
  const rows = await tx.$queryRaw<{ resourceId: string; body: string }[]>`
    SELECT a."resourceId", r."body"
    FROM "Assignment" a JOIN "Resource" r ON r."id" = a."resourceId"
    WHERE a."id" = ${assignmentId} AND a."clientId" = ${clientId} AND a."active" = true
    FOR UPDATE OF a`;
  const row = rows[0];
  if (!row) throw new AppError("NOT_FOUND", NOT_FOUND_MESSAGE);
  return row;
}

/** The row for this exact wording of a prompt (created the first time it is answered). */
async function promptVersionId(tx: Tx, resourceId: string, prompt: Prompt): Promise<string> {
  const canonical = canonicalPrompt(prompt);
  const hash = crypto.createHash("sha256").update(canonical).digest("hex");
  await tx.worksheetPromptVersion.createMany({
    data: [{ resourceId, promptKey: prompt.id, hash, definition: JSON.parse(canonical) as Prisma.InputJsonObject }],
    skipDuplicates: true,
  });
  const row = await tx.worksheetPromptVersion.findUniqueOrThrow({
    where: { resourceId_promptKey_hash: { resourceId, promptKey: prompt.id, hash } },
    select: { id: true },
  });
  return row.id;
}

/** The client's own answers and sharing state for one of their assignments. */
export async function readOwnWorksheet(db: PrismaClient, clientId: string, assignmentId: string): Promise<OwnWorksheet> {
  const row = await db.assignment.findFirst({
    where: { id: assignmentId, clientId, active: true },
    select: { worksheet: { select: { sharedWithTherapist: true, sharedAt: true, answers: { select: answerSelect, orderBy: { createdAt: "asc" } } } } },
  });
  if (!row) throw new AppError("NOT_FOUND", NOT_FOUND_MESSAGE);
  const sheet = row.worksheet;
  return {
    shared: sheet?.sharedWithTherapist ?? false,
    sharedAt: sheet?.sharedWithTherapist ? sheet.sharedAt : null,
    answers: (sheet?.answers ?? []).flatMap((answer) => {
      const prompt = definitionOf(answer.promptVersion.definition);
      return prompt ? [{ promptId: answer.promptKey, value: toValue(answer.value), revision: answer.revision, updatedAt: answer.updatedAt, prompt }] : [];
    }),
  };
}

/**
 * Saves one answer. Idempotent: a repeated key returns what it wrote. Ordered: a save names the
 * revision it builds on; if another window saved since, nothing is written and the newer answer
 * comes back with conflict: true (the browser then decides, and resends on top of it).
 */
export async function saveAnswer(
  db: PrismaClient,
  input: { clientId: string; assignmentId: string; promptId: string; value: AnswerValue; key: string; baseRevision: number },
): Promise<SavedAnswer> {
  return db.$transaction(async (tx) => {
    const assignment = await lockOwnAssignment(tx, input.assignmentId, input.clientId);
    const prompt = extractPrompts(assignment.body).prompts.find((candidate) => candidate.id === input.promptId);
    if (!prompt) throw new AppError("BAD_REQUEST", "That question isn't part of this reading any more. Please reload the page.");
    const checked = validateAnswer(prompt, input.value);
    if (!checked.ok) throw new AppError("BAD_REQUEST", checked.message);

    const response = await tx.worksheetResponse.upsert({
      where: { assignmentId: input.assignmentId },
      create: { assignmentId: input.assignmentId },
      update: {},
      select: { id: true },
    });
    const existing = await tx.worksheetAnswer.findUnique({
      where: { responseId_promptKey: { responseId: response.id, promptKey: prompt.id } },
      select: { id: true, value: true, revision: true, updatedAt: true, lastKey: true },
    });
    if (existing && (existing.lastKey === input.key || existing.revision !== input.baseRevision)) {
      return { promptId: prompt.id, value: toValue(existing.value), revision: existing.revision, updatedAt: existing.updatedAt, conflict: existing.lastKey !== input.key };
    }
    const versionId = await promptVersionId(tx, assignment.resourceId, prompt);
    const saved = existing
      ? await tx.worksheetAnswer.update({
          where: { id: existing.id },
          data: { value: toJson(checked.value), revision: { increment: 1 }, lastKey: input.key, promptVersionId: versionId },
          select: { value: true, revision: true, updatedAt: true },
        })
      : await tx.worksheetAnswer.create({
          data: { responseId: response.id, promptKey: prompt.id, value: toJson(checked.value), revision: 1, lastKey: input.key, promptVersionId: versionId },
          select: { value: true, revision: true, updatedAt: true },
        });
    return { promptId: prompt.id, value: toValue(saved.value), revision: saved.revision, updatedAt: saved.updatedAt, conflict: false };
  });
}

/** Shares or stops sharing a worksheet's answers with the therapist. Audited when it changes. */
export async function setWorksheetSharing(
  db: PrismaClient,
  actor: AuditActor,
  input: { clientId: string; assignmentId: string; shared: boolean },
): Promise<{ shared: boolean; sharedAt: Date | null }> {
  return db.$transaction(async (tx) => {
    await lockOwnAssignment(tx, input.assignmentId, input.clientId);
    const before = await tx.worksheetResponse.findUnique({ where: { assignmentId: input.assignmentId }, select: { sharedWithTherapist: true, sharedAt: true } });
    const changed = (before?.sharedWithTherapist ?? false) !== input.shared;
    const sharedAt = input.shared ? (before?.sharedWithTherapist ? before.sharedAt : new Date()) : null;
    const row = await tx.worksheetResponse.upsert({
      where: { assignmentId: input.assignmentId },
      create: { assignmentId: input.assignmentId, sharedWithTherapist: input.shared, sharedAt },
      update: { sharedWithTherapist: input.shared, sharedAt },
      select: { sharedWithTherapist: true, sharedAt: true },
    });
    if (changed) {
      await recordAudit(tx, actor, { action: input.shared ? "worksheet.shared" : "worksheet.unshared", targetType: "Assignment", targetId: input.assignmentId });
    }
    return { shared: row.sharedWithTherapist, sharedAt: row.sharedAt };
  });
}

/**
 * The answers a client shared, for their therapist (active care, their own assignment). Not
 * shared, never answered, another therapist's, missing: all the same NOT_FOUND. Audited.
 */
export async function readSharedAnswers(db: PrismaClient, actor: AuditActor, therapistId: string, assignmentId: string): Promise<SharedAnswers> {
  const row = await db.assignment.findFirst({
    where: { id: assignmentId, ...therapistAssignmentScope(therapistId), worksheet: { is: { sharedWithTherapist: true } } },
    select: {
      resource: { select: { body: true } },
      worksheet: { select: { sharedAt: true, answers: { select: answerSelect } } },
    },
  });
  if (!row?.worksheet) throw new AppError("NOT_FOUND", NOT_FOUND_MESSAGE);
  const answers = orderedAnswers(row.resource.body, row.worksheet.answers);
  await recordAudit(db, actor, { action: "worksheet.viewed", targetType: "Assignment", targetId: assignmentId, detail: { answers: answers.length } });
  return { sharedAt: row.worksheet.sharedAt, answers };
}

type AnswerRow = Prisma.WorksheetAnswerGetPayload<{ select: typeof answerSelect }>;

/** Answers in the order of the resource's current prompts; answers to removed prompts after them. Empty answers left out. */
export function orderedAnswers(body: string, rows: AnswerRow[]): SharedAnswers["answers"] {
  const order = new Map(extractPrompts(body).prompts.map((prompt, index) => [prompt.id, index]));
  return rows
    .flatMap((answer) => {
      const prompt = definitionOf(answer.promptVersion.definition);
      const value = toValue(answer.value);
      if (!prompt || value === null) return [];
      return [{ promptId: answer.promptKey, prompt, value, text: answerText(prompt, value), updatedAt: answer.updatedAt }];
    })
    .sort((a, b) => (order.get(a.promptId) ?? 1e6) - (order.get(b.promptId) ?? 1e6) || a.updatedAt.getTime() - b.updatedAt.getTime());
}

/** For the CSV export: shared answers as "Question: answer" lines; "" when not shared. */
export const sharedAnswersSelect = {
  resource: { select: { body: true } },
  worksheet: { select: { sharedWithTherapist: true, answers: { select: answerSelect } } },
} satisfies Prisma.AssignmentSelect;

export function sharedAnswersText(row: Prisma.AssignmentGetPayload<{ select: typeof sharedAnswersSelect }>): string | null {
  if (!row.worksheet?.sharedWithTherapist) return null;
  const lines = orderedAnswers(row.resource.body, row.worksheet.answers).map((answer) => `${answer.prompt.label}: ${answer.text}`);
  return lines.length ? lines.join("\n") : null;
}
