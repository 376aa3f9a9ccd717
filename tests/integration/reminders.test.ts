import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { getDb } from "../../server/db";
import { createPrismaClient } from "../../server/db/client";
import { remindClient } from "../../server/services/assignments/assign";
import { runReminderSweep } from "../../server/services/reminders/sweep";
import { startReminderWorker } from "../../server/services/reminders/worker";
import { createResource } from "../support/assign-fixtures";
import { callerFor, createClientOf, createTherapist, type TestUser } from "../support/factories";
import { startSmtpServer, type ReceivedMail } from "../support/smtp";

// Reminders go through a real SMTP server on 127.0.0.1 (SMTP_URL is read on first use of env()).
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
beforeAll(async () => {
  smtp = await startSmtpServer();
  process.env.SMTP_URL = smtp.url;
});
afterAll(async () => smtp?.stop());
beforeEach(() => {
  smtp.received.length = 0;
});

const HOUR = 60 * 60 * 1000;
const mailsTo = (user: { email: string }): ReceivedMail[] => smtp.received.filter((m) => m.to.includes(user.email));

function minutesOfDayUtc(at: Date): number {
  return at.getUTCHours() * 60 + at.getUTCMinutes();
}
const hhmm = (minutes: number) => {
  const m = ((minutes % 1440) + 1440) % 1440;
  return `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;
};

/** Quiet hours (UTC) either around `at` (an hour each side) or well away from it. */
async function setQuiet(user: TestUser, at: Date, inside: boolean) {
  const m = minutesOfDayUtc(at);
  const quietHours = inside ? { start: hhmm(m - 60), end: hhmm(m + 60) } : { start: hhmm(m + 180), end: hhmm(m + 240) };
  await callerFor(user).reminders.update({ quietHours, timeZone: "UTC" });
}

async function assign(therapist: TestUser, client: TestUser, title = "Understanding shame") {
  const resource = await createResource({ title });
  const [result] = await callerFor(therapist).assignment.create({ resourceId: resource.id, clientIds: [client.id] });
  return result!.assignmentId!;
}

/** The next Monday at hh:mm UTC strictly after now. */
function nextMonday(hours: number, minutes = 0): Date {
  const d = new Date();
  const daysAhead = ((8 - d.getUTCDay()) % 7) || 7;
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() + daysAhead, hours, minutes));
}

function expectNoReadingDetails(mail: ReceivedMail) {
  expect(mail.subject + mail.body).not.toMatch(/Understanding shame|Grounding notes|Some gentle words|Resource [0-9a-f]{8}/);
}

describe("reminder emails (through a real SMTP server)", () => {
  it("sends one neutral 'something new' note for a new reading, once", async () => {
    const therapist = await createTherapist();
    const client = await createClientOf(therapist);
    await assign(therapist, client);
    const now = new Date(Date.now() + 1000);
    await setQuiet(client, now, false);

    await runReminderSweep(getDb(), { now });
    expect(mailsTo(client)).toEqual([
      {
        to: [client.email],
        subject: "Something new is waiting for you",
        body:
          "Hello,\n\nThere is something new waiting for you in your reading space, whenever suits you:\n\n" +
          "http://localhost:3000/client\n\nThere's no rush.\n\nYou can change these emails, or turn them off, under Preferences:\n" +
          "http://localhost:3000/client/preferences\n",
      },
    ]);
    await runReminderSweep(getDb(), { now: new Date(now.getTime() + 60_000) });
    expect(mailsTo(client)).toHaveLength(1);

    // Discreet mode off: the subject may name Haven (still no title or content).
    await callerFor(client).preferences.update({ discreet: false });
    await assign(therapist, client, "Grounding notes");
    const later = new Date(Date.now() + 2 * 60_000);
    await runReminderSweep(getDb(), { now: later });
    expect(mailsTo(client).map((m) => m.subject)).toEqual(["Something new is waiting for you", "You have something new to read in Haven"]);
    mailsTo(client).forEach(expectNoReadingDetails);
  });

  it("waits until the client's quiet hours end (their time zone), then sends", async () => {
    const therapist = await createTherapist();
    const client = await createClientOf(therapist);
    await assign(therapist, client);
    const now = new Date(Date.now() + 1000);
    await setQuiet(client, now, true);
    await runReminderSweep(getDb(), { now });
    expect(mailsTo(client)).toHaveLength(0);
    await runReminderSweep(getDb(), { now: new Date(now.getTime() + 61 * 60_000) });
    expect(mailsTo(client).map((m) => m.subject)).toEqual(["Something new is waiting for you"]);
  });

  it("sends nothing when the client chose no reminders, and tells the therapist", async () => {
    const therapist = await createTherapist();
    const client = await createClientOf(therapist, { name: "Robin" });
    const id = await assign(therapist, client);
    await callerFor(client).reminders.update({ mode: "OFF", quietHours: null });
    await getDb().assignment.update({ where: { id }, data: { assignedAt: new Date(Date.now() - 3 * 24 * HOUR), dueAt: new Date() } });
    await runReminderSweep(getDb(), { now: new Date(Date.now() + 1000) });
    await runReminderSweep(getDb(), { now: nextMonday(10) });
    expect(mailsTo(client)).toHaveLength(0);
    await expect(callerFor(therapist).assignment.remind({ id })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "Robin has chosen not to get reminders by email, so none was sent.",
    });
    expect((await callerFor(therapist).client.byId({ id: client.id })).reminderChoice).toEqual({ mode: "OFF", quietUntil: null });
    expect(mailsTo(client)).toHaveLength(0);
  });

  it("sends an unopened, due reading's automatic reminder once", async () => {
    const therapist = await createTherapist();
    const client = await createClientOf(therapist);
    const id = await assign(therapist, client);
    const now = new Date(Date.now() + 1000);
    await setQuiet(client, now, false);
    await runReminderSweep(getDb(), { now }); // the "something new" note
    await getDb().assignment.update({ where: { id }, data: { assignedAt: new Date(now.getTime() - 2 * 24 * HOUR), dueAt: new Date(now.getTime() + 12 * HOUR) } });
    await runReminderSweep(getDb(), { now });
    await runReminderSweep(getDb(), { now: new Date(now.getTime() + 25 * HOUR) });
    expect(mailsTo(client).map((m) => m.subject)).toEqual(["Something new is waiting for you", "A gentle reminder"]);
    expectNoReadingDetails(mailsTo(client)[1]!);
    const row = await getDb().assignment.findUniqueOrThrow({ where: { id } });
    expect(row.autoRemindedAt).toEqual(now);
    // An opened reading gets none.
    const opened = await assign(therapist, client, "Grounding notes");
    await getDb().assignment.update({ where: { id: opened }, data: { firstOpenedAt: new Date(), assignedAt: new Date(now.getTime() - 2 * 24 * HOUR), dueAt: now } });
    await runReminderSweep(getDb(), { now: new Date(now.getTime() + 50 * HOUR) });
    expect(mailsTo(client)).toHaveLength(2);
  });

  it("sends the weekly summary once a week, from Monday 09:00 their time, with counts only", async () => {
    const therapist = await createTherapist();
    const client = await createClientOf(therapist);
    await callerFor(client).reminders.update({ mode: "WEEKLY", quietHours: null, timeZone: "UTC" });
    await assign(therapist, client);
    await assign(therapist, client, "Grounding notes");
    const early = nextMonday(8, 30);
    await runReminderSweep(getDb(), { now: early });
    expect(mailsTo(client)).toHaveLength(0);
    await runReminderSweep(getDb(), { now: nextMonday(9, 5) });
    await runReminderSweep(getDb(), { now: nextMonday(15) });
    expect(mailsTo(client).map((m) => m.subject)).toEqual(["Your weekly summary"]);
    expect(mailsTo(client)[0]!.body).toContain("This week: 2 things waiting for you, 2 of them new.");
    expectNoReadingDetails(mailsTo(client)[0]!);
    // The therapist's reminder is folded into the summary.
    const [row] = await getDb().assignment.findMany({ where: { clientId: client.id }, take: 1 });
    await expect(callerFor(therapist).assignment.remind({ id: row!.id })).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("weekly summary") });
    // Next week: one more.
    await runReminderSweep(getDb(), { now: new Date(nextMonday(10).getTime() + 7 * 24 * HOUR) });
    expect(mailsTo(client)).toHaveLength(2);
  });

  it("sends a therapist who asked for it a weekly digest with names and counts, never content", async () => {
    const therapist = await createTherapist();
    const client = await createClientOf(therapist, { name: "Sam Client" });
    await callerFor(client).reminders.update({ mode: "OFF" });
    const id = await assign(therapist, client);
    await assign(therapist, client, "Grounding notes");
    await getDb().assignment.update({ where: { id }, data: { firstOpenedAt: new Date() } });
    await runReminderSweep(getDb(), { now: nextMonday(10) });
    expect(mailsTo(therapist)).toHaveLength(0); // not asked for
    await callerFor(therapist).reminders.update({ weeklyDigest: true, quietHours: null, timeZone: "UTC" });
    await runReminderSweep(getDb(), { now: nextMonday(10) });
    await runReminderSweep(getDb(), { now: nextMonday(11) });
    const digests = mailsTo(therapist);
    expect(digests).toHaveLength(1);
    expect(digests[0]!.subject).toBe("Your weekly Haven digest");
    expect(digests[0]!.body).toContain("- Sam Client: 1 opened, 0 finished, 1 not opened yet");
    expectNoReadingDetails(digests[0]!);
  });

  it("queues a therapist's reminder asked for in quiet hours and sends it after", async () => {
    const therapist = await createTherapist();
    const client = await createClientOf(therapist, { name: "Alex" });
    const id = await assign(therapist, client);
    const now = new Date(Date.now() + 1000);
    await setQuiet(client, now, true);
    const detail = await callerFor(therapist).client.byId({ id: client.id });
    expect(detail.reminderChoice.mode).toBe("NEW_READING");
    expect(detail.reminderChoice.quietUntil).toBeInstanceOf(Date);
    const { queuedUntil } = await remindClient(getDb(), { actorId: therapist.id, actorRole: "THERAPIST", requestId: null, ip: null }, therapist.id, id, now);
    expect(queuedUntil?.getTime()).toBeGreaterThan(now.getTime());
    expect(mailsTo(client)).toHaveLength(0);
    await runReminderSweep(getDb(), { now: new Date(now.getTime() + 30 * 60_000) });
    expect(mailsTo(client)).toHaveLength(0);
    await runReminderSweep(getDb(), { now: new Date(queuedUntil!.getTime() + 60_000) });
    await runReminderSweep(getDb(), { now: new Date(queuedUntil!.getTime() + 120_000) });
    expect(mailsTo(client).map((m) => m.subject).sort()).toEqual(["A gentle reminder", "Something new is waiting for you"]);
    expect((await getDb().assignment.findUniqueOrThrow({ where: { id } })).reminderQueuedAt).toBeNull();
  });

  it("rolls a failed send back, carries on with others, and sends it on the next sweep", async () => {
    const therapist = await createTherapist();
    const [flaky, fine] = [await createClientOf(therapist), await createClientOf(therapist)];
    const now = new Date(Date.now() + 1000);
    for (const client of [flaky, fine]) {
      await assign(therapist, client);
      await setQuiet(client, now, false);
    }
    const { sendMail } = await import("../../server/services/mailer");
    const first = await runReminderSweep(getDb(), {
      now,
      send: async (mail) => {
        if (mail.to === flaky.email) throw new Error("mailbox unavailable");
        return sendMail(mail);
      },
    });
    expect(first.failed.filter((k) => k.includes(flaky.id))).toHaveLength(1);
    expect(mailsTo(fine)).toHaveLength(1);
    expect(mailsTo(flaky)).toHaveLength(0);
    expect(await getDb().reminderLog.count({ where: { userId: flaky.id } })).toBe(0);
    await runReminderSweep(getDb(), { now: new Date(now.getTime() + 60_000) });
    expect(mailsTo(flaky)).toHaveLength(1);
    expect(mailsTo(fine)).toHaveLength(1);
  });

  it("sends each message exactly once with two workers sweeping the same database at once", async () => {
    const therapist = await createTherapist();
    const clients = await Promise.all([1, 2, 3, 4].map(() => createClientOf(therapist)));
    const now = new Date(Date.now() + 1000);
    for (const client of clients) {
      await assign(therapist, client);
      await setQuiet(client, now, false);
    }
    const url = process.env.DATABASE_URL as string;
    const [a, b] = [createPrismaClient(url, { poolSize: 1 }), createPrismaClient(url, { poolSize: 1 })];
    try {
      const results = await Promise.all([runReminderSweep(a, { now }), runReminderSweep(b, { now }), runReminderSweep(a, { now }), runReminderSweep(b, { now })]);
      const ours = results.flatMap((r) => r.sent).filter((key) => clients.some((c) => key.includes(c.id)));
      expect(ours).toHaveLength(4);
    } finally {
      await Promise.all([a.$disconnect(), b.$disconnect()]);
    }
    for (const client of clients) expect(mailsTo(client)).toHaveLength(1);
    expect(await getDb().reminderLog.count({ where: { userId: { in: clients.map((c) => c.id) } } })).toBe(4);
  });

  it("runs on the pg-boss queue: two worker instances, each message once", async () => {
    const therapist = await createTherapist();
    const clients = await Promise.all([1, 2].map(() => createClientOf(therapist)));
    for (const client of clients) {
      await assign(therapist, client);
      await callerFor(client).reminders.update({ quietHours: null });
    }
    const url = process.env.DATABASE_URL as string;
    const errors: unknown[] = [];
    const workers = [];
    for (let i = 0; i < 2; i += 1) {
      workers.push(await startReminderWorker({ connectionString: url, cron: null, pollingIntervalSeconds: 0.5, poolSize: 1, onError: (e) => errors.push(e) }));
    }
    try {
      await Promise.all(workers.flatMap((w) => [w.sweepNow(), w.sweepNow()]));
      const deadline = Date.now() + 20_000;
      while (Date.now() < deadline && clients.some((c) => mailsTo(c).length === 0)) await new Promise((r) => setTimeout(r, 200));
      await new Promise((r) => setTimeout(r, 1500));
    } finally {
      await Promise.all(workers.map((w) => w.stop()));
    }
    for (const client of clients) expect(mailsTo(client).map((m) => m.subject)).toEqual(["Something new is waiting for you"]);
    expect(errors).toEqual([]);
  }, 60_000);
});
