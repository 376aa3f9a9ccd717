import crypto from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "../../server/db";
import { exportAssignmentsCsv } from "../../server/services/assignments/export";
import { uuid } from "../support/assign-fixtures";
import { callerFor, createAdmin, createClientOf, createTherapist, type TestUser } from "../support/factories";

// Worksheet answers: private by default, shared by the client's explicit choice (undoable),
// idempotent autosave, versioned prompt text, and nothing at all for anyone else.

const notFound = { code: "NOT_FOUND" };
const actor = (user: TestUser) => ({ actorId: user.id, actorRole: user.role, requestId: "test", ip: null });

const BODY = [
  "## A worksheet",
  "",
  "```prompt",
  "id: notice",
  "type: text",
  "label: What do I notice in close relationships?",
  "```",
  "",
  "```prompt",
  "id: feeling",
  "type: scale",
  "label: How safe does closeness feel?",
  "```",
  "",
  "```prompt",
  "id: helps",
  "type: multiple",
  "label: What helps?",
  "options:",
  "- Talking",
  "- Walking",
  "- Music",
  "```",
].join("\n");

async function worksheetResource(body = BODY) {
  const suffix = crypto.randomBytes(4).toString("hex");
  return getDb().resource.create({
    data: { slug: `worksheet-${suffix}`, title: `Worksheet ${suffix}`, summary: "A worksheet.", body, kind: "WORKSHEET", readingMinutes: 5, status: "PUBLISHED", visibility: "SHARED", publishedAt: new Date() },
    select: { id: true },
  });
}

let therapist: TestUser, client: TestUser, otherTherapist: TestUser, otherClient: TestUser, admin: TestUser;
let assignmentId: string, resourceId: string;

beforeAll(async () => {
  therapist = await createTherapist();
  client = await createClientOf(therapist);
  otherTherapist = await createTherapist();
  otherClient = await createClientOf(otherTherapist);
  admin = await createAdmin();
  resourceId = (await worksheetResource()).id;
  const [result] = await callerFor(therapist).assignment.create({ resourceId, clientIds: [client.id] });
  assignmentId = result!.assignmentId!;
});

const SECRET = "I go quiet when I am scared of being left";

describe("autosave", () => {
  it("saves an answer once per key: a retry changes nothing and returns the same revision", async () => {
    const c = callerFor(client);
    const key = uuid();
    const first = await c.worksheet.saveAnswer({ id: assignmentId, promptId: "notice", value: SECRET, key, baseRevision: 0 });
    expect(first).toMatchObject({ promptId: "notice", value: SECRET, revision: 1, conflict: false });
    const retry = await c.worksheet.saveAnswer({ id: assignmentId, promptId: "notice", value: SECRET, key, baseRevision: 0 });
    expect(retry).toMatchObject({ revision: 1, conflict: false });
    expect(await getDb().worksheetAnswer.count({ where: { promptKey: "notice", response: { assignmentId } } })).toBe(1);
    const next = await c.worksheet.saveAnswer({ id: assignmentId, promptId: "feeling", value: 6, key: uuid(), baseRevision: 0 });
    expect(next.revision).toBe(1);
  });

  it("a stale save (older revision, new key) writes nothing and reports the newer answer", async () => {
    const c = callerFor(client);
    const stale = await c.worksheet.saveAnswer({ id: assignmentId, promptId: "notice", value: "an older draft", key: uuid(), baseRevision: 0 });
    expect(stale).toMatchObject({ value: SECRET, revision: 1, conflict: true });
    const onTop = await c.worksheet.saveAnswer({ id: assignmentId, promptId: "notice", value: `${SECRET}.`, key: uuid(), baseRevision: 1 });
    expect(onTop).toMatchObject({ value: `${SECRET}.`, revision: 2, conflict: false });
    const reverted = await c.worksheet.saveAnswer({ id: assignmentId, promptId: "notice", value: SECRET, key: uuid(), baseRevision: 2 });
    expect(reverted.revision).toBe(3);
  });

  it("answers survive a reload (read back with the prompt they answered)", async () => {
    const mine = await callerFor(client).worksheet.mine({ id: assignmentId });
    expect(mine.shared).toBe(false);
    expect(mine.answers.find((a) => a.promptId === "notice")).toMatchObject({ value: SECRET, revision: 3, prompt: { label: "What do I notice in close relationships?" } });
    expect(mine.answers.find((a) => a.promptId === "feeling")).toMatchObject({ value: 6 });
  });

  it("refuses answers that do not fit the prompt, unknown prompts and oversized input, changing nothing", async () => {
    const c = callerFor(client);
    const save = (promptId: string, value: unknown) => c.worksheet.saveAnswer({ id: assignmentId, promptId, value: value as never, key: uuid(), baseRevision: 3 });
    await expect(save("feeling", 11)).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(save("helps", ["Dancing"])).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(save("notice", 5)).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(save("no-such-prompt", "x")).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(save("notice", "x".repeat(4001))).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(save("helps", Array.from({ length: 13 }, (_, i) => `o${i}`))).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(c.worksheet.saveAnswer({ id: assignmentId, promptId: "notice", value: "x", key: "bad key!", baseRevision: 0 })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    const mine = await c.worksheet.mine({ id: assignmentId });
    expect(mine.answers.find((a) => a.promptId === "notice")?.value).toBe(SECRET);
  });

  it("does not touch the assignment's activity (the therapist cannot infer that answers exist)", async () => {
    const before = await getDb().assignment.findUniqueOrThrow({ where: { id: assignmentId }, select: { lastActivityAt: true } });
    await callerFor(client).worksheet.saveAnswer({ id: assignmentId, promptId: "helps", value: ["Music"], key: uuid(), baseRevision: 0 });
    const after = await getDb().assignment.findUniqueOrThrow({ where: { id: assignmentId }, select: { lastActivityAt: true } });
    expect(after.lastActivityAt).toEqual(before.lastActivityAt);
  });
});

describe("private by default: the therapist sees nothing of unshared answers", () => {
  it("not the answers, not a flag, not in the client page, dashboard, timeline or export", async () => {
    const t = callerFor(therapist);
    const failure = (id: string) => t.worksheet.shared({ id }).then(() => null, (e: { code: string; message: string }) => ({ code: e.code, message: e.message }));
    const unshared = await failure(assignmentId);
    expect(unshared).toMatchObject(notFound);
    expect(unshared).toEqual(await failure("cm0000000000000000000000"));

    // An assignment with no answers at all looks exactly the same as one with private answers.
    const emptyResource = await worksheetResource();
    const [empty] = await t.assignment.create({ resourceId: emptyResource.id, clientIds: [client.id] });
    const detail = await t.client.byId({ id: client.id });
    const withAnswers = detail.assignments.find((a) => a.id === assignmentId)!;
    const withoutAnswers = detail.assignments.find((a) => a.id === empty!.assignmentId)!;
    expect(withAnswers.tracking).toEqual(withoutAnswers.tracking);
    expect(withAnswers.tracking.answersShared).toBe(false);
    const everything = JSON.stringify([detail, await t.dashboard.therapist({ since: null })]);
    expect(everything).not.toContain(SECRET);
    const csv = await exportAssignmentsCsv(getDb(), actor(therapist), therapist.id, client.id);
    expect(csv.csv).not.toContain(SECRET);
    expect(await getDb().auditEvent.count({ where: { action: "worksheet.viewed" } })).toBe(0);
  });
});

describe("sharing by the client's choice, and undoing it", () => {
  it("shares: the therapist sees the answers beside the assignment (audited without answer text)", async () => {
    const shared = await callerFor(client).worksheet.setSharing({ id: assignmentId, shared: true });
    expect(shared.shared).toBe(true);
    const t = callerFor(therapist);
    const detail = await t.client.byId({ id: client.id });
    expect(detail.assignments.find((a) => a.id === assignmentId)?.tracking.answersShared).toBe(true);
    const answers = await t.worksheet.shared({ id: assignmentId });
    expect(answers.answers.map((a) => [a.prompt.label, a.text])).toEqual([
      ["What do I notice in close relationships?", SECRET],
      ["How safe does closeness feel?", "6 (from 0 to 10)"],
      ["What helps?", "Music"],
    ]);
    const csv = await exportAssignmentsCsv(getDb(), actor(therapist), therapist.id, client.id);
    expect(csv.csv).toContain("Worksheet answers (shared)");
    expect(csv.csv).toContain(`What do I notice in close relationships?: ${SECRET}`);

    const audit = await getDb().auditEvent.findMany({ where: { targetId: assignmentId, action: { startsWith: "worksheet." } }, orderBy: { at: "asc" } });
    expect(audit.map((row) => [row.action, row.actorId])).toEqual([
      ["worksheet.shared", client.id],
      ["worksheet.viewed", therapist.id],
    ]);
    expect(JSON.stringify(audit)).not.toContain("quiet");
  });

  it("another therapist, another client and an admin get NOT_FOUND or FORBIDDEN — never answers", async () => {
    await expect(callerFor(otherTherapist).worksheet.shared({ id: assignmentId })).rejects.toMatchObject(notFound);
    const oc = callerFor(otherClient);
    await expect(oc.worksheet.mine({ id: assignmentId })).rejects.toMatchObject(notFound);
    await expect(oc.worksheet.saveAnswer({ id: assignmentId, promptId: "notice", value: "x", key: uuid(), baseRevision: 0 })).rejects.toMatchObject(notFound);
    await expect(oc.worksheet.setSharing({ id: assignmentId, shared: false })).rejects.toMatchObject(notFound);
    const a = callerFor(admin);
    await expect(a.worksheet.shared({ id: assignmentId })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(a.worksheet.mine({ id: assignmentId })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(callerFor(therapist).worksheet.mine({ id: assignmentId })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const adminView = [await a.admin.accountById({ userId: client.id }), await a.admin.clientHistory({ userId: client.id })];
    expect(JSON.stringify(adminView)).not.toContain(SECRET);
    const trail = await a.audit.list({});
    expect(JSON.stringify(trail)).not.toContain(SECRET);
    expect(JSON.stringify(trail)).toContain("worksheet.shared");
  });

  it("unsharing hides everything again, at once (audited)", async () => {
    await callerFor(client).worksheet.setSharing({ id: assignmentId, shared: false });
    const t = callerFor(therapist);
    await expect(t.worksheet.shared({ id: assignmentId })).rejects.toMatchObject(notFound);
    const detail = await t.client.byId({ id: client.id });
    expect(detail.assignments.find((a) => a.id === assignmentId)?.tracking.answersShared).toBe(false);
    expect(JSON.stringify(detail)).not.toContain(SECRET);
    const csv = await exportAssignmentsCsv(getDb(), actor(therapist), therapist.id, client.id);
    expect(csv.csv).not.toContain(SECRET);
    expect(await getDb().auditEvent.count({ where: { targetId: assignmentId, action: "worksheet.unshared", actorId: client.id } })).toBe(1);
    // Unsharing twice records nothing more.
    await callerFor(client).worksheet.setSharing({ id: assignmentId, shared: false });
    expect(await getDb().auditEvent.count({ where: { targetId: assignmentId, action: "worksheet.unshared" } })).toBe(1);
  });

  it("once care ends, the former therapist sees nothing even if shared", async () => {
    const t2 = await createTherapist();
    const c2 = await createClientOf(t2);
    const res = await worksheetResource();
    const [row] = await callerFor(t2).assignment.create({ resourceId: res.id, clientIds: [c2.id] });
    await callerFor(c2).worksheet.saveAnswer({ id: row!.assignmentId!, promptId: "notice", value: "words", key: uuid(), baseRevision: 0 });
    await callerFor(c2).worksheet.setSharing({ id: row!.assignmentId!, shared: true });
    await callerFor(t2).client.endCare({ id: c2.id });
    await expect(callerFor(t2).worksheet.shared({ id: row!.assignmentId! })).rejects.toMatchObject(notFound);
  });
});

describe("versioned prompt text", () => {
  it("an answer keeps showing the question as it read when answered, after the resource changes", async () => {
    const res = await worksheetResource();
    const [row] = await callerFor(therapist).assignment.create({ resourceId: res.id, clientIds: [client.id] });
    const id = row!.assignmentId!;
    const c = callerFor(client);
    await c.worksheet.saveAnswer({ id, promptId: "notice", value: "first words", key: uuid(), baseRevision: 0 });
    await getDb().resource.update({ where: { id: res.id }, data: { body: BODY.replace("What do I notice in close relationships?", "What stands out to me when I feel close to someone?") } });
    await c.worksheet.setSharing({ id, shared: true });
    const before = await callerFor(therapist).worksheet.shared({ id });
    expect(before.answers[0]?.prompt.label).toBe("What do I notice in close relationships?");
    expect((await c.worksheet.mine({ id })).answers[0]?.prompt.label).toBe("What do I notice in close relationships?");
    // Answering again after the change points to the new wording; the old version row stays.
    await c.worksheet.saveAnswer({ id, promptId: "notice", value: "second words", key: uuid(), baseRevision: 1 });
    const after = await callerFor(therapist).worksheet.shared({ id });
    expect(after.answers[0]?.prompt.label).toBe("What stands out to me when I feel close to someone?");
    expect(await getDb().worksheetPromptVersion.count({ where: { resourceId: res.id, promptKey: "notice" } })).toBe(2);
  });
});

describe("check-in after reading", () => {
  it("is private unless shared; a hard time offers grounding pieces; the prompt can be turned off", async () => {
    const c = callerFor(client);
    const grounding = await getDb().resource.create({
      data: {
        slug: `grounding-${uuid().slice(0, 8)}`,
        title: "Feet on the floor",
        summary: "A short grounding practice.",
        body: "Feel your feet.",
        kind: "EXERCISE",
        readingMinutes: 3,
        status: "PUBLISHED",
        visibility: "SHARED",
        publishedAt: new Date(),
        tags: { create: { tag: { connectOrCreate: { where: { slug: "grounding" }, create: { slug: "grounding", name: "Grounding" } } } } },
      },
      select: { slug: true },
    });
    expect(await c.checkIn.state({ id: assignmentId })).toEqual({ promptEnabled: true, checkIn: null });
    const hard = await c.checkIn.save({ id: assignmentId, feeling: 2, words: "heavy today", sharedWithTherapist: false });
    expect(hard.grounding.map((g) => g.slug)).toContain(grounding.slug);
    expect((await c.checkIn.groundingPiece({ slug: grounding.slug })).body).toBe("Feel your feet.");
    await expect(c.checkIn.groundingPiece({ slug: "an-article-that-is-not-grounding" })).rejects.toMatchObject(notFound);
    let detail = await callerFor(therapist).client.byId({ id: client.id });
    expect(JSON.stringify(detail)).not.toContain("heavy today");
    const fine = await c.checkIn.save({ id: assignmentId, feeling: 8, words: "lighter", sharedWithTherapist: true });
    expect(fine.grounding).toEqual([]);
    detail = await callerFor(therapist).client.byId({ id: client.id });
    expect(detail.assignments.find((a) => a.id === assignmentId)?.tracking.sharedCheckIn).toMatchObject({ feeling: 8, words: "lighter" });
    await expect(c.checkIn.save({ id: assignmentId, feeling: 11 })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(c.checkIn.save({ id: assignmentId, feeling: 5, words: "x".repeat(281) })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(callerFor(otherClient).checkIn.save({ id: assignmentId, feeling: 5 })).rejects.toMatchObject(notFound);
    await expect(callerFor(otherClient).checkIn.state({ id: assignmentId })).rejects.toMatchObject(notFound);
    await expect(callerFor(therapist).checkIn.save({ id: assignmentId, feeling: 5 })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await c.checkIn.setPrompt({ enabled: false })).toEqual({ enabled: false });
    expect((await c.checkIn.state({ id: assignmentId })).promptEnabled).toBe(false);
    expect(await c.checkIn.prompt()).toEqual({ enabled: false });
  });
});
