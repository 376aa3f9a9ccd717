import { describe, expect, it } from "vitest";
import { getDb } from "../../server/db";
import type { PrismaClient } from "../../server/generated/prisma/client";
import { LAST_ADMIN_MESSAGE } from "../../server/services/accounts/changes";
import { callerFor, createAdmin, createTherapist } from "../support/factories";

const activeAdmins = () => getDb().user.findMany({ where: { role: "ADMIN", status: "ACTIVE" }, select: { id: true } });

/** Makes every account change start alone: these tests count admins across the whole database. */
async function onlyAdmins(...ids: string[]) {
  await getDb().user.updateMany({ where: { role: "ADMIN", id: { notIn: ids } }, data: { status: "DEACTIVATED" } });
}

describe("an admin cannot remove themselves", () => {
  it("refuses self-deactivation and self-demotion, changing nothing", async () => {
    const admin = await createAdmin();
    await createAdmin();
    await expect(callerFor(admin).admin.deactivate({ userId: admin.id })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(callerFor(admin).admin.changeRole({ userId: admin.id, role: "THERAPIST" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    const after = await getDb().user.findUniqueOrThrow({ where: { id: admin.id } });
    expect(after).toMatchObject({ role: "ADMIN", status: "ACTIVE", sessionVersion: admin.sessionVersion });
    expect(await getDb().auditEvent.count({ where: { targetId: admin.id } })).toBe(0);
  });
});

describe("the last active admin", () => {
  it("can never be deactivated or demoted, even by a direct call", async () => {
    const survivor = await createAdmin();
    const other = await createAdmin();
    await onlyAdmins(survivor.id, other.id);
    // `other` removes `survivor`'s only peer... then nobody can remove the survivor.
    await callerFor(survivor).admin.deactivate({ userId: other.id });
    expect(await activeAdmins()).toEqual([{ id: survivor.id }]);
    // A stale session of the deactivated admin would be refused at the door; called directly,
    // the guard inside the transaction still holds.
    await expect(callerFor(other).admin.deactivate({ userId: survivor.id })).rejects.toMatchObject({ code: "CONFLICT", message: LAST_ADMIN_MESSAGE });
    await expect(callerFor(other).admin.changeRole({ userId: survivor.id, role: "THERAPIST" })).rejects.toMatchObject({
      code: "CONFLICT",
      message: LAST_ADMIN_MESSAGE,
    });
    expect(await activeAdmins()).toEqual([{ id: survivor.id }]);
  });

  it("survives two admins removing each other at the same moment: exactly one succeeds", async () => {
    for (let round = 0; round < 3; round++) {
      const a = await createAdmin();
      const b = await createAdmin();
      await onlyAdmins(a.id, b.id);
      const results = await Promise.allSettled([
        callerFor(a).admin.deactivate({ userId: b.id }),
        callerFor(b).admin.deactivate({ userId: a.id }),
      ]);
      // On PGlite (the default test database) the two transactions are serialised by the single
      // session, so this only races for real with TEST_DATABASE_URL on PostgreSQL; the end state
      // is asserted exactly either way.
      expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
      const refused = results.find((r) => r.status === "rejected");
      expect(refused?.reason).toMatchObject({ code: "CONFLICT", message: LAST_ADMIN_MESSAGE });
      const [winner, loser] = results[0].status === "fulfilled" ? [a, b] : [b, a];
      expect(await activeAdmins()).toEqual([{ id: winner.id }]);
      expect(await getDb().user.findUniqueOrThrow({ where: { id: winner.id } })).toMatchObject({ role: "ADMIN", status: "ACTIVE", sessionVersion: winner.sessionVersion });
      const removed = await getDb().user.findUniqueOrThrow({ where: { id: loser.id } });
      expect(removed).toMatchObject({ role: "ADMIN", status: "DEACTIVATED" });
      expect(removed.sessionVersion).toBeGreaterThan(loser.sessionVersion);
      const audited = await getDb().auditEvent.findMany({ where: { action: "account.deactivated", targetId: { in: [a.id, b.id] } } });
      expect(audited).toMatchObject([{ actorId: winner.id, targetId: loser.id }]);
    }
  });

  it("survives a demotion racing a deactivation", async () => {
    const a = await createAdmin();
    const b = await createAdmin();
    await onlyAdmins(a.id, b.id);
    const results = await Promise.allSettled([
      callerFor(a).admin.changeRole({ userId: b.id, role: "THERAPIST" }),
      callerFor(b).admin.deactivate({ userId: a.id }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(results.find((r) => r.status === "rejected")?.reason).toMatchObject({ code: "CONFLICT", message: LAST_ADMIN_MESSAGE });
    // Whichever won, the other one is still an active admin and the loser's target is untouched.
    const demoted = results[0].status === "fulfilled";
    expect(await activeAdmins()).toEqual([{ id: demoted ? a.id : b.id }]);
    expect(await getDb().user.findUniqueOrThrow({ where: { id: b.id } })).toMatchObject(demoted ? { role: "THERAPIST", status: "ACTIVE" } : { role: "ADMIN", status: "ACTIVE" });
    expect(await getDb().user.findUniqueOrThrow({ where: { id: a.id } })).toMatchObject(demoted ? { role: "ADMIN", status: "ACTIVE" } : { role: "ADMIN", status: "DEACTIVATED" });
  });

  it("can be removed once there is another active admin", async () => {
    const a = await createAdmin();
    const b = await createAdmin();
    await onlyAdmins(a.id, b.id);
    await callerFor(a).admin.changeRole({ userId: b.id, role: "THERAPIST" });
    await callerFor(a).admin.changeRole({ userId: b.id, role: "ADMIN" });
    await callerFor(b).admin.deactivate({ userId: a.id });
    expect(await activeAdmins()).toEqual([{ id: b.id }]);
  });
});

describe("audit rows roll back with a failed action", () => {
  /** A database client on which the action fails right after its audit row is written. */
  function failingAfterAudit(): PrismaClient {
    return getDb().$extends({
      query: {
        auditEvent: {
          async create({ args, query }) {
            await query(args);
            throw new Error("simulated failure after the audit write");
          },
        },
      },
    }) as unknown as PrismaClient;
  }

  it("leaves neither the change nor its audit row when the transaction fails", async () => {
    const { changeAccount } = await import("../../server/services/accounts/changes");
    const admin = await createAdmin();
    const therapist = await createTherapist();
    const actor = { actorId: admin.id, actorRole: "ADMIN" as const, requestId: "r", ip: null };
    await expect(changeAccount(failingAfterAudit(), actor, therapist.id, { kind: "deactivate" })).rejects.toThrow(/simulated failure/);
    await expect(changeAccount(failingAfterAudit(), actor, therapist.id, { kind: "changeRole", role: "ADMIN" })).rejects.toThrow(/simulated failure/);
    expect(await getDb().user.findUniqueOrThrow({ where: { id: therapist.id } })).toMatchObject({ status: "ACTIVE", role: "THERAPIST", sessionVersion: therapist.sessionVersion });
    expect(await getDb().auditEvent.count({ where: { targetId: therapist.id } })).toBe(0);
  });

  it("leaves no password reset and no audit row when issuing fails", async () => {
    const { issuePasswordReset } = await import("../../server/services/accounts/password-reset");
    const admin = await createAdmin();
    const therapist = await createTherapist();
    const actor = { actorId: admin.id, actorRole: "ADMIN" as const, requestId: "r", ip: null };
    await expect(issuePasswordReset(failingAfterAudit(), actor, therapist.id)).rejects.toThrow(/simulated failure/);
    expect(await getDb().passwordReset.count({ where: { userId: therapist.id } })).toBe(0);
    expect(await getDb().auditEvent.count({ where: { targetId: therapist.id } })).toBe(0);
  });
});
