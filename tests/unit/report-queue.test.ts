import { describe, expect, it } from "vitest";
import {
  acknowledge,
  addDone,
  addProgress,
  addReflection,
  BACKOFF_MAX_MS,
  backoffDelay,
  classify,
  mergeStates,
  parseStoredQueue,
  pendingReports,
  ReportQueue,
  serializeQueue,
  type QueueDeps,
  type Report,
} from "../../components/reading/report-queue";

const keys = () => {
  let n = 0;
  return () => `key-000${++n}`;
};

describe("coalescing", () => {
  it("keeps only the furthest progress per assignment, with one key per figure", () => {
    const make = keys();
    let s = addProgress({}, "a1", 20, make);
    s = addProgress(s, "a1", 60, make);
    const at60 = s;
    s = addProgress(s, "a1", 40, make); // not further: nothing changes, the key stays
    expect(s).toBe(at60);
    s = addProgress(s, "a2", 10, make);
    expect(pendingReports(s)).toEqual([
      { kind: "progress", assignmentId: "a1", key: "key-0002", progress: 60 },
      { kind: "progress", assignmentId: "a2", key: "key-0003", progress: 10 },
    ]);
  });

  it("makes done sticky: a second 'done' reuses the first key", () => {
    const make = keys();
    let s = addDone({}, "a1", make);
    s = addDone(s, "a1", make);
    expect(pendingReports(s)).toEqual([{ kind: "done", assignmentId: "a1", key: "key-0001" }]);
  });

  it("keeps the latest reflection", () => {
    const make = keys();
    let s = addReflection({}, "a1", { rating: 2, body: "first", sharedWithTherapist: false }, make);
    s = addReflection(s, "a1", { rating: 4, body: "second", sharedWithTherapist: true }, make);
    expect(pendingReports(s)).toEqual([
      { kind: "reflection", assignmentId: "a1", key: "key-0002", reflection: { rating: 4, body: "second", sharedWithTherapist: true } },
    ]);
  });

  it("acknowledges only the same report: an answer for 40 % doesn't drop 80 % queued since", () => {
    const make = keys();
    let s = addProgress({}, "a1", 40, make);
    const sent = pendingReports(s)[0]!;
    s = addProgress(s, "a1", 80, make);
    s = addDone(s, "a1", make);
    s = acknowledge(s, sent);
    expect(pendingReports(s).map((r) => r.kind)).toEqual(["progress", "done"]);
    s = acknowledge(s, pendingReports(s)[0]!);
    s = acknowledge(s, pendingReports(s)[0]!);
    expect(s).toEqual({});
  });

  it("merges two tabs' queues keeping the furthest progress and any done", () => {
    const a = addProgress({}, "a1", 30, () => "key-aaaa");
    const b = addDone(addProgress({}, "a1", 70, () => "key-bbbb"), "a1", () => "key-cccc");
    expect(mergeStates(a, b)).toEqual({ a1: { progress: { value: 70, key: "key-bbbb" }, done: { key: "key-cccc" } } });
  });
});

describe("answers and backoff", () => {
  it("retries network errors, outages, rate limits and server errors; keeps on 401; drops other 4xx", () => {
    expect(classify(200)).toBe("ok");
    for (const status of ["network", 503, 500, 502, 429, 408] as const) expect(classify(status)).toBe("retry");
    expect(classify(401)).toBe("signin");
    for (const status of [400, 403, 404, 409, 413, 415]) expect(classify(status)).toBe("drop");
  });

  it("grows exponentially with jitter and stays bounded", () => {
    expect(backoffDelay(1, () => 0)).toBe(500);
    expect(backoffDelay(1, () => 1)).toBe(1000);
    expect(backoffDelay(3, () => 0)).toBe(2000);
    expect(backoffDelay(3, () => 1)).toBe(4000);
    for (const attempt of [7, 20, 1000]) {
      expect(backoffDelay(attempt, () => 1)).toBe(BACKOFF_MAX_MS);
      expect(backoffDelay(attempt, () => 0)).toBe(BACKOFF_MAX_MS / 2);
    }
  });
});

describe("persistence", () => {
  it("round-trips a queue", () => {
    let s = addProgress({}, "a1", 55, () => "key-0001");
    s = addDone(s, "a1", () => "key-0002");
    s = addReflection(s, "a2", { rating: null, body: "words", sharedWithTherapist: false }, () => "key-0003");
    expect(parseStoredQueue(serializeQueue(s))).toEqual(s);
  });

  it("drops anything malformed instead of sending it", () => {
    expect(parseStoredQueue(null)).toEqual({});
    expect(parseStoredQueue("not json")).toEqual({});
    expect(parseStoredQueue('{"v":2,"entries":{}}')).toEqual({});
    const raw = JSON.stringify({
      v: 1,
      entries: {
        good: { progress: { value: 30, key: "key-0001" } },
        over: { progress: { value: 300, key: "key-0002" } },
        badKey: { done: { key: "has spaces and ; semicolons" } },
        ["x".repeat(200)]: { done: { key: "key-0003" } },
        empty: {},
      },
    });
    expect(parseStoredQueue(raw)).toEqual({ good: { progress: { value: 30, key: "key-0001" } } });
  });
});

/** A queue engine with a scripted server, in-memory storage and manual timers. */
function harness(answers: (report: Report) => number | "network") {
  const sent: Report[] = [];
  const store = new Map<string, string>();
  const timers: { callback: () => void; ms: number }[] = [];
  const make = keys();
  const deps: QueueDeps = {
    send: async (report) => {
      sent.push(report);
      return answers(report);
    },
    load: () => store.get("q") ?? null,
    save: (v) => (v === null ? store.delete("q") : store.set("q", v)),
    makeKey: make,
    setTimer: (callback, ms) => {
      const t = { callback, ms };
      timers.push(t);
      return t;
    },
    clearTimer: (t) => timers.splice(timers.indexOf(t as (typeof timers)[number]), 1),
    random: () => 1,
  };
  return { deps, sent, store, timers, fire: async (queue: ReportQueue) => {
    const t = timers.shift()!;
    t.callback();
    await queue.flush();
  } };
}

describe("ReportQueue", () => {
  it("keeps reports through an outage, backs off, and sends the furthest progress and done with their keys", async () => {
    let up = false;
    const h = harness(() => (up ? 200 : 503));
    const queue = new ReportQueue(h.deps);
    queue.progress("a1", 30);
    queue.progress("a1", 100);
    queue.done("a1");
    await queue.flush();
    expect(queue.getStatus()).toBe("waiting");
    expect(h.store.get("q")).toContain('"value":100');
    expect(h.timers.map((t) => t.ms)).toEqual([1000]);

    await h.fire(queue);
    expect(h.timers.map((t) => t.ms)).toEqual([2000]);
    // A flush between retries (the 5 s interval) waits for the backoff; a forced one doesn't.
    await queue.flush();
    expect(h.sent).toHaveLength(2);

    up = true;
    await h.fire(queue);
    expect(queue.getStatus()).toBe("saved");
    expect(h.store.has("q")).toBe(false);
    const last = h.sent.slice(-2);
    expect(last).toEqual([
      { kind: "progress", assignmentId: "a1", key: "key-0002", progress: 100 },
      { kind: "done", assignmentId: "a1", key: "key-0003" },
    ]);
    // Every attempt at 100 % used the same key, so the server records it once.
    expect(new Set(h.sent.filter((r) => r.kind === "progress").map((r) => r.key))).toEqual(new Set(["key-0002"]));
  });

  it("a reloaded page picks up what was stored and sends it", async () => {
    const h = harness(() => "network");
    const first = new ReportQueue(h.deps);
    first.done("a9");
    await first.flush();
    h.deps.send = async (report) => {
      h.sent.push(report);
      return 200;
    };
    const second = new ReportQueue(h.deps);
    expect(second.getStatus()).toBe("waiting");
    await second.flush({ force: true });
    expect(h.sent.at(-1)).toEqual({ kind: "done", assignmentId: "a9", key: "key-0001" });
    expect(second.getStatus()).toBe("saved");
  });

  it("keeps everything and says so when the session ended (401), without retry timers", async () => {
    const h = harness(() => 401);
    const queue = new ReportQueue(h.deps);
    queue.progress("a1", 100);
    await queue.flush();
    expect(queue.getStatus()).toBe("signin");
    expect(h.timers).toHaveLength(0);
    expect(pendingReports(queue.getState())).toHaveLength(1);
    expect(h.store.get("q")).toContain('"value":100');
  });

  it("drops a report the server refuses for good and goes on with the rest", async () => {
    const h = harness((report) => (report.assignmentId === "gone" ? 404 : 200));
    const dropped: string[] = [];
    h.deps.onDropped = (report) => dropped.push(report.assignmentId);
    const queue = new ReportQueue(h.deps);
    queue.done("gone");
    queue.progress("a1", 50);
    await queue.flush();
    expect(dropped).toEqual(["gone"]);
    expect(queue.getState()).toEqual({});
    expect(queue.getStatus()).toBe("saved");
  });

  it("clear() forgets the device's copy", async () => {
    const h = harness(() => 503);
    const queue = new ReportQueue(h.deps);
    queue.progress("a1", 10);
    await queue.flush();
    queue.clear();
    expect(h.store.size).toBe(0);
    expect(h.timers).toHaveLength(0);
    expect(queue.getState()).toEqual({});
  });
});
