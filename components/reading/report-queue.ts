// The reader's report queue: everything a client did in a reading (how far they read, "done",
// a reflection) is kept until the server acknowledged it — in memory and in localStorage — and
// sent again with backoff until it arrives. Pure logic and a small engine with injected I/O, so
// it is unit-tested without a browser (tests/unit/report-queue.test.ts); the browser glue lives
// in report-queue-browser.ts.
import { z } from "zod";
import { entityId, idempotencyKey, MAX_REFLECTION_LENGTH } from "@/server/schemas/assignment";

export type ReflectionDraft = { rating: number | null; body: string; sharedWithTherapist: boolean };

/** What is still unacknowledged for one assignment. Only the furthest progress matters; done is sticky. */
export type QueueEntry = {
  progress?: { value: number; key: string };
  done?: { key: string };
  reflection?: ReflectionDraft & { key: string };
};
export type QueueState = Record<string, QueueEntry>;

export type ReportKind = "progress" | "done" | "reflection";
export type Report =
  | { kind: "progress"; assignmentId: string; key: string; progress: number }
  | { kind: "done"; assignmentId: string; key: string }
  | { kind: "reflection"; assignmentId: string; key: string; reflection: ReflectionDraft };

/** Bounds: the stored queue can never grow without limit (a client has at most 300 readings listed). */
export const MAX_ENTRIES = 300;
export const STORAGE_PREFIX = "haven:reports:";
export const BACKOFF_BASE_MS = 1000;
export const BACKOFF_MAX_MS = 60_000;

export function storageKey(userId: string): string {
  return `${STORAGE_PREFIX}${userId}`;
}

// ---------------------------------------------------------------------------------------------
// Coalescing

export function addProgress(state: QueueState, assignmentId: string, value: number, makeKey: () => string): QueueState {
  const progress = Math.max(0, Math.min(100, Math.round(value)));
  const entry = state[assignmentId] ?? {};
  // A report that isn't further than the one waiting changes nothing (and keeps its key).
  if (entry.progress && entry.progress.value >= progress) return state;
  return withEntry(state, assignmentId, { ...entry, progress: { value: progress, key: makeKey() } });
}

export function addDone(state: QueueState, assignmentId: string, makeKey: () => string): QueueState {
  const entry = state[assignmentId] ?? {};
  if (entry.done) return state; // sticky: one key per "done" until the server has it
  return withEntry(state, assignmentId, { ...entry, done: { key: makeKey() } });
}

export function addReflection(state: QueueState, assignmentId: string, reflection: ReflectionDraft, makeKey: () => string): QueueState {
  const entry = state[assignmentId] ?? {};
  // The latest words win; saving a reflection is an upsert on the server.
  return withEntry(state, assignmentId, { ...entry, reflection: { ...reflection, key: makeKey() } });
}

function withEntry(state: QueueState, assignmentId: string, entry: QueueEntry): QueueState {
  const next = { ...state, [assignmentId]: entry };
  if (isEmpty(entry)) delete next[assignmentId];
  return next;
}

function isEmpty(entry: QueueEntry): boolean {
  return !entry.progress && !entry.done && !entry.reflection;
}

/**
 * Removes what the server acknowledged — only if it is still the same report (same key): an
 * answer for an older progress figure must not drop a further one queued since.
 */
export function acknowledge(state: QueueState, report: Pick<Report, "kind" | "assignmentId" | "key">): QueueState {
  const entry = state[report.assignmentId];
  const part = entry?.[report.kind];
  if (!entry || !part || part.key !== report.key) return state;
  const rest = { ...entry };
  delete rest[report.kind];
  return withEntry(state, report.assignmentId, rest);
}

/** Every unacknowledged report, progress before done before reflection for each assignment. */
export function pendingReports(state: QueueState): Report[] {
  const reports: Report[] = [];
  for (const [assignmentId, entry] of Object.entries(state)) {
    if (entry.progress) reports.push({ kind: "progress", assignmentId, key: entry.progress.key, progress: entry.progress.value });
    if (entry.done) reports.push({ kind: "done", assignmentId, key: entry.done.key });
    if (entry.reflection) {
      const { key, ...reflection } = entry.reflection;
      reports.push({ kind: "reflection", assignmentId, key, reflection });
    }
  }
  return reports;
}

/** Combines two views of the queue (this tab and another tab / what was stored), keeping the furthest of each. */
export function mergeStates(a: QueueState, b: QueueState): QueueState {
  const merged: QueueState = { ...a };
  for (const [id, other] of Object.entries(b)) {
    const mine = merged[id];
    if (!mine) {
      merged[id] = other;
      continue;
    }
    merged[id] = {
      progress: !mine.progress ? other.progress : !other.progress ? mine.progress : other.progress.value > mine.progress.value ? other.progress : mine.progress,
      done: mine.done ?? other.done,
      reflection: mine.reflection ?? other.reflection,
    };
    for (const kind of ["progress", "done", "reflection"] as const) if (!merged[id][kind]) delete merged[id][kind];
  }
  return merged;
}

// ---------------------------------------------------------------------------------------------
// Answers and backoff

export type Outcome = "ok" | "retry" | "signin" | "drop";

/**
 * What an answer means for a report. Network errors, timeouts, rate limits and server errors
 * (an unreachable database answers 503) are worth retrying; 401 means the session really ended
 * (keep the report for after signing in); any other 4xx means this report can never succeed.
 */
export function classify(status: number | "network"): Outcome {
  if (status === "network") return "retry";
  if (status >= 200 && status < 300) return "ok";
  if (status === 401) return "signin";
  if (status === 408 || status === 425 || status === 429 || status >= 500) return "retry";
  if (status >= 400) return "drop";
  return "retry"; // 1xx/3xx never end a report here
}

/**
 * Delay before retry number `attempt` (1-based): exponential from 1 s, capped at 60 s, with
 * "equal jitter" (between half and all of it) so many readers don't all return at once.
 */
export function backoffDelay(attempt: number, random: () => number = Math.random): number {
  const exp = Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** Math.max(0, Math.min(attempt - 1, 16)));
  const r = Math.min(1, Math.max(0, random()));
  return Math.round(exp / 2 + (exp / 2) * r);
}

// ---------------------------------------------------------------------------------------------
// Persistence: what localStorage holds is untrusted text; anything odd is dropped, not sent.

const key = idempotencyKey;
const storedEntry = z.object({
  progress: z.object({ value: z.number().int().min(0).max(100), key }).optional(),
  done: z.object({ key }).optional(),
  reflection: z
    .object({
      key,
      rating: z.number().int().min(1).max(5).nullable(),
      body: z.string().max(MAX_REFLECTION_LENGTH),
      sharedWithTherapist: z.boolean(),
    })
    .optional(),
});
const storedQueue = z.object({ v: z.literal(1), entries: z.record(z.string(), z.unknown()) });

export function serializeQueue(state: QueueState): string {
  return JSON.stringify({ v: 1, entries: state });
}

export function parseStoredQueue(raw: string | null | undefined): QueueState {
  if (!raw) return {};
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return {};
  }
  const parsed = storedQueue.safeParse(json);
  if (!parsed.success) return {};
  const state: QueueState = {};
  for (const [id, value] of Object.entries(parsed.data.entries).slice(0, MAX_ENTRIES)) {
    if (!entityId.safeParse(id).success) continue;
    const entry = storedEntry.safeParse(value);
    if (!entry.success || isEmpty(entry.data)) continue;
    const clean: QueueEntry = {};
    if (entry.data.progress) clean.progress = entry.data.progress;
    if (entry.data.done) clean.done = entry.data.done;
    if (entry.data.reflection) clean.reflection = entry.data.reflection;
    state[id] = clean;
  }
  return state;
}

// ---------------------------------------------------------------------------------------------
// The engine

/** "saved": nothing waiting; "saving": sending now; "waiting": will retry (offline, outage); "signin": the session ended. */
export type QueueStatus = "saved" | "saving" | "waiting" | "signin";

export interface QueueDeps {
  /** Sends one report; resolves to the HTTP status, or "network" when no answer arrived. */
  send(report: Report, options: { keepalive: boolean }): Promise<number | "network">;
  load(): string | null;
  save(serialized: string | null): void;
  makeKey(): string;
  setTimer(callback: () => void, ms: number): unknown;
  clearTimer(handle: unknown): void;
  random?: () => number;
  /** Called after the server acknowledged a report (e.g. to refresh what the page shows). */
  onAcknowledged?(report: Report): void;
  /** Called when a report was refused for good (validation, withdrawn reading). */
  onDropped?(report: Report, status: number): void;
}

export class ReportQueue {
  private state: QueueState;
  private status: QueueStatus = "saved";
  private attempt = 0;
  private timer: unknown = null;
  private running: Promise<void> | null = null;
  private again = false;
  private listeners = new Set<() => void>();
  private stopped = false;

  constructor(private readonly deps: QueueDeps) {
    this.state = parseStoredQueue(deps.load());
    if (Object.keys(this.state).length > 0) this.status = "waiting";
  }

  getState(): QueueState {
    return this.state;
  }
  getStatus(): QueueStatus {
    return this.status;
  }
  /** Milliseconds of the scheduled retry's backoff step (for tests and diagnostics). */
  getAttempt(): number {
    return this.attempt;
  }
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  progress(assignmentId: string, value: number): void {
    this.update((s) => addProgress(s, assignmentId, value, this.deps.makeKey));
  }
  done(assignmentId: string): void {
    this.update((s) => addDone(s, assignmentId, this.deps.makeKey));
  }
  reflection(assignmentId: string, reflection: ReflectionDraft): void {
    this.update((s) => addReflection(s, assignmentId, reflection, this.deps.makeKey));
  }

  /** Picks up what another tab stored (the `storage` event). */
  reload(): void {
    this.update((s) => mergeStates(s, parseStoredQueue(this.deps.load())), false);
  }

  /**
   * Sends everything waiting, one report after another. A retryable failure stops the round and
   * schedules the next after a backoff; `force` (page visible again, back online, a click)
   * skips the wait.
   */
  flush(options: { force?: boolean } = {}): Promise<void> {
    if (this.stopped) return Promise.resolve();
    if (this.running) {
      this.again = true;
      return this.running;
    }
    if (this.timer !== null) {
      if (!options.force) return Promise.resolve();
      this.deps.clearTimer(this.timer);
      this.timer = null;
    }
    this.running = this.round().finally(() => {
      this.running = null;
      if (this.again && this.status !== "waiting" && this.status !== "signin") {
        this.again = false;
        void this.flush();
      }
      this.again = false;
    });
    return this.running;
  }

  /** The page is going away: send what is waiting with keepalive, without waiting for answers. */
  flushOnHide(): void {
    if (this.stopped) return;
    for (const report of pendingReports(this.state)) {
      void this.deps.send(report, { keepalive: true }).then(
        (status) => {
          if (classify(status) === "ok") this.update((s) => acknowledge(s, report));
        },
        () => undefined,
      );
    }
  }

  /** Forgets everything (signing out, Quick exit, offline reading turned off). */
  clear(): void {
    if (this.timer !== null) this.deps.clearTimer(this.timer);
    this.timer = null;
    this.state = {};
    this.attempt = 0;
    this.deps.save(null);
    this.setStatus("saved");
  }

  /** Stops for good (this user signed out): no timers, no sends. */
  stop(): void {
    this.clear();
    this.stopped = true;
  }

  private async round(): Promise<void> {
    let reports = pendingReports(this.state);
    while (reports.length > 0) {
      this.setStatus("saving");
      const report = reports[0]!;
      let status: number | "network";
      try {
        status = await this.deps.send(report, { keepalive: true });
      } catch {
        status = "network";
      }
      if (this.stopped) return;
      const outcome = classify(status);
      if (outcome === "retry") {
        this.attempt += 1;
        this.setStatus("waiting");
        this.timer = this.deps.setTimer(() => {
          this.timer = null;
          void this.flush();
        }, backoffDelay(this.attempt, this.deps.random));
        return;
      }
      if (outcome === "signin") {
        // Keep everything: it is sent after signing in again. No timer: retrying won't help.
        this.setStatus("signin");
        return;
      }
      this.attempt = 0;
      this.update((s) => acknowledge(s, report));
      if (outcome === "ok") this.deps.onAcknowledged?.(report);
      else this.deps.onDropped?.(report, status as number);
      reports = pendingReports(this.state);
    }
    this.setStatus("saved");
  }

  private update(change: (state: QueueState) => QueueState, notify = true): void {
    const next = change(this.state);
    if (next === this.state) return;
    this.state = next;
    this.deps.save(Object.keys(next).length > 0 ? serializeQueue(next) : null);
    if (notify) this.emit();
  }

  private setStatus(status: QueueStatus): void {
    if (this.status === status) return;
    this.status = status;
    this.emit();
  }

  private emit(): void {
    for (const listener of this.listeners) listener();
  }
}
