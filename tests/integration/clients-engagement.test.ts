import { describe, expect, it } from "vitest";
import { getDb } from "../../server/db";
import { markComplete, recordOpen, reportProgress } from "../../server/services/tracking/events";
import { createResource, uuid } from "../support/assign-fixtures";
import { callerFor, createClientOf, createTherapist } from "../support/factories";

const DAY = 24 * 60 * 60 * 1000;

async function practice() {
  const therapist = await createTherapist();
  const ana = await createClientOf(therapist, { name: "Ana Quill" });
  const ben = await createClientOf(therapist, { name: "Ben Stone" });
  const [r1, r2, r3] = [await createResource({ title: "One" }), await createResource({ title: "Two" }), await createResource({ title: "Three" })];
  const caller = callerFor(therapist);
  const ids = async (resourceId: string, clientId: string) => (await caller.assignment.create({ resourceId, clientIds: [clientId] }))[0]!.assignmentId!;
  const a1 = await ids(r1.id, ana.id);
  const a2 = await ids(r2.id, ana.id);
  const a3 = await ids(r3.id, ana.id);
  const b1 = await ids(r1.id, ben.id);
  return { therapist, ana, ben, r1, a1, a2, a3, b1, caller };
}

describe("client list", () => {
  it("summarises assigned, opened, finished and last activity per client, and audits the view", async () => {
    const { therapist, ana, ben, a1, a2, caller } = await practice();
    const at = new Date();
    await recordOpen(getDb(), { assignmentId: a1, clientId: ana.id, at });
    await recordOpen(getDb(), { assignmentId: a2, clientId: ana.id, at });
    await markComplete(getDb(), { assignmentId: a2, clientId: ana.id, key: uuid(), at });
    const list = await caller.client.list();
    expect(list.map((c) => [c.name, c.assigned, c.opened, c.finished])).toEqual([
      ["Ana Quill", 3, 2, 1],
      ["Ben Stone", 1, 0, 0],
    ]);
    expect(list[0]!.lastActivityAt).toEqual(at);
    expect(list[1]!.lastActivityAt).toBeNull();
    expect((await caller.client.list({ q: "stone" })).map((c) => c.id)).toEqual([ben.id]);
    expect((await caller.client.list({ q: ana.email.slice(0, 12).toUpperCase() })).map((c) => c.id)).toEqual([ana.id]);
    expect(await getDb().auditEvent.count({ where: { actorId: therapist.id, action: "client_data.viewed", targetType: "ClientList" } })).toBe(3);
  });
});

describe("one client's page", () => {
  it("shows status, tracking and a timeline, and audits each view", async () => {
    const { therapist, ana, a1, a2, a3, caller } = await practice();
    const t0 = new Date(Date.now() - 2 * 60 * 60 * 1000);
    await recordOpen(getDb(), { assignmentId: a1, clientId: ana.id, at: t0 });
    await reportProgress(getDb(), { assignmentId: a1, clientId: ana.id, progress: 45, key: uuid() });
    await recordOpen(getDb(), { assignmentId: a2, clientId: ana.id, at: t0 });
    await reportProgress(getDb(), { assignmentId: a2, clientId: ana.id, progress: 100, key: uuid() });
    await markComplete(getDb(), { assignmentId: a2, clientId: ana.id, key: uuid() });
    await callerFor(ana).reading.reflect({ id: a2, rating: 3, body: "Landed gently.", sharedWithTherapist: true });

    const detail = await caller.client.byId({ id: ana.id });
    const byId = new Map(detail.assignments.map((a) => [a.id, a]));
    expect(byId.get(a1)!.tracking).toMatchObject({ status: "OPENED", openCount: 1, progress: 45, firstOpenedAt: t0, completedAt: null });
    expect(byId.get(a2)!.tracking).toMatchObject({ status: "DONE", progress: 100, sharedReflection: { rating: 3, body: "Landed gently." } });
    expect(byId.get(a3)!).toMatchObject({ canRemind: true, tracking: { status: "NOT_OPENED", openCount: 0 } });
    expect(byId.get(a1)!.canRemind).toBe(false);
    const types = detail.timeline.map((e) => e.type);
    expect(types.filter((t) => t === "ASSIGNED")).toHaveLength(3);
    expect(types).toEqual(expect.arrayContaining(["OPENED", "PROGRESS", "COMPLETED", "REFLECTION_SHARED"]));
    expect(detail.timeline.map((e) => e.at.getTime())).toEqual([...detail.timeline.map((e) => e.at.getTime())].sort((x, y) => y - x));

    await caller.assignment.withdraw({ id: a3 });
    const after = await caller.client.byId({ id: ana.id });
    expect(after.assignments.map((a) => a.id)).not.toContain(a3);
    expect(after.withdrawn.map((w) => w.id)).toEqual([a3]);
    const audits = await getDb().auditEvent.findMany({ where: { actorId: therapist.id, action: "client_data.viewed", targetId: ana.id } });
    expect(audits).toHaveLength(2);
    expect(audits[0]!.detail).toMatchObject({ view: "client_detail" });
  });
});

describe("therapist home", () => {
  it("lists unopened after 7 days, finished and shared since my last visit, and weekly counts", async () => {
    const { therapist, ana, ben, a1, a2, b1, caller } = await practice();
    await getDb().assignment.update({ where: { id: b1 }, data: { assignedAt: new Date(Date.now() - 8 * DAY) } });
    const first = await caller.dashboard.visitHome();
    expect(first.previousVisitAt).toBeNull();
    const since = (await caller.dashboard.visitHome()).previousVisitAt;
    expect(since).toBeInstanceOf(Date);

    await recordOpen(getDb(), { assignmentId: a1, clientId: ana.id });
    await markComplete(getDb(), { assignmentId: a1, clientId: ana.id, key: uuid() });
    await callerFor(ana).reading.reflect({ id: a1, rating: 4, body: "Helpful.", sharedWithTherapist: true });
    await callerFor(ana).reading.reflect({ id: a2, rating: 2, body: "Private.", sharedWithTherapist: false });

    const dashboard = await caller.dashboard.therapist({ since });
    expect(dashboard.notOpened.map((n) => [n.clientId, n.assignmentId])).toEqual([[ben.id, b1]]);
    expect(dashboard.finished.map((f) => f.assignmentId)).toEqual([a1]);
    expect(dashboard.reflections.map((r) => [r.assignmentId, r.body])).toEqual([[a1, "Helpful."]]);
    expect(dashboard.weekly).toHaveLength(8);
    expect(dashboard.weekly.at(-1)).toMatchObject({ opens: 1, completions: 1 });
    expect(dashboard.weekly.slice(0, -1).every((w) => w.opens === 0 && w.completions === 0)).toBe(true);
    expect(await getDb().auditEvent.count({ where: { actorId: therapist.id, action: "client_data.viewed" } })).toBe(1);

    const later = await caller.dashboard.therapist({ since: new Date() });
    expect(later.finished).toEqual([]);
    expect(later.reflections).toEqual([]);
  });

  it("shows per-resource engagement among my clients, averaging shared ratings only", async () => {
    const { ana, ben, a1, b1, r1, caller } = await practice();
    await recordOpen(getDb(), { assignmentId: a1, clientId: ana.id });
    await markComplete(getDb(), { assignmentId: a1, clientId: ana.id, key: uuid() });
    await callerFor(ana).reading.reflect({ id: a1, rating: 5, sharedWithTherapist: true });
    await callerFor(ben).reading.reflect({ id: b1, rating: 1, sharedWithTherapist: false });
    expect(await caller.assignment.engagement({ resourceId: r1.id })).toEqual({ assigned: 2, opened: 1, finished: 1, averageRating: 5, ratingCount: 1 });
    const options = await caller.assignment.clientOptions({ resourceId: r1.id });
    expect(options.map((o) => o.alreadyAssigned)).toEqual([true, true]);
  });
});
