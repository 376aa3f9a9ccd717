import crypto from "node:crypto";
import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { getDb } from "../../server/db";
import { createCaller } from "../../server/routers/_app";
import {
  RESET_REQUESTS_PER_ADDRESS_PER_HOUR,
  RESET_REQUESTS_PER_EMAIL_PER_HOUR,
  requestPasswordReset,
} from "../../server/services/accounts/password-reset";
import { authenticate, currentSessionUser } from "../../server/services/accounts/sign-in";
import { createInnerContext } from "../../server/trpc/init";
import { callerFor, createAdmin, createClientOf, createTherapist, TEST_PASSWORD } from "../support/factories";
import { readEml, resetTokenIn } from "../support/mail";

const NEW_PASSWORD = "a calm and brand new passphrase";

/** A signed-out caller from its own address, so address throttles do not leak between tests. */
function anonymousCaller(ip = `198.51.100.${crypto.randomInt(1, 250)}`) {
  return createCaller(createInnerContext({ user: null, db: getDb(), ip }));
}

function meta(ip = `192.0.2.${crypto.randomInt(1, 250)}`) {
  return { requestId: crypto.randomUUID(), ip };
}

/** Requests a reset for `email` and returns the token from the email in the outbox. */
async function requestAndReadToken(email: string): Promise<string> {
  const before = new Set(fs.existsSync(outbox()) ? fs.readdirSync(outbox()) : []);
  const { delivery } = await requestPasswordReset(getDb(), meta(), email);
  await delivery;
  const added = fs.readdirSync(outbox()).filter((f) => !before.has(f) && f.includes(email));
  expect(added).toHaveLength(1);
  const token = resetTokenIn(readEml(`${outbox()}/${added[0]}`).body);
  if (!token) throw new Error("no reset link in the email");
  return token;
}

const outbox = () => process.env.OUTBOX_DIR as string;

describe("asking for a reset link", () => {
  it("answers exactly the same for an unknown email, a known one and a deactivated one", async () => {
    const therapist = await createTherapist();
    const gone = await createTherapist({ status: "DEACTIVATED" });
    const answers = await Promise.all(
      ["nobody-here@example.test", therapist.email, gone.email].map((email) => anonymousCaller().passwordReset.request({ email })),
    );
    expect(answers[0]).toEqual({ ok: true });
    expect(answers[1]).toEqual(answers[0]);
    expect(answers[2]).toEqual(answers[0]);
  });

  it("creates a link and audits password_reset.requested only for active accounts", async () => {
    const therapist = await createTherapist();
    const gone = await createTherapist({ status: "DEACTIVATED" });
    for (const email of [therapist.email, gone.email, "unknown-person@example.test"]) {
      await (await requestPasswordReset(getDb(), meta(), email)).delivery;
    }
    expect(await getDb().passwordReset.count({ where: { userId: therapist.id } })).toBe(1);
    expect(await getDb().passwordReset.count({ where: { userId: gone.id } })).toBe(0);
    const audited = await getDb().auditEvent.findMany({
      where: { action: "password_reset.requested", targetId: { in: [therapist.id, gone.id] } },
      select: { targetId: true, actorId: true },
    });
    expect(audited).toEqual([{ targetId: therapist.id, actorId: null }]);
  });

  it("sends clients a neutral subject and staff a plain one", async () => {
    const therapist = await createTherapist();
    const client = await createClientOf(therapist);
    await requestAndReadToken(client.email);
    await requestAndReadToken(therapist.email);
    const subjects = fs
      .readdirSync(outbox())
      .filter((f) => f.includes(client.email) || f.includes(therapist.email))
      .map((f) => readEml(`${outbox()}/${f}`).subject);
    expect(subjects.sort()).toEqual(["Reset your Haven password", "Your account link"]);
    const clientMail = fs.readdirSync(outbox()).find((f) => f.includes(client.email)) as string;
    // The From header is the practice's own (MAIL_FROM); the message itself names nothing.
    const { body } = readEml(`${outbox()}/${clientMail}`);
    expect(body).toContain("/reset-password/");
    expect(body).not.toMatch(/Haven|therap/i);
  });

  it("sends at most three links an hour per email, still answering the same", async () => {
    const therapist = await createTherapist();
    for (let i = 0; i < RESET_REQUESTS_PER_EMAIL_PER_HOUR + 2; i++) {
      // Different addresses: the per-email limit alone must hold.
      await expect(anonymousCaller(`203.0.113.${i + 10}`).passwordReset.request({ email: therapist.email })).resolves.toEqual({ ok: true });
    }
    expect(await getDb().passwordReset.count({ where: { userId: therapist.id } })).toBe(RESET_REQUESTS_PER_EMAIL_PER_HOUR);
  });

  it("throttles one address asking about many emails", async () => {
    const ip = "203.0.113.200";
    const therapists = [];
    for (let i = 0; i < 3; i++) therapists.push(await createTherapist());
    for (let i = 0; i < RESET_REQUESTS_PER_ADDRESS_PER_HOUR; i++) {
      await (await requestPasswordReset(getDb(), meta(ip), `probe-${i}@example.test`)).delivery;
    }
    for (const therapist of therapists) await (await requestPasswordReset(getDb(), meta(ip), therapist.email)).delivery;
    expect(await getDb().passwordReset.count({ where: { userId: { in: therapists.map((t) => t.id) } } })).toBe(0);
  });
});

describe("using a reset link", () => {
  it("sets the new password, ends every other session, and audits password_reset.used", async () => {
    const therapist = await createTherapist();
    const token = await requestAndReadToken(therapist.email);
    expect(await anonymousCaller().passwordReset.check({ token })).toEqual({ usable: true });

    await anonymousCaller().passwordReset.reset({ token, password: NEW_PASSWORD });

    expect(await currentSessionUser(getDb(), therapist)).toBeNull();
    expect(await authenticate(getDb(), { email: therapist.email, password: TEST_PASSWORD }, meta())).toBeNull();
    expect(await authenticate(getDb(), { email: therapist.email, password: NEW_PASSWORD }, meta())).toMatchObject({ id: therapist.id });
    const used = await getDb().auditEvent.findFirstOrThrow({ where: { action: "password_reset.used", targetId: therapist.id } });
    expect(used.actorId).toBe(therapist.id);
    expect(JSON.stringify(used.detail)).not.toContain(token);
  });

  it("works once", async () => {
    const therapist = await createTherapist();
    const token = await requestAndReadToken(therapist.email);
    await anonymousCaller().passwordReset.reset({ token, password: NEW_PASSWORD });
    expect(await anonymousCaller().passwordReset.check({ token })).toEqual({ usable: false });
    await expect(anonymousCaller().passwordReset.reset({ token, password: "yet another new passphrase" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await authenticate(getDb(), { email: therapist.email, password: NEW_PASSWORD }, meta())).not.toBeNull();
  });

  it("works once even when used twice at the same moment", async () => {
    const therapist = await createTherapist();
    const token = await requestAndReadToken(therapist.email);
    const results = await Promise.allSettled([
      anonymousCaller().passwordReset.reset({ token, password: "first of two passphrases" }),
      anonymousCaller().passwordReset.reset({ token, password: "second of two passphrases" }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await getDb().auditEvent.count({ where: { action: "password_reset.used", targetId: therapist.id } })).toBe(1);
  });

  it("expires after an hour", async () => {
    const therapist = await createTherapist();
    const token = await requestAndReadToken(therapist.email);
    await getDb().passwordReset.updateMany({ where: { userId: therapist.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await anonymousCaller().passwordReset.check({ token })).toEqual({ usable: false });
    await expect(anonymousCaller().passwordReset.reset({ token, password: NEW_PASSWORD })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await authenticate(getDb(), { email: therapist.email, password: TEST_PASSWORD }, meta())).not.toBeNull();
  });

  it("retires older links when a newer one is issued or one is used", async () => {
    const admin = await createAdmin();
    const therapist = await createTherapist();
    const first = await requestAndReadToken(therapist.email);
    const issued = await callerFor(admin).admin.issuePasswordReset({ userId: therapist.id });
    const second = issued.link?.split("/reset-password/")[1] ?? "";
    expect(await anonymousCaller().passwordReset.check({ token: first })).toEqual({ usable: false });
    await anonymousCaller().passwordReset.reset({ token: second, password: NEW_PASSWORD });
    expect(await getDb().auditEvent.count({ where: { action: "password_reset.used", targetId: therapist.id } })).toBe(1);
  });

  it("cannot be used for a deactivated account", async () => {
    const admin = await createAdmin();
    const therapist = await createTherapist();
    const token = await requestAndReadToken(therapist.email);
    await callerFor(admin).admin.deactivate({ userId: therapist.id });
    await expect(anonymousCaller().passwordReset.reset({ token, password: NEW_PASSWORD })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("refuses malformed tokens and weak passwords before touching anything", async () => {
    expect(await anonymousCaller().passwordReset.check({ token: "not-a-token" })).toEqual({ usable: false });
    const therapist = await createTherapist();
    const token = await requestAndReadToken(therapist.email);
    await expect(anonymousCaller().passwordReset.reset({ token, password: "short" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(anonymousCaller().passwordReset.reset({ token: "x".repeat(101), password: NEW_PASSWORD })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect(await anonymousCaller().passwordReset.check({ token })).toEqual({ usable: true });
  });
});
