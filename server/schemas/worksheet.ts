import { z } from "zod";
import { outputText, text } from "./text";
import { entityId, idempotencyKey } from "./assignment";
import { answerValue, PROMPT_LIMITS, storedPrompt } from "./worksheet-prompts";

// Inputs and outputs of the worksheet and check-in routers. Safe for client components.

const promptId = text().min(1).max(PROMPT_LIMITS.id);

export const saveAnswerInput = z.object({
  id: entityId,
  promptId,
  value: answerValue,
  /** One per save attempt (a retry reuses it): a repeated key changes nothing. */
  key: idempotencyKey,
  /** The revision this change builds on (0 for a first answer); another writer's newer revision wins the race. */
  baseRevision: z.number().int().min(0).max(1_000_000),
});

export const savedAnswer = z.object({
  promptId: outputText(),
  value: answerValue,
  revision: z.number().int(),
  updatedAt: z.date(),
  /** True when another window saved first: value and revision are theirs, nothing was written. */
  conflict: z.boolean(),
});
export type SavedAnswer = z.infer<typeof savedAnswer>;

export const ownAnswer = z.object({
  promptId: outputText(),
  value: answerValue,
  revision: z.number().int(),
  updatedAt: z.date(),
  /** The prompt exactly as it read when answered. */
  prompt: storedPrompt,
});
export type OwnAnswer = z.infer<typeof ownAnswer>;

export const ownWorksheet = z.object({
  shared: z.boolean(),
  sharedAt: z.date().nullable(),
  answers: z.array(ownAnswer),
});
export type OwnWorksheet = z.infer<typeof ownWorksheet>;

export const setSharingInput = z.object({ id: entityId, shared: z.boolean() });
export const sharingState = z.object({ shared: z.boolean(), sharedAt: z.date().nullable() });

export const sharedAnswers = z.object({
  sharedAt: z.date().nullable(),
  answers: z.array(
    z.object({
      promptId: outputText(),
      /** The prompt as it read when the client answered. */
      prompt: storedPrompt,
      value: answerValue,
      text: outputText(),
      updatedAt: z.date(),
    }),
  ),
});
export type SharedAnswers = z.infer<typeof sharedAnswers>;

// ---- Check-in after reading ------------------------------------------------------------------

export const MAX_CHECK_IN_WORDS = 280;
/** At or below this, Haven offers grounding pieces and the crisis notice, calmly. */
export const HARD_TIME_AT_OR_BELOW = 3;

export const checkInInput = z.object({
  id: entityId,
  feeling: z.number().int().min(0, "Choose a number from 0 to 10").max(10, "Choose a number from 0 to 10"),
  words: text()
    .max(MAX_CHECK_IN_WORDS, `Keep it under ${MAX_CHECK_IN_WORDS} characters`)
    .optional()
    .transform((value) => value?.trim() ?? ""),
  sharedWithTherapist: z.boolean().default(false),
});

export const ownCheckIn = z.object({ feeling: z.number().int(), words: outputText(), sharedWithTherapist: z.boolean(), updatedAt: z.date() });
export type OwnCheckIn = z.infer<typeof ownCheckIn>;

export const groundingPiece = z.object({ slug: outputText(), title: outputText(), summary: outputText(), readingMinutes: z.number().int() });
export type GroundingPiece = z.infer<typeof groundingPiece>;

export const checkInResult = z.object({ checkIn: ownCheckIn, grounding: z.array(groundingPiece) });

export const checkInState = z.object({ promptEnabled: z.boolean(), checkIn: ownCheckIn.nullable() });

export const checkInPromptInput = z.object({ enabled: z.boolean() });

export const groundingSlugInput = z.object({ slug: text().min(1).max(120) });
