import { describe, expect, it } from "vitest";
import { getDb } from "../../server/db";
import { authenticate, currentSessionUser, LOCKOUT_THRESHOLD } from "../../server/services/accounts/sign-in";
import { callerFor, createAdmin, createClientOf, createTherapist, TEST_PASSWORD } from "../support/factories";

const meta = { requestId: "test-request", ip: "198.51.100.1" };

describe("procedure tiers", () => {
  it("refuses signed-out callers with UNAUTHORIZED", async () => {
    await expect(callerFor(null).account.changePassword({ currentPassword: "x", newPassword: "y".repeat(12) })).rejects.toMatchObject({
      code: "UNAUTHORIZED",
    });
  });

  it("answers me with null when signed out and with the user when signed in", async () => {
    expect(await callerFor(null).account.me()).toBeNull();
    const therapist = await createTherapist();
    expect(await callerFor(therapist).account.me()).toEqual({
      id: therapist.id,
      email: therapist.email,
      name: therapist.name,
      role: "THERAPIST",
    });
  });

  it("never returns a password hash from me", async () => {
    const admin = await createAdmin();
    const me = await callerFor(admin).account.me();
    expect(JSON.stringify(me)).not.toMatch(/argon2|passwordHash/);
  });
});

describe("sign-in", () => {
  it("accepts the right password and records the sign-in", async () => {
    const therapist = await createTherapist();
    const user = await authenticate(getDb(), { email: therapist.email.toUpperCase(), password: TEST_PASSWORD }, meta);
    expect(user?.id).toBe(therapist.id);
    const events = await getDb().auditEvent.findMany({ where: { actorId: therapist.id, action: "auth.sign_in" } });
    expect(events).toHaveLength(1);
  });

  it("answers an unknown email and a wrong password the same way, and audits both", async () => {
    const therapist = await createTherapist();
    expect(await authenticate(getDb(), { email: "nobody@example.test", password: TEST_PASSWORD }, meta)).toBeNull();
    expect(await authenticate(getDb(), { email: therapist.email, password: "wrong password" }, meta)).toBeNull();
    const failures = await getDb().auditEvent.count({ where: { action: "auth.sign_in_failed" } });
    expect(failures).toBe(2);
  });

  it("refuses a deactivated account even with the right password", async () => {
    const therapist = await createTherapist({ status: "DEACTIVATED" });
    expect(await authenticate(getDb(), { email: therapist.email, password: TEST_PASSWORD }, meta)).toBeNull();
  });

  it("locks an account after repeated failures, even against the right password", async () => {
    const therapist = await createTherapist();
    for (let i = 0; i < LOCKOUT_THRESHOLD; i++) {
      await authenticate(getDb(), { email: therapist.email, password: `wrong-${i}` }, meta);
    }
    expect(await authenticate(getDb(), { email: therapist.email, password: TEST_PASSWORD }, meta)).toBeNull();
    expect(await getDb().auditEvent.count({ where: { action: "auth.lockout", targetId: therapist.id } })).toBe(1);
  });
});

describe("sessions are re-checked on every request", () => {
  it("keeps a current session", async () => {
    const therapist = await createTherapist();
    expect(await currentSessionUser(getDb(), therapist)).toMatchObject({ id: therapist.id });
  });

  it("ends the session of a deactivated user", async () => {
    const therapist = await createTherapist();
    await getDb().user.update({ where: { id: therapist.id }, data: { status: "DEACTIVATED" } });
    expect(await currentSessionUser(getDb(), therapist)).toBeNull();
  });

  it("ends a session whose version is older than the account's", async () => {
    const therapist = await createTherapist();
    await getDb().user.update({ where: { id: therapist.id }, data: { sessionVersion: { increment: 1 } } });
    expect(await currentSessionUser(getDb(), therapist)).toBeNull();
  });

  it("ends a session whose role changed", async () => {
    const therapist = await createTherapist();
    const client = await createClientOf(therapist);
    await getDb().user.update({ where: { id: client.id }, data: { role: "THERAPIST" } });
    expect(await currentSessionUser(getDb(), client)).toBeNull();
  });
});

describe("changing my password", () => {
  it("requires the current password and changes nothing when it is wrong", async () => {
    const therapist = await createTherapist();
    const before = await getDb().user.findUniqueOrThrow({ where: { id: therapist.id } });
    await expect(
      callerFor(therapist).account.changePassword({ currentPassword: "not it", newPassword: "a brand new passphrase" }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    const after = await getDb().user.findUniqueOrThrow({ where: { id: therapist.id } });
    expect(after.passwordHash).toBe(before.passwordHash);
    expect(after.sessionVersion).toBe(before.sessionVersion);
  });

  it("rejects a too-short new password with a field error", async () => {
    const therapist = await createTherapist();
    await expect(
      callerFor(therapist).account.changePassword({ currentPassword: TEST_PASSWORD, newPassword: "short" }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("changes the password, ends older sessions and audits it", async () => {
    const therapist = await createTherapist();
    await callerFor(therapist).account.changePassword({ currentPassword: TEST_PASSWORD, newPassword: "a brand new passphrase" });
    expect(await currentSessionUser(getDb(), therapist)).toBeNull();
    expect(await authenticate(getDb(), { email: therapist.email, password: "a brand new passphrase" }, meta)).not.toBeNull();
    expect(await getDb().auditEvent.count({ where: { action: "account.password_changed", actorId: therapist.id } })).toBe(1);
  });
});

describe("throttling by client address", () => {
  it("counts only failed attempts, then refuses even the right password from that address", async () => {
    const { IP_FAILURES_PER_15_MIN } = await import("../../server/services/accounts/sign-in");
    const therapist = await createTherapist();
    const address = { requestId: "throttle", ip: "192.0.2.44" };
    // Many successful sign-ins from one address (a shared practice network) are fine.
    for (let i = 0; i < IP_FAILURES_PER_15_MIN + 2; i++) {
      expect(await authenticate(getDb(), { email: therapist.email, password: TEST_PASSWORD }, address)).not.toBeNull();
    }
    for (let i = 0; i < IP_FAILURES_PER_15_MIN; i++) {
      await authenticate(getDb(), { email: `nobody-${i}@example.test`, password: "guess" }, address);
    }
    expect(await authenticate(getDb(), { email: therapist.email, password: TEST_PASSWORD }, address)).toBeNull();
    // Another address is unaffected.
    expect(await authenticate(getDb(), { email: therapist.email, password: TEST_PASSWORD }, { requestId: "x", ip: "192.0.2.45" })).not.toBeNull();
  }, 60_000);
});
