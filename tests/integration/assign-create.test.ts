import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { getDb } from "../../server/db";
import { createCollection, createResource } from "../support/assign-fixtures";
import { callerFor, createClientOf, createTherapist } from "../support/factories";

describe("assigning", () => {
  it("assigns one resource to several of my clients with a note and a due date, audited", async () => {
    const therapist = await createTherapist();
    const [a, b] = [await createClientOf(therapist), await createClientOf(therapist)];
    const resource = await createResource();
    const results = await callerFor(therapist).assignment.create({
      resourceId: resource.id,
      clientIds: [a.id, b.id],
      note: "  Read this when you have a quiet moment.  ",
      dueDate: "2030-05-17",
    });
    expect(results.map((r) => [r.clientId, r.outcome])).toEqual([
      [a.id, "assigned"],
      [b.id, "assigned"],
    ]);
    const rows = await getDb().assignment.findMany({ where: { resourceId: resource.id }, orderBy: { clientId: "asc" } });
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({ therapistId: therapist.id, note: "Read this when you have a quiet moment.", active: true });
    expect(rows[0]!.dueAt?.toISOString()).toBe("2030-05-17T12:00:00.000Z");
    const audits = await getDb().auditEvent.findMany({ where: { action: "assignment.created", actorId: therapist.id } });
    expect(audits.map((e) => e.targetId).sort()).toEqual(rows.map((r) => r.id).sort());
  });

  it("answers 'already assigned' the second time, with one row", async () => {
    const therapist = await createTherapist();
    const client = await createClientOf(therapist);
    const resource = await createResource();
    const [first] = await callerFor(therapist).assignment.create({ resourceId: resource.id, clientIds: [client.id] });
    const [second] = await callerFor(therapist).assignment.create({ resourceId: resource.id, clientIds: [client.id] });
    expect(first!.outcome).toBe("assigned");
    expect(second).toMatchObject({ outcome: "already_assigned", assignmentId: first!.assignmentId });
    expect(await getDb().assignment.count({ where: { clientId: client.id } })).toBe(1);
  });

  it("turns twenty identical requests at once into one assignment", async () => {
    const therapist = await createTherapist();
    const client = await createClientOf(therapist);
    const resource = await createResource();
    const all = await Promise.all(
      Array.from({ length: 20 }, () => callerFor(therapist).assignment.create({ resourceId: resource.id, clientIds: [client.id] })),
    );
    const outcomes = all.map(([r]) => r!.outcome);
    expect(outcomes.filter((o) => o === "assigned")).toHaveLength(1);
    expect(outcomes.filter((o) => o === "already_assigned")).toHaveLength(19);
    expect(await getDb().assignment.count({ where: { clientId: client.id, resourceId: resource.id } })).toBe(1);
    expect(await getDb().auditEvent.count({ where: { action: "assignment.created", actorId: therapist.id } })).toBe(1);
  });

  it("assigns a whole reading plan in order, skipping readings that aren't published", async () => {
    const therapist = await createTherapist();
    const client = await createClientOf(therapist);
    const first = await createResource({ title: "First" });
    const draft = await createResource({ title: "Draft", status: "DRAFT", ownerId: therapist.id, visibility: "PRIVATE" });
    const own = await createResource({ title: "Own private", ownerId: therapist.id, visibility: "PRIVATE" });
    const collection = await createCollection(therapist.id, [first.id, draft.id, own.id]);
    const results = await callerFor(therapist).assignment.create({ collectionId: collection.id, clientIds: [client.id] });
    expect(results.map((r) => [r.resourceTitle, r.outcome])).toEqual([
      ["First", "assigned"],
      ["Own private", "assigned"],
      ["Draft", "unavailable"],
    ]);
    const rows = await getDb().assignment.findMany({ where: { clientId: client.id } });
    expect(rows.every((r) => r.collectionId === collection.id)).toBe(true);
  });

  it("refuses another therapist's private resource, a draft, and someone else's reading plan as NOT_FOUND", async () => {
    const therapist = await createTherapist();
    const other = await createTherapist();
    const client = await createClientOf(therapist);
    const privateOfOther = await createResource({ ownerId: other.id, visibility: "PRIVATE" });
    const sharedDraft = await createResource({ status: "DRAFT" });
    const plan = await createCollection(other.id, [(await createResource()).id]);
    for (const input of [{ resourceId: privateOfOther.id }, { resourceId: sharedDraft.id }, { collectionId: plan.id }]) {
      await expect(callerFor(therapist).assignment.create({ ...input, clientIds: [client.id] })).rejects.toMatchObject({ code: "NOT_FOUND" });
    }
    expect(await getDb().assignment.count({ where: { clientId: client.id } })).toBe(0);
  });

  it("validates input: exactly one target, at least one client, a real date", async () => {
    const therapist = await createTherapist();
    const client = await createClientOf(therapist);
    const resource = await createResource();
    const caller = callerFor(therapist);
    await expect(caller.assignment.create({ clientIds: [client.id] })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(caller.assignment.create({ resourceId: resource.id, clientIds: [] })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(caller.assignment.create({ resourceId: resource.id, clientIds: [client.id], dueDate: "2030-02-31" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(caller.assignment.create({ resourceId: resource.id, clientIds: [client.id], note: "x".repeat(1001) })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("is for therapists only", async () => {
    const therapist = await createTherapist();
    const client = await createClientOf(therapist);
    const resource = await createResource();
    await expect(callerFor(client).assignment.create({ resourceId: resource.id, clientIds: [client.id] })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(callerFor(null).assignment.create({ resourceId: resource.id, clientIds: [client.id] })).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });
});

describe("withdrawing", () => {
  it("hides the reading from the client, keeps history, and allows assigning it afresh", async () => {
    const therapist = await createTherapist();
    const client = await createClientOf(therapist);
    const resource = await createResource();
    const [first] = await callerFor(therapist).assignment.create({ resourceId: resource.id, clientIds: [client.id] });
    await callerFor(therapist).assignment.withdraw({ id: first!.assignmentId! });
    expect(await callerFor(client).reading.list()).toEqual([]);
    const old = await getDb().assignment.findUniqueOrThrow({ where: { id: first!.assignmentId! } });
    expect(old.active).toBeNull();
    expect(old.withdrawnAt).toBeInstanceOf(Date);
    const [again] = await callerFor(therapist).assignment.create({ resourceId: resource.id, clientIds: [client.id] });
    expect(again!.outcome).toBe("assigned");
    expect(await getDb().auditEvent.count({ where: { action: "assignment.withdrawn", targetId: first!.assignmentId! } })).toBe(1);
    await expect(callerFor(therapist).assignment.withdraw({ id: first!.assignmentId! })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("reminders", () => {
  it("sends one neutral reminder per assignment per 24 hours, only while unopened", async () => {
    const therapist = await createTherapist();
    const client = await createClientOf(therapist);
    const resource = await createResource({ title: "Understanding shame" });
    const [result] = await callerFor(therapist).assignment.create({ resourceId: resource.id, clientIds: [client.id] });
    const id = result!.assignmentId!;
    // Any time of day: no quiet hours for this client (reminders.test.ts covers them).
    await callerFor(client).reminders.update({ quietHours: null });
    const outbox = path.resolve(process.env.OUTBOX_DIR as string);
    const mailsTo = () => (fs.existsSync(outbox) ? fs.readdirSync(outbox).filter((f) => f.includes(client.email.replace(/[^a-z0-9@.-]/gi, "_"))) : []);

    await callerFor(therapist).assignment.remind({ id });
    expect(mailsTo()).toHaveLength(1);
    const mail = fs.readFileSync(path.join(outbox, mailsTo()[0]!), "utf8");
    // Discreet by default: the subject says nothing about therapy or Haven.
    expect(mail).toContain("Subject: A gentle reminder");
    expect(mail).not.toContain("Understanding shame");

    await expect(callerFor(therapist).assignment.remind({ id })).rejects.toMatchObject({ code: "TOO_MANY_REQUESTS" });
    expect(mailsTo()).toHaveLength(1);

    await getDb().assignment.update({ where: { id }, data: { lastReminderAt: new Date(Date.now() - 25 * 60 * 60 * 1000) } });
    await callerFor(therapist).assignment.remind({ id });
    expect(mailsTo()).toHaveLength(2);
    expect(await getDb().auditEvent.count({ where: { action: "assignment.reminded", targetId: id } })).toBe(2);

    await getDb().assignment.update({ where: { id }, data: { firstOpenedAt: new Date(), lastReminderAt: null } });
    await expect(callerFor(therapist).assignment.remind({ id })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("sends one email when two reminders are requested at once", async () => {
    const therapist = await createTherapist();
    const client = await createClientOf(therapist);
    const resource = await createResource();
    const [result] = await callerFor(therapist).assignment.create({ resourceId: resource.id, clientIds: [client.id] });
    await callerFor(client).reminders.update({ quietHours: null });
    const settled = await Promise.allSettled([1, 2, 3].map(() => callerFor(therapist).assignment.remind({ id: result!.assignmentId! })));
    expect(settled.filter((s) => s.status === "fulfilled")).toHaveLength(1);
    expect(await getDb().auditEvent.count({ where: { action: "assignment.reminded", targetId: result!.assignmentId! } })).toBe(1);
  });
});
