import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { getDb } from "../../server/db";
import { runReminderSweep } from "../../server/services/reminders/sweep";
import { createResource } from "../support/assign-fixtures";
import { callerFor, createAdmin, createClientOf, createTherapist } from "../support/factories";
import { latestMailTo, readEml } from "../support/mail";

// No SMTP_URL in this file: reminders fall back to .eml files in the outbox, like every other email.
describe("reminders without SMTP_URL", () => {
  it("writes the neutral note to the outbox", async () => {
    expect(process.env.SMTP_URL).toBeUndefined();
    const therapist = await createTherapist();
    const client = await createClientOf(therapist);
    await callerFor(client).reminders.update({ quietHours: null });
    const resource = await createResource({ title: "Understanding shame" });
    await callerFor(therapist).assignment.create({ resourceId: resource.id, clientIds: [client.id] });
    const { sent } = await runReminderSweep(getDb(), { now: new Date(Date.now() + 1000) });
    expect(sent.filter((key) => key.includes(client.id))).toHaveLength(1);
    const file = latestMailTo(path.resolve(process.env.OUTBOX_DIR as string), client.email);
    expect(file).not.toBeNull();
    const mail = readEml(file!);
    expect(mail.subject).toBe("Something new is waiting for you");
    expect(mail.body).toContain("http://localhost:3000/client");
    expect(mail.body).not.toContain("Understanding shame");
    expect(fs.statSync(file!).mode & 0o777).toBe(0o600);
  });
});

describe("reminders router: role × procedure", () => {
  it("refuses signed-out callers and admins", async () => {
    await expect(callerFor(null).reminders.get()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    await expect(callerFor(null).reminders.update({ mode: "OFF" })).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    const admin = await createAdmin();
    await expect(callerFor(admin).reminders.get()).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(callerFor(admin).reminders.update({ quietHours: null })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("gives a client the calm default and changes only their own settings", async () => {
    const therapist = await createTherapist();
    const [a, b] = [await createClientOf(therapist), await createClientOf(therapist)];
    expect(await callerFor(a).reminders.get()).toEqual({
      mode: "NEW_READING",
      quietHours: { start: "21:00", end: "08:00" },
      timeZone: null,
      effectiveTimeZone: "UTC",
      weeklyDigest: false,
    });
    const saved = await callerFor(a).reminders.update({ mode: "WEEKLY", quietHours: { start: "22:30", end: "07:15" }, timeZone: "Europe/Berlin" });
    expect(saved).toMatchObject({ mode: "WEEKLY", quietHours: { start: "22:30", end: "07:15" }, timeZone: "Europe/Berlin", effectiveTimeZone: "Europe/Berlin" });
    expect((await callerFor(b).reminders.get()).mode).toBe("NEW_READING");
  });

  it("refuses bad input and the other role's setting, changing nothing", async () => {
    const therapist = await createTherapist();
    const client = await createClientOf(therapist);
    const before = await callerFor(client).reminders.get();
    for (const input of [
      { timeZone: "Mars/Olympus" },
      { timeZone: "x".repeat(10_000) },
      { quietHours: { start: "25:00", end: "08:00" } },
      { quietHours: { start: "08:00", end: "08:00" } },
      { mode: "SOMETIMES" },
      { userId: therapist.id, mode: "OFF" },
      {},
      { weeklyDigest: true },
    ]) {
      // @ts-expect-error: deliberately outside the schema
      await expect(callerFor(client).reminders.update(input)).rejects.toMatchObject({ code: "BAD_REQUEST" });
    }
    await expect(callerFor(therapist).reminders.update({ mode: "OFF" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect(await callerFor(client).reminders.get()).toEqual(before);
    const row = await getDb().user.findUniqueOrThrow({ where: { id: therapist.id }, select: { reminderMode: true } });
    expect(row.reminderMode).toBe("NEW_READING");
    expect((await callerFor(therapist).reminders.update({ weeklyDigest: true })).weeklyDigest).toBe(true);
  });
});
