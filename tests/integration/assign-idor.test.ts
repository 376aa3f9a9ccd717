import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "../../server/db";
import { exportAssignmentsCsv } from "../../server/services/assignments/export";
import { recordOpen } from "../../server/services/tracking/events";
import { createResource, uuid } from "../support/assign-fixtures";
import { callerFor, createClientOf, createTherapist, type TestUser } from "../support/factories";

// Who may see what: every refusal is NOT_FOUND, exactly like a row that does not exist.

const actor = (user: TestUser) => ({ actorId: user.id, actorRole: user.role, requestId: "test", ip: null });
const notFound = { code: "NOT_FOUND" };

let therapistA: TestUser, therapistB: TestUser, clientA: TestUser, clientB: TestUser;
let assignmentA: string, resourceId: string, invitationA: string;

beforeAll(async () => {
  therapistA = await createTherapist();
  therapistB = await createTherapist();
  clientA = await createClientOf(therapistA);
  clientB = await createClientOf(therapistB);
  resourceId = (await createResource()).id;
  const [result] = await callerFor(therapistA).assignment.create({ resourceId, clientIds: [clientA.id] });
  assignmentA = result!.assignmentId!;
  await callerFor(clientA).reading.reflect({ id: assignmentA, rating: 5, body: "Private words, shared with A only.", sharedWithTherapist: true });
  invitationA = (await callerFor(therapistA).client.invite({ name: "Pending Person", email: `pending-${uuid()}@example.test` })).invitationId;
});

describe("therapist B and therapist A's client", () => {
  it("cannot read A's client, their readings, timeline or reflections", async () => {
    const b = callerFor(therapistB);
    await expect(b.client.byId({ id: clientA.id })).rejects.toMatchObject(notFound);
    await expect(b.client.header({ id: clientA.id })).rejects.toMatchObject(notFound);
    const missing = await b.client.byId({ id: "cm0000000000000000000000" }).catch((e: { message: string }) => e.message);
    const hidden = await b.client.byId({ id: clientA.id }).catch((e: { message: string }) => e.message);
    expect(hidden).toBe(missing);
    expect((await b.client.list()).map((c) => c.id)).not.toContain(clientA.id);
    const dashboard = await b.dashboard.therapist({ since: null });
    expect(JSON.stringify(dashboard)).not.toContain("Private words");
    expect(await b.assignment.engagement({ resourceId })).toMatchObject({ assigned: 0, opened: 0, finished: 0, averageRating: null });
    expect((await b.assignment.clientOptions()).map((c) => c.id)).not.toContain(clientA.id);
  });

  it("cannot assign to, withdraw, remind, end care for or export A's client", async () => {
    const b = callerFor(therapistB);
    await expect(b.assignment.create({ resourceId, clientIds: [clientA.id] })).rejects.toMatchObject(notFound);
    await expect(b.assignment.create({ resourceId, clientIds: [clientB.id, clientA.id] })).rejects.toMatchObject(notFound);
    await expect(b.assignment.withdraw({ id: assignmentA })).rejects.toMatchObject(notFound);
    await expect(b.assignment.remind({ id: assignmentA })).rejects.toMatchObject(notFound);
    await expect(b.client.endCare({ id: clientA.id })).rejects.toMatchObject(notFound);
    await expect(exportAssignmentsCsv(getDb(), actor(therapistB), therapistB.id, clientA.id)).rejects.toMatchObject(notFound);
    const all = await exportAssignmentsCsv(getDb(), actor(therapistB), therapistB.id, null);
    expect(all.csv).not.toContain(clientA.email);
    expect(await getDb().assignment.count({ where: { clientId: clientA.id } })).toBe(1);
    expect((await getDb().assignment.findUniqueOrThrow({ where: { id: assignmentA } })).active).toBe(true);
  });

  it("cannot resend or withdraw A's invitations", async () => {
    const b = callerFor(therapistB);
    await expect(b.client.resendInvite({ id: invitationA })).rejects.toMatchObject(notFound);
    await expect(b.client.revokeInvite({ id: invitationA })).rejects.toMatchObject(notFound);
    expect((await b.client.invitations()).map((i) => i.id)).not.toContain(invitationA);
    expect(await getDb().invitation.findUniqueOrThrow({ where: { id: invitationA } })).toMatchObject({ revokedAt: null });
  });
});

describe("client B and client A's reading", () => {
  it("cannot see, open, report on, finish or reflect on it", async () => {
    const b = callerFor(clientB);
    await expect(b.reading.byId({ id: assignmentA })).rejects.toMatchObject(notFound);
    await expect(b.reading.therapistView({ id: assignmentA })).rejects.toMatchObject(notFound);
    await expect(b.reading.progress({ id: assignmentA, progress: 50, key: uuid() })).rejects.toMatchObject(notFound);
    await expect(b.reading.complete({ id: assignmentA, key: uuid() })).rejects.toMatchObject(notFound);
    await expect(b.reading.reflect({ id: assignmentA, body: "hi", sharedWithTherapist: true })).rejects.toMatchObject(notFound);
    await expect(recordOpen(getDb(), { assignmentId: assignmentA, clientId: clientB.id })).rejects.toMatchObject(notFound);
    expect(await b.reading.list()).toEqual([]);
    const row = await getDb().assignment.findUniqueOrThrow({ where: { id: assignmentA }, include: { reflection: true } });
    expect(row).toMatchObject({ openCount: 0, progress: 0, completedAt: null });
    expect(row.reflection?.body).toBe("Private words, shared with A only.");
    expect(await getDb().readingEvent.count({ where: { assignmentId: assignmentA } })).toBe(0);
  });

  it("is refused by role for therapist-only procedures, and therapists are refused the client's", async () => {
    await expect(callerFor(clientA).client.byId({ id: clientA.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(callerFor(therapistA).reading.byId({ id: assignmentA })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(callerFor(therapistA).reading.progress({ id: assignmentA, progress: 10, key: uuid() })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});

describe("withdrawn assignments", () => {
  it("vanish for the client and refuse every report", async () => {
    const therapist = await createTherapist();
    const client = await createClientOf(therapist);
    const [result] = await callerFor(therapist).assignment.create({ resourceId, clientIds: [client.id] });
    const id = result!.assignmentId!;
    await callerFor(therapist).assignment.withdraw({ id });
    const c = callerFor(client);
    await expect(c.reading.byId({ id })).rejects.toMatchObject(notFound);
    await expect(c.reading.progress({ id, progress: 30, key: uuid() })).rejects.toMatchObject(notFound);
    await expect(c.reading.complete({ id, key: uuid() })).rejects.toMatchObject(notFound);
    await expect(c.reading.reflect({ id, rating: 3 })).rejects.toMatchObject(notFound);
    await expect(recordOpen(getDb(), { assignmentId: id, clientId: client.id })).rejects.toMatchObject(notFound);
    await expect(callerFor(therapist).assignment.remind({ id })).rejects.toMatchObject(notFound);
    expect(await getDb().assignment.findUniqueOrThrow({ where: { id } })).toMatchObject({ openCount: 0, progress: 0, completedAt: null });
    expect(await getDb().reflection.count({ where: { assignmentId: id } })).toBe(0);
  });
});

describe("ended care", () => {
  it("cuts the therapist off at once, keeps history, and stops tracking; the client keeps their view", async () => {
    const therapist = await createTherapist();
    const client = await createClientOf(therapist);
    const [result] = await callerFor(therapist).assignment.create({ resourceId, clientIds: [client.id] });
    const id = result!.assignmentId!;
    await callerFor(client).reading.progress({ id, progress: 30, key: uuid() });

    await callerFor(therapist).client.endCare({ id: client.id });
    const t = callerFor(therapist);
    await expect(t.client.byId({ id: client.id })).rejects.toMatchObject(notFound);
    await expect(t.assignment.withdraw({ id })).rejects.toMatchObject(notFound);
    await expect(t.assignment.create({ resourceId, clientIds: [client.id] })).rejects.toMatchObject(notFound);
    await expect(t.client.endCare({ id: client.id })).rejects.toMatchObject(notFound);
    await expect(exportAssignmentsCsv(getDb(), actor(therapist), therapist.id, client.id)).rejects.toMatchObject(notFound);
    expect(await t.client.list()).toEqual([]);
    expect((await exportAssignmentsCsv(getDb(), actor(therapist), therapist.id, null)).rows).toBe(0);
    expect(await getDb().auditEvent.count({ where: { action: "care.ended", targetId: client.id } })).toBe(1);

    const c = callerFor(client);
    const [reading] = await c.reading.list();
    expect(reading).toMatchObject({ id, careActive: false, progress: 30 });
    expect((await c.reading.byId({ id })).careActive).toBe(false);
    await expect(c.reading.progress({ id, progress: 80, key: uuid() })).rejects.toMatchObject(notFound);
    await expect(c.reading.complete({ id, key: uuid() })).rejects.toMatchObject(notFound);
    await expect(recordOpen(getDb(), { assignmentId: id, clientId: client.id })).rejects.toMatchObject(notFound);
    expect(await getDb().assignment.findUniqueOrThrow({ where: { id } })).toMatchObject({ progress: 30, openCount: 0, completedAt: null });
  });
});
