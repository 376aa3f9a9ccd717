import type { SavedAnswer } from "@/server/schemas/worksheet";
import type { AnswerValue } from "@/server/schemas/worksheet-prompts";
import type { SaveStatus } from "./worksheet-context";

/** Quiet time after the last keystroke before an answer is saved. */
export const SAVE_AFTER_MS = 700;
const RETRY_MS = [2_000, 5_000, 10_000, 30_000];

export type SaveRequest = { promptId: string; value: AnswerValue; key: string; baseRevision: number };
/** "final" errors (bad input, gone) are not retried; anything else is. */
export type SaveFailure = { final: boolean; message: string };

type Slot = {
  revision: number;
  latest: AnswerValue;
  inFlight: boolean;
  timer: ReturnType<typeof setTimeout> | null;
  attempts: number;
};

const same = (a: AnswerValue, b: AnswerValue) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Autosave for a worksheet, one queue per question: saves a moment after typing stops (or at
 * once on flush), never two saves of one question at a time, each with an idempotency key and
 * the revision it builds on; a failed save is retried with the SAME key (so it is written once),
 * calmly backing off. Plain TypeScript so it can be tested without a browser.
 */
export class AnswerSaver {
  private slots = new Map<string, Slot>();

  constructor(
    private readonly save: (request: SaveRequest) => Promise<SavedAnswer>,
    private readonly onStatus: (promptId: string, state: SaveStatus, message?: string) => void,
    private readonly newKey: () => string,
    initial: { promptId: string; value: AnswerValue; revision: number }[] = [],
    private readonly delays = { saveAfter: SAVE_AFTER_MS, retry: RETRY_MS },
  ) {
    for (const answer of initial) this.slots.set(answer.promptId, { revision: answer.revision, latest: answer.value, inFlight: false, timer: null, attempts: 0 });
  }

  private slot(promptId: string): Slot {
    let slot = this.slots.get(promptId);
    if (!slot) {
      slot = { revision: 0, latest: null, inFlight: false, timer: null, attempts: 0 };
      this.slots.set(promptId, slot);
    }
    return slot;
  }

  change(promptId: string, value: AnswerValue): void {
    const slot = this.slot(promptId);
    slot.latest = value;
    if (slot.inFlight) return; // sent when the save in flight comes back
    this.onStatus(promptId, "unsaved");
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = setTimeout(() => void this.send(promptId), this.delays.saveAfter);
  }

  /** Save now what is waiting for its pause (leaving a field, leaving the page). */
  flush(promptId?: string): void {
    for (const [id, slot] of this.slots) {
      if ((promptId === undefined || id === promptId) && slot.timer && !slot.inFlight) void this.send(id);
    }
  }

  dispose(): void {
    for (const slot of this.slots.values()) if (slot.timer) clearTimeout(slot.timer);
  }

  private async send(promptId: string, retryKey?: string): Promise<void> {
    const slot = this.slot(promptId);
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
    const value = slot.latest;
    const key = retryKey ?? this.newKey();
    slot.inFlight = true;
    this.onStatus(promptId, "saving");
    let saved: SavedAnswer;
    try {
      saved = await this.save({ promptId, value, key, baseRevision: slot.revision });
    } catch (error) {
      const failure = error as SaveFailure;
      if (failure.final) {
        slot.inFlight = false;
        this.onStatus(promptId, "failed", failure.message);
        return;
      }
      const delay = this.delays.retry[Math.min(slot.attempts, this.delays.retry.length - 1)] ?? 30_000;
      slot.attempts += 1;
      this.onStatus(promptId, "retrying");
      // The same value under the same key: if the first try did reach the server, nothing is written twice.
      slot.timer = setTimeout(() => void this.retry(promptId, key, value), delay);
      return;
    }
    slot.inFlight = false;
    slot.revision = saved.revision;
    slot.attempts = 0;
    if (saved.conflict || !same(slot.latest, value)) {
      // Typed on since, or another window saved first: send what is on screen now, on top of it.
      void this.send(promptId);
    } else {
      this.onStatus(promptId, "saved");
    }
  }

  private retry(promptId: string, key: string, value: AnswerValue): Promise<void> {
    const slot = this.slot(promptId);
    // Typed on while offline: the newer value goes under a new key instead.
    return same(slot.latest, value) ? this.send(promptId, key) : this.send(promptId);
  }
}
