import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { getDb } from "../../server/db";
import { hashToken } from "../../server/services/tokens";
import { INVALID_INVITATION_MESSAGE } from "../../server/services/invitations";
import { uuid } from "../support/assign-fixtures";
import { callerFor, createClientOf, createTherapist, TEST_PASSWORD } from "../support/factories";

const NEW_PASSWORD = "meadow lantern quietly copper";
const tokenOf = (link: string) => new URL(link).pathname.split("/").pop()!;
const freshEmail = () => `person-${uuid()}@example.test`;

async function invite(name = "Robin Example", email = freshEmail()) {
  const therapist = await createTherapist();
  const result = await callerFor(therapist).client.invite({ name, email });
  return { therapist, result, token: tokenOf(result.link!), email: email.toLowerCase() };
}

describe("inviting a client", () => {
  it("stores only a hash of a 256-bit token, writes a neutral email to the outbox and shows the link once", async () => {
    const { therapist, result, token } = await invite("Robin Example", "Robin.Mixed@Example.TEST");
    expect(result).toMatchObject({ email: "robin.mixed@example.test", delivered: "outbox" });
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const stored = await getDb().invitation.findUniqueOrThrow({ where: { id: result.invitationId } });
    expect(stored.tokenHash).toBe(hashToken(token));
    expect(JSON.stringify(stored)).not.toContain(token);
    expect(stored.expiresAt.getTime() - Date.now()).toBeGreaterThan(6.9 * 24 * 3600 * 1000);
    const mail = await getDb().auditEvent.findFirstOrThrow({ where: { action: "invitation.created", actorId: therapist.id } });
    expect(JSON.stringify(mail.detail)).not.toContain(token);
    const eml = fs.readdirSync(process.env.OUTBOX_DIR as string).find((f) => f.includes("robin.mixed@example.test"));
    const text = fs.readFileSync(`${process.env.OUTBOX_DIR}/${eml}`, "utf8");
    expect(text).toContain("Subject: An invitation from your practitioner");
    expect(text.replace(/=\r?\n/g, "")).toContain(token);
    expect(await callerFor(therapist).client.invitations()).toMatchObject([{ id: result.invitationId, expired: false }]);
  });

  it("refuses someone already in my care and staff emails", async () => {
    const therapist = await createTherapist();
    const client = await createClientOf(therapist);
    const colleague = await createTherapist();
    await expect(callerFor(therapist).client.invite({ name: "Again", email: client.email })).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(callerFor(therapist).client.invite({ name: "Colleague", email: colleague.email })).rejects.toMatchObject({ code: "CONFLICT" });
  });
});

describe("accepting", () => {
  it("creates an active client in my care, once; the link then stops working", async () => {
    const { therapist, token, email } = await invite();
    expect(await callerFor(null).invite.describe({ token })).toMatchObject({ email, role: "CLIENT", existingAccount: false });
    expect(await callerFor(null).invite.accept({ token, password: NEW_PASSWORD })).toEqual({ email, role: "CLIENT" });
    const user = await getDb().user.findUniqueOrThrow({ where: { email } });
    expect(user).toMatchObject({ role: "CLIENT", status: "ACTIVE" });
    expect(await getDb().careRelationship.count({ where: { therapistId: therapist.id, clientId: user.id, active: true } })).toBe(1);
    expect((await callerFor(therapist).client.list()).map((c) => c.id)).toEqual([user.id]);
    expect(await callerFor(therapist).client.invitations()).toEqual([]);

    expect(await callerFor(null).invite.describe({ token })).toBeNull();
    await expect(callerFor(null).invite.accept({ token, password: NEW_PASSWORD })).rejects.toMatchObject({ code: "NOT_FOUND", message: INVALID_INVITATION_MESSAGE });
  });

  it("creates exactly one account when the same link is accepted five times at once", async () => {
    const { token, email } = await invite();
    const settled = await Promise.allSettled(Array.from({ length: 5 }, () => callerFor(null).invite.accept({ token, password: NEW_PASSWORD })));
    expect(settled.filter((s) => s.status === "fulfilled")).toHaveLength(1);
    expect(await getDb().user.count({ where: { email } })).toBe(1);
    expect(await getDb().auditEvent.count({ where: { action: "invitation.accepted" } })).toBeGreaterThanOrEqual(1);
  });

  it("gives one calm answer for expired, tampered, malformed and revoked links", async () => {
    const expired = await invite();
    await getDb().invitation.updateMany({ where: { email: expired.email }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const tampered = await invite();
    const flipped = tampered.token.slice(0, -1) + (tampered.token.endsWith("A") ? "B" : "A");
    const revoked = await invite();
    await callerFor(revoked.therapist).client.revokeInvite({ id: revoked.result.invitationId });

    for (const token of [expired.token, flipped, "not-a-token", revoked.token]) {
      expect(await callerFor(null).invite.describe({ token })).toBeNull();
      await expect(callerFor(null).invite.accept({ token, password: NEW_PASSWORD })).rejects.toMatchObject({ code: "NOT_FOUND", message: INVALID_INVITATION_MESSAGE });
    }
    expect(await getDb().user.count({ where: { email: { in: [expired.email, tampered.email, revoked.email] } } })).toBe(0);
    expect(await getDb().auditEvent.count({ where: { action: "invitation.revoked", targetId: revoked.result.invitationId } })).toBe(1);
  });

  it("refuses a weak password and leaves the invitation usable", async () => {
    const { token, email } = await invite();
    await expect(callerFor(null).invite.accept({ token, password: "short" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect(await getDb().user.count({ where: { email } })).toBe(0);
    expect(await callerFor(null).invite.describe({ token })).not.toBeNull();
  });

  it("links an existing client account after checking its password, without a duplicate", async () => {
    const firstTherapist = await createTherapist();
    const existing = await createClientOf(firstTherapist);
    const therapist = await createTherapist();
    const result = await callerFor(therapist).client.invite({ name: "Existing", email: existing.email });
    const token = tokenOf(result.link!);
    expect(await callerFor(null).invite.describe({ token })).toMatchObject({ existingAccount: true });
    await expect(callerFor(null).invite.accept({ token, password: "a wrong password entirely" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await callerFor(null).invite.accept({ token, password: TEST_PASSWORD });
    expect(await getDb().user.count({ where: { email: existing.email } })).toBe(1);
    expect(await getDb().careRelationship.count({ where: { clientId: existing.id, active: true } })).toBe(2);
  });
});

describe("resending", () => {
  it("retires the old link and sends a new one", async () => {
    const { therapist, result, token } = await invite();
    const resent = await callerFor(therapist).client.resendInvite({ id: result.invitationId });
    const newToken = tokenOf(resent.link!);
    expect(newToken).not.toBe(token);
    expect(await callerFor(null).invite.describe({ token })).toBeNull();
    expect(await callerFor(null).invite.describe({ token: newToken })).not.toBeNull();
    expect(await getDb().auditEvent.count({ where: { action: "invitation.resent", actorId: therapist.id } })).toBe(1);
    expect((await callerFor(therapist).client.invitations()).map((i) => i.id)).toEqual([resent.invitationId]);
  });
});
