// The therapist home's "shared since your last visit" list reads its candidates from a trigger-kept
// side table (haven_shared_reflection, issue 10). It must follow sharing exactly — share, un-share,
// share again, withdrawal, ended care, another therapist — and never show a private reflection.
import { describe, expect, it } from "vitest";
import { getDb } from "../../server/db";
import { createResource } from "../support/assign-fixtures";
import { callerFor, createClientOf, createTherapist } from "../support/factories";

async function practice() {
  const therapist = await createTherapist();
  const ana = await createClientOf(therapist, { name: "Ana Quill" });
  const ben = await createClientOf(therapist, { name: "Ben Stone" });
  const caller = callerFor(therapist);
  const assign = async (clientId: string, title: string) =>
    (await caller.assignment.create({ resourceId: (await createResource({ title })).id, clientIds: [clientId] }))[0]!.assignmentId!;
  return { therapist, ana, ben, caller, assign };
}

const since = () => new Date(Date.now() - 60_000);

describe("therapist home: reflections shared since the last visit", () => {
  it("follows sharing, un-sharing and sharing again, newest first", async () => {
    const { ana, ben, caller, assign } = await practice();
    const a1 = await assign(ana.id, "One");
    const a2 = await assign(ana.id, "Two");
    const b1 = await assign(ben.id, "Three");
    await callerFor(ana).reading.reflect({ id: a1, rating: 4, body: "First shared.", sharedWithTherapist: true });
    await callerFor(ana).reading.reflect({ id: a2, rating: 3, body: "Kept private.", sharedWithTherapist: false });
    await callerFor(ben).reading.reflect({ id: b1, rating: 5, body: "Second shared.", sharedWithTherapist: true });
    const from = since();
    expect((await caller.dashboard.therapist({ since: from })).reflections.map((r) => r.body)).toEqual(["Second shared.", "First shared."]);

    // Un-shared: gone from the list (and from the side table).
    await callerFor(ben).reading.reflect({ id: b1, rating: 5, body: "Second, now private.", sharedWithTherapist: false });
    expect((await caller.dashboard.therapist({ since: from })).reflections.map((r) => r.body)).toEqual(["First shared."]);
    expect(await getDb().$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM "haven_shared_reflection" WHERE "assignmentId" = ${b1}`).toEqual([{ n: 0 }]);

    // Shared again: back, with its new words, on top.
    await callerFor(ben).reading.reflect({ id: b1, rating: 5, body: "Second, shared again.", sharedWithTherapist: true });
    expect((await caller.dashboard.therapist({ since: from })).reflections.map((r) => r.body)).toEqual(["Second, shared again.", "First shared."]);
    expect((await caller.dashboard.therapist({ since: new Date(Date.now() + 1000) })).reflections).toEqual([]);
  });

  it("drops withdrawn readings, ended care and other therapists' clients", async () => {
    const { ana, ben, caller, assign } = await practice();
    const a1 = await assign(ana.id, "One");
    const b1 = await assign(ben.id, "Two");
    await callerFor(ana).reading.reflect({ id: a1, rating: 4, body: "From Ana.", sharedWithTherapist: true });
    await callerFor(ben).reading.reflect({ id: b1, rating: 4, body: "From Ben.", sharedWithTherapist: true });
    const other = await createTherapist();
    const cara = await createClientOf(other);
    const c1 = (await callerFor(other).assignment.create({ resourceId: (await createResource({ title: "Three" })).id, clientIds: [cara.id] }))[0]!.assignmentId!;
    await callerFor(cara).reading.reflect({ id: c1, rating: 2, body: "From Cara.", sharedWithTherapist: true });
    const from = since();
    expect((await caller.dashboard.therapist({ since: from })).reflections.map((r) => r.body).sort()).toEqual(["From Ana.", "From Ben."]);
    expect((await callerFor(other).dashboard.therapist({ since: from })).reflections.map((r) => r.body)).toEqual(["From Cara."]);

    await caller.assignment.withdraw({ id: a1 });
    expect((await caller.dashboard.therapist({ since: from })).reflections.map((r) => r.body)).toEqual(["From Ben."]);
    await caller.client.endCare({ id: ben.id });
    expect((await caller.dashboard.therapist({ since: from })).reflections).toEqual([]);
  });

  it("keeps the 20 newest when many were shared", async () => {
    const { ana, caller, assign } = await practice();
    const base = Date.now() - 30_000;
    for (let i = 0; i < 23; i++) {
      const id = await assign(ana.id, `Piece ${i}`);
      await callerFor(ana).reading.reflect({ id, rating: 3, body: `Reflection ${i}.`, sharedWithTherapist: true });
      // Distinct sharing times (the trigger follows an update of sharedAt too).
      await getDb().reflection.update({ where: { assignmentId: id }, data: { sharedAt: new Date(base + i * 1000) } });
    }
    const bodies = (await caller.dashboard.therapist({ since: since() })).reflections.map((r) => r.body);
    expect(bodies).toEqual(Array.from({ length: 20 }, (_, i) => `Reflection ${22 - i}.`));
  });
});
