"use client";
// The browser side of the report queue: one queue per signed-in client, its transports
// (the progress route; tRPC's reading.complete and reading.reflect over plain HTTP so every
// answer's status is seen) and the moments it flushes: now, every few seconds while reading,
// when the page becomes visible, when the browser is back online, and on page hide.
import { useSyncExternalStore } from "react";
import superjson from "superjson";
import { newReportKey } from "./report-key";
import { ReportQueue, STORAGE_PREFIX, storageKey, type QueueEntry, type QueueStatus, type Report } from "./report-queue";

export const PROGRESS_ENDPOINT = "/api/reading/progress";

function bodyOf(report: Report): { url: string; body: string } {
  switch (report.kind) {
    case "progress":
      return { url: PROGRESS_ENDPOINT, body: JSON.stringify({ assignmentId: report.assignmentId, progress: report.progress, key: report.key }) };
    case "done":
      return { url: "/api/trpc/reading.complete", body: JSON.stringify(superjson.serialize({ id: report.assignmentId, key: report.key })) };
    case "reflection":
      return {
        url: "/api/trpc/reading.reflect",
        body: JSON.stringify(superjson.serialize({ id: report.assignmentId, ...report.reflection })),
      };
  }
}

export async function sendReport(report: Report, options: { keepalive: boolean }): Promise<number | "network"> {
  const { url, body } = bodyOf(report);
  if (typeof navigator !== "undefined" && navigator.onLine === false) return "network";
  try {
    // keepalive bodies are limited to 64 kB in total; a reflection is at most 5000 characters.
    const response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body,
      credentials: "same-origin",
      keepalive: options.keepalive && body.length < 60_000,
      cache: "no-store",
    });
    return response.status;
  } catch {
    // The page may be unloading and keepalive refused: a beacon still carries a progress report.
    if (options.keepalive && report.kind === "progress" && typeof navigator.sendBeacon === "function") navigator.sendBeacon(url, body);
    return "network";
  }
}

function safeStorage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

type Handle = { userId: string; queue: ReportQueue; dispose: () => void };
let current: Handle | null = null;
const acknowledgedListeners = new Set<(report: Report) => void>();
const droppedListeners = new Set<(report: Report, status: number) => void>();

/** The signed-in client's queue (created on first use; another user's queue is never touched). */
export function getReportQueue(userId: string): ReportQueue {
  if (current?.userId === userId) return current.queue;
  current?.dispose();
  // Someone else's unsent reports on a shared device are never theirs to send from here.
  clearOtherUsersQueues(userId);
  const key = storageKey(userId);
  const queue = new ReportQueue({
    send: sendReport,
    load: () => safeStorage()?.getItem(key) ?? null,
    save: (serialized) => {
      const storage = safeStorage();
      try {
        if (serialized === null) storage?.removeItem(key);
        else storage?.setItem(key, serialized);
      } catch {
        // Storage full or off: the page still holds the queue.
      }
    },
    makeKey: newReportKey,
    setTimer: (callback, ms) => window.setTimeout(callback, ms),
    clearTimer: (handle) => window.clearTimeout(handle as number),
    onAcknowledged: (report) => acknowledgedListeners.forEach((listener) => listener(report)),
    onDropped: (report, status) => droppedListeners.forEach((listener) => listener(report, status)),
  });
  const onVisible = () => {
    if (document.visibilityState === "visible") void queue.flush({ force: true });
    else queue.flushOnHide();
  };
  const onOnline = () => void queue.flush({ force: true });
  const onHide = () => queue.flushOnHide();
  const onStorage = (event: StorageEvent) => {
    if (event.key === key) queue.reload();
  };
  document.addEventListener("visibilitychange", onVisible);
  window.addEventListener("online", onOnline);
  window.addEventListener("pagehide", onHide);
  window.addEventListener("storage", onStorage);
  current = {
    userId,
    queue,
    dispose: () => {
      document.removeEventListener("visibilitychange", onVisible);
      window.removeEventListener("online", onOnline);
      window.removeEventListener("pagehide", onHide);
      window.removeEventListener("storage", onStorage);
      queue.stop();
    },
  };
  // Whatever an earlier visit left unsent goes now (after this render: this may run inside one).
  window.setTimeout(() => void queue.flush(), 0);
  return queue;
}

export function onReportAcknowledged(listener: (report: Report) => void): () => void {
  acknowledgedListeners.add(listener);
  return () => acknowledgedListeners.delete(listener);
}

export function onReportDropped(listener: (report: Report, status: number) => void): () => void {
  droppedListeners.add(listener);
  return () => droppedListeners.delete(listener);
}

/** Every queue this device holds (all users), e.g. on sign-out or Quick exit. */
export function clearAllReportQueues(): void {
  current?.dispose();
  current = null;
  const storage = safeStorage();
  if (!storage) return;
  try {
    for (const name of Object.keys(storage)) if (name.startsWith(STORAGE_PREFIX)) storage.removeItem(name);
  } catch {
    // Nothing to clear when storage is off.
  }
}

/** Queues of other people who used this device (a shared device): never theirs to send from here. */
export function clearOtherUsersQueues(userId: string): void {
  const storage = safeStorage();
  if (!storage) return;
  try {
    for (const name of Object.keys(storage)) if (name.startsWith(STORAGE_PREFIX) && name !== storageKey(userId)) storage.removeItem(name);
  } catch {
    // Nothing to clear when storage is off.
  }
}

const noSubscribe = () => () => undefined;

export function useQueueStatus(queue: ReportQueue | null): QueueStatus {
  return useSyncExternalStore(
    queue ? (listener) => queue.subscribe(listener) : noSubscribe,
    () => queue?.getStatus() ?? "saved",
    () => "saved",
  );
}

/** This assignment's waiting state: furthest progress and done not yet acknowledged. */
export function useQueuedEntry(queue: ReportQueue | null, assignmentId: string): QueueEntry | undefined {
  return useSyncExternalStore(
    queue ? (listener) => queue.subscribe(listener) : noSubscribe,
    () => queue?.getState()[assignmentId],
    () => undefined,
  );
}

/** The client's queue in a component (null on the server and when nothing may be recorded). */
export function useReportQueue(userId: string, enabled: boolean): ReportQueue | null {
  return useSyncExternalStore(
    noSubscribe,
    () => (enabled ? getReportQueue(userId) : null),
    () => null,
  );
}

/** Gives the current queue up to `ms` to send what is waiting (signing out). */
export async function flushReportsBeforeLeaving(ms: number): Promise<void> {
  const queue = current?.queue;
  if (!queue) return;
  await Promise.race([queue.flush({ force: true }), new Promise((resolve) => window.setTimeout(resolve, ms))]);
}
