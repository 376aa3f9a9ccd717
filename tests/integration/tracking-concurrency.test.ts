import { describe, expect, it } from "vitest";
import { getDb } from "../../server/db";
import { markComplete, OPEN_WINDOW_MS, recordOpen, reportProgress } from "../../server/services/tracking/events";
import { assignedReading, assignmentRow, uuid } from "../support/assign-fixtures";

describe("tracking under concurrency", () => {
  it("counts ten parallel renders in one window as exactly one open, then one re-open", async () => {
    const { client, assignmentId } = await assignedReading();
    const t0 = new Date("2026-04-01T09:05:00Z");
    const first = await Promise.all(Array.from({ length: 10 }, () => recordOpen(getDb(), { assignmentId, clientId: client.id, at: t0 })));
    expect(first.filter((r) => r.recorded)).toHaveLength(1);
    expect((await assignmentRow(assignmentId)).openCount).toBe(1);

    const t1 = new Date(t0.getTime() + OPEN_WINDOW_MS + 60_000);
    // Slightly different instants, as real renders would be, still one window.
    await Promise.all(Array.from({ length: 10 }, (_, i) => recordOpen(getDb(), { assignmentId, clientId: client.id, at: new Date(t1.getTime() + i * 1000) })));
    const row = await assignmentRow(assignmentId);
    expect(row.openCount).toBe(2);
    expect(row.firstOpenedAt).toEqual(t0);
    const types = (await getDb().readingEvent.findMany({ where: { assignmentId }, orderBy: { at: "asc" } })).map((e) => e.type);
    expect(types).toEqual(["OPENED", "REOPENED"]);
  });

  it("keeps the furthest progress whatever order parallel reports land in", async () => {
    const { client, assignmentId } = await assignedReading();
    const values = [10, 80, 35, 60, 95, 20, 50, 90, 5, 70];
    const results = await Promise.all(values.map((progress) => reportProgress(getDb(), { assignmentId, clientId: client.id, progress, key: uuid() })));
    const row = await assignmentRow(assignmentId);
    expect(row.progress).toBe(95);
    // Only reports further than the summary at that moment are recorded, so no value repeats.
    const recorded = (await getDb().readingEvent.findMany({ where: { assignmentId } })).map((e) => e.progress!);
    expect(recorded.length).toBe(results.filter((r) => r.recorded).length);
    expect(new Set(recorded).size).toBe(recorded.length);
    expect(Math.max(...recorded)).toBe(95);
  });

  it("records one event when the same report is retried ten times at once", async () => {
    const { client, assignmentId } = await assignedReading();
    const key = uuid();
    await Promise.all(Array.from({ length: 10 }, () => reportProgress(getDb(), { assignmentId, clientId: client.id, progress: 42, key })));
    await Promise.all(Array.from({ length: 10 }, () => markComplete(getDb(), { assignmentId, clientId: client.id, key: "complete-key-1" })));
    const events = await getDb().readingEvent.findMany({ where: { assignmentId } });
    expect(events.map((e) => e.type).sort()).toEqual(["COMPLETED", "PROGRESS"]);
    expect(await assignmentRow(assignmentId)).toMatchObject({ progress: 42 });
  });

  it("keeps the embedded database consistent when transactions run beside plain queries", async () => {
    // pglite-socket could split one query's protocol messages around another connection's
    // transaction ("portal does not exist"); server/db/pglite-queue.ts keeps them together.
    const { client, assignmentId } = await assignedReading();
    const work = Array.from({ length: 60 }, (_, i) =>
      i % 2 === 0
        ? reportProgress(getDb(), { assignmentId, clientId: client.id, progress: i, key: uuid() })
        : getDb().assignment.findFirst({ where: { id: assignmentId }, select: { progress: true } }),
    );
    const settled = await Promise.allSettled(work);
    expect(settled.filter((s) => s.status === "rejected")).toEqual([]);
    expect((await assignmentRow(assignmentId)).progress).toBe(58);
  });
});
