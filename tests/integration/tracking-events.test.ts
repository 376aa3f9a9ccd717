import { describe, expect, it } from "vitest";
import { getDb } from "../../server/db";
import { markComplete, openIdempotencyKey, OPEN_WINDOW_MS, recordOpen, reportProgress } from "../../server/services/tracking/events";
import { assignedReading, assignmentRow, uuid } from "../support/assign-fixtures";
import { callerFor } from "../support/factories";

const events = (assignmentId: string) => getDb().readingEvent.findMany({ where: { assignmentId }, orderBy: { at: "asc" } });

describe("opens", () => {
  it("records the first render as OPENED with the summary in step", async () => {
    const { client, assignmentId } = await assignedReading();
    const at = new Date("2026-03-02T10:00:00Z");
    const result = await recordOpen(getDb(), { assignmentId, clientId: client.id, at });
    expect(result.recorded).toBe(true);
    const row = await assignmentRow(assignmentId);
    expect(row).toMatchObject({ openCount: 1, firstOpenedAt: at, lastOpenedAt: at, lastActivityAt: at });
    const list = await events(assignmentId);
    expect(list.map((e) => [e.type, e.idempotencyKey])).toEqual([["OPENED", openIdempotencyKey(assignmentId, at)]]);
  });

  it("counts renders within 30 minutes as one open and later ones as re-opens", async () => {
    const { client, assignmentId } = await assignedReading();
    const t0 = new Date("2026-03-02T10:20:00Z");
    await recordOpen(getDb(), { assignmentId, clientId: client.id, at: t0 });
    // Crosses a 30-minute bucket boundary but stays inside the window: still the same open.
    const within = await recordOpen(getDb(), { assignmentId, clientId: client.id, at: new Date(t0.getTime() + OPEN_WINDOW_MS - 1000) });
    expect(within.recorded).toBe(false);
    expect((await assignmentRow(assignmentId)).openCount).toBe(1);

    const later = new Date(t0.getTime() + OPEN_WINDOW_MS);
    const reopened = await recordOpen(getDb(), { assignmentId, clientId: client.id, at: later });
    expect(reopened.recorded).toBe(true);
    const row = await assignmentRow(assignmentId);
    expect(row).toMatchObject({ openCount: 2, firstOpenedAt: t0, lastOpenedAt: later });
    expect((await events(assignmentId)).map((e) => e.type)).toEqual(["OPENED", "REOPENED"]);
  });

  it("records nothing when the open's key is already taken, summary included (one transaction)", async () => {
    const { client, assignmentId } = await assignedReading();
    const at = new Date("2026-03-02T11:00:00Z");
    await getDb().readingEvent.create({ data: { assignmentId, type: "OPENED", at, idempotencyKey: openIdempotencyKey(assignmentId, at) } });
    const result = await recordOpen(getDb(), { assignmentId, clientId: client.id, at });
    expect(result.recorded).toBe(false);
    expect(await assignmentRow(assignmentId)).toMatchObject({ openCount: 0, firstOpenedAt: null });
    expect(await events(assignmentId)).toHaveLength(1);
  });
});

describe("progress", () => {
  it("records the same idempotency key once", async () => {
    const { client, assignmentId } = await assignedReading();
    const key = uuid();
    const at = new Date("2026-03-04T05:06:07.089Z");
    const first = await reportProgress(getDb(), { assignmentId, clientId: client.id, progress: 40, key, at });
    const retry = await reportProgress(getDb(), { assignmentId, clientId: client.id, progress: 40, key });
    expect(first.recorded).toBe(true);
    expect(await getDb().assignment.findUniqueOrThrow({ where: { id: assignmentId }, select: { progress: true, lastActivityAt: true } })).toEqual({
      progress: 40,
      lastActivityAt: at,
    });
    expect(retry.recorded).toBe(false);
    expect(retry.summary.progress).toBe(40);
    const list = await events(assignmentId);
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ type: "PROGRESS", progress: 40, idempotencyKey: key });
  });

  it("a retried key records nothing even with a different value", async () => {
    const { client, assignmentId } = await assignedReading();
    const key = uuid();
    await reportProgress(getDb(), { assignmentId, clientId: client.id, progress: 20, key });
    await reportProgress(getDb(), { assignmentId, clientId: client.id, progress: 90, key });
    expect((await assignmentRow(assignmentId)).progress).toBe(20);
    expect(await events(assignmentId)).toHaveLength(1);
  });

  it("never goes down", async () => {
    const { client, assignmentId } = await assignedReading();
    await reportProgress(getDb(), { assignmentId, clientId: client.id, progress: 70, key: uuid() });
    const lower = await reportProgress(getDb(), { assignmentId, clientId: client.id, progress: 30, key: uuid() });
    expect(lower.recorded).toBe(false);
    expect(lower.summary.progress).toBe(70);
    expect((await assignmentRow(assignmentId)).progress).toBe(70);
    expect(await events(assignmentId)).toHaveLength(1);
  });

  it("reaches the client through the reading router too", async () => {
    const { client, assignmentId } = await assignedReading();
    const summary = await callerFor(client).reading.progress({ id: assignmentId, progress: 55, key: uuid() });
    expect(summary.progress).toBe(55);
  });
});

describe("completion", () => {
  it("marks done once; a second report records nothing", async () => {
    const { client, assignmentId } = await assignedReading();
    const first = await callerFor(client).reading.complete({ id: assignmentId, key: uuid() });
    expect(first.completedAt).toBeInstanceOf(Date);
    const again = await markComplete(getDb(), { assignmentId, clientId: client.id, key: uuid() });
    expect(again.recorded).toBe(false);
    expect(again.summary.completedAt).toEqual(first.completedAt);
    expect((await events(assignmentId)).map((e) => e.type)).toEqual(["COMPLETED"]);
  });
});

describe("reflections", () => {
  it("are private by default and visible to the therapist only once shared", async () => {
    const { therapist, client, assignmentId } = await assignedReading();
    const saved = await callerFor(client).reading.reflect({ id: assignmentId, rating: 4, body: "It helped to read this." });
    expect(saved.sharedWithTherapist).toBe(false);
    let detail = await callerFor(therapist).client.byId({ id: client.id });
    expect(detail.assignments[0]!.tracking.sharedReflection).toBeNull();
    expect(JSON.stringify(detail)).not.toContain("It helped to read this.");
    const panel = await callerFor(client).reading.therapistView({ id: assignmentId });
    expect(panel.tracking.sharedReflection).toBeNull();

    await callerFor(client).reading.reflect({ id: assignmentId, rating: 4, body: "It helped to read this.", sharedWithTherapist: true });
    detail = await callerFor(therapist).client.byId({ id: client.id });
    expect(detail.assignments[0]!.tracking.sharedReflection).toMatchObject({ rating: 4, body: "It helped to read this." });
    // The client's "what my therapist sees" panel shows exactly the therapist's view.
    const shared = await callerFor(client).reading.therapistView({ id: assignmentId });
    expect(shared.tracking).toEqual(detail.assignments[0]!.tracking);
  });

  it("rejects a reflection over 5000 characters and a rating outside 1-5", async () => {
    const { client, assignmentId } = await assignedReading();
    await expect(callerFor(client).reading.reflect({ id: assignmentId, body: "x".repeat(5001) })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(callerFor(client).reading.reflect({ id: assignmentId, rating: 6 })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect(await getDb().reflection.count({ where: { assignmentId } })).toBe(0);
  });
});
