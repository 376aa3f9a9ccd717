// Regression tests for defects found in the server security review: audit gaps, a title leak
// through reading plans, and the password-change rules.
import { describe, expect, it } from "vitest";
import type { JWT } from "next-auth/jwt";
import { authOptions } from "../../server/auth";
import { getDb } from "../../server/db";
import { CHANGE_PASSWORD_FAILURES } from "../../server/services/accounts/change-password";
import { UNAVAILABLE_TITLE } from "../../server/services/assignments/assign";
import { authenticate, LOCKOUT_THRESHOLD } from "../../server/services/accounts/sign-in";
import { createCollection, createResource, uuid } from "../support/assign-fixtures";
import { callerFor, createAdmin, createClientOf, createTherapist, TEST_PASSWORD } from "../support/factories";

const tokenOf = (link: string) => new URL(link).pathname.split("/").pop()!;
const NEW_PASSWORD = "meadow lantern quietly copper";

describe("account created (audit)", () => {
  it("records account.created for the new account, in step with invitation.accepted", async () => {
    const therapist = await createTherapist();
    const email = `new-${uuid()}@example.test`;
    const invited = await callerFor(therapist).client.invite({ name: "New Person", email });
    await callerFor(null).invite.accept({ token: tokenOf(invited.link!), password: NEW_PASSWORD });
    const user = await getDb().user.findUniqueOrThrow({ where: { email }, select: { id: true } });
    const created = await getDb().auditEvent.findMany({ where: { action: "account.created", targetType: "User", targetId: user.id } });
    expect(created).toHaveLength(1);
    expect(created[0]).toMatchObject({ actorId: user.id, actorRole: "CLIENT", ip: "203.0.113.7" });
    expect(created[0]!.detail).toMatchObject({ role: "CLIENT", via: "invitation", invitationId: invited.invitationId });
    expect(JSON.stringify(created[0]!.detail)).not.toContain(NEW_PASSWORD);
  });

  it("records it for staff invited by an admin too", async () => {
    const admin = await createAdmin();
    const email = `staff-${uuid()}@example.test`;
    const invited = await callerFor(admin).admin.inviteStaff({ email, name: "New Colleague", role: "THERAPIST" });
    await callerFor(null).invite.accept({ token: tokenOf(invited.link!), password: NEW_PASSWORD });
    const user = await getDb().user.findUniqueOrThrow({ where: { email }, select: { id: true } });
    expect(await getDb().auditEvent.count({ where: { action: "account.created", targetId: user.id } })).toBe(1);
  });

  it("does not claim an account was created when an existing one is linked", async () => {
    const first = await createTherapist();
    const client = await createClientOf(first);
    const second = await createTherapist();
    const invited = await callerFor(second).client.invite({ name: client.name, email: client.email });
    await callerFor(null).invite.accept({ token: tokenOf(invited.link!), password: TEST_PASSWORD });
    expect(await getDb().auditEvent.count({ where: { action: "account.created", targetId: client.id } })).toBe(0);
    expect(await getDb().auditEvent.count({ where: { action: "invitation.accepted", targetId: invited.invitationId } })).toBe(1);
  });
});

describe("linking an existing account by invitation", () => {
  it("is refused while the account is locked out, even with the right password", async () => {
    const first = await createTherapist();
    const client = await createClientOf(first);
    for (let i = 0; i < LOCKOUT_THRESHOLD; i++) {
      await authenticate(getDb(), { email: client.email, password: `wrong-${i}` }, { requestId: "r", ip: "198.51.100.60" });
    }
    const second = await createTherapist();
    const invited = await callerFor(second).client.invite({ name: client.name, email: client.email });
    await expect(callerFor(null).invite.accept({ token: tokenOf(invited.link!), password: TEST_PASSWORD })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect(await getDb().careRelationship.count({ where: { therapistId: second.id, clientId: client.id } })).toBe(0);
  });

  it("counts wrong passwords towards the sign-in lock-out", async () => {
    const first = await createTherapist();
    const client = await createClientOf(first);
    const second = await createTherapist();
    const invited = await callerFor(second).client.invite({ name: client.name, email: client.email });
    const token = tokenOf(invited.link!);
    for (let i = 0; i < LOCKOUT_THRESHOLD; i++) {
      await expect(callerFor(null).invite.accept({ token, password: `guess number ${i}` })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    }
    const row = await getDb().user.findUniqueOrThrow({ where: { id: client.id }, select: { lockedUntil: true } });
    expect(row.lockedUntil?.getTime()).toBeGreaterThan(Date.now());
    expect(await getDb().auditEvent.count({ where: { action: "auth.lockout", targetId: client.id } })).toBe(1);
    expect(await getDb().auditEvent.count({ where: { action: "auth.sign_in_failed", targetId: client.id } })).toBe(LOCKOUT_THRESHOLD);
    // Locked now: the right password doesn't link either.
    await expect(callerFor(null).invite.accept({ token, password: TEST_PASSWORD })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });
});

describe("assigning a reading plan", () => {
  it("does not reveal the title of a plan item its author has since made private", async () => {
    const author = await createTherapist();
    const therapist = await createTherapist();
    const client = await createClientOf(therapist);
    const open = await createResource();
    const secret = await createResource({ ownerId: author.id, visibility: "SHARED", title: "Shared for now" });
    const plan = await createCollection(therapist.id, [open.id, secret.id]);
    // The author makes it private and renames it: from now on it is invisible to the colleague.
    await getDb().resource.update({ where: { id: secret.id }, data: { visibility: "PRIVATE", title: "Private notes about Alex" } });
    const ownDraft = await createResource({ ownerId: therapist.id, visibility: "PRIVATE", status: "DRAFT", title: "My own draft" });
    await getDb().collectionItem.create({ data: { collectionId: plan.id, resourceId: ownDraft.id, position: 2 } });

    const results = await callerFor(therapist).assignment.create({ collectionId: plan.id, clientIds: [client.id] });
    expect(results.map((r) => r.outcome)).toEqual(["assigned", "unavailable", "unavailable"]);
    expect(JSON.stringify(results)).not.toContain("Private notes about Alex");
    expect(results.find((r) => r.resourceId === secret.id)?.resourceTitle).toBe(UNAVAILABLE_TITLE);
    // What the therapist can still see keeps its name.
    expect(results.find((r) => r.resourceId === ownDraft.id)?.resourceTitle).toBe("My own draft");
  });
});

describe("reads of client data (audit)", () => {
  it("audits the assign dialog's client list, which tells who already has a reading", async () => {
    const therapist = await createTherapist();
    await createClientOf(therapist);
    await createClientOf(therapist);
    const resource = await createResource();
    const options = await callerFor(therapist).assignment.clientOptions({ resourceId: resource.id });
    expect(options).toHaveLength(2);
    const events = await getDb().auditEvent.findMany({ where: { actorId: therapist.id, action: "client_data.viewed" } });
    expect(events).toHaveLength(1);
    expect(events[0]!.detail).toMatchObject({ view: "assign_picker", clients: 2, resourceId: resource.id });
  });
});

describe("sign-out (audit)", () => {
  it("records the request id and client address of the sign-out request", async () => {
    const therapist = await createTherapist();
    const signOut = authOptions({ requestId: "req-signout-1", ip: "198.51.100.23" }).events?.signOut;
    const token = { id: therapist.id, role: "THERAPIST", sessionVersion: 1, authAt: 0 } as JWT;
    await signOut?.({ token, session: undefined as never });
    const event = await getDb().auditEvent.findFirstOrThrow({ where: { action: "auth.sign_out", actorId: therapist.id } });
    expect(event).toMatchObject({ requestId: "req-signout-1", ip: "198.51.100.23", targetId: therapist.id });
  });
});

describe("changing my own password", () => {
  it("retires a reset link issued before the change, so it cannot undo it", async () => {
    const admin = await createAdmin();
    const therapist = await createTherapist();
    const issued = await callerFor(admin).admin.issuePasswordReset({ userId: therapist.id });
    const token = tokenOf(issued.link!);
    expect(await callerFor(null).passwordReset.check({ token })).toEqual({ usable: true });

    await callerFor(therapist).account.changePassword({ currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD });
    expect(await callerFor(null).passwordReset.check({ token })).toEqual({ usable: false });
    await expect(callerFor(null).passwordReset.reset({ token, password: "someone else's choice" })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("stops guessing of the current password from a signed-in session", async () => {
    const therapist = await createTherapist();
    const caller = callerFor(therapist);
    for (let i = 0; i < CHANGE_PASSWORD_FAILURES; i++) {
      await expect(caller.account.changePassword({ currentPassword: `guess-${i}`, newPassword: NEW_PASSWORD })).rejects.toMatchObject({
        code: "BAD_REQUEST",
      });
    }
    // Even the right password is refused now, and nothing changes.
    await expect(caller.account.changePassword({ currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD })).rejects.toMatchObject({
      code: "TOO_MANY_REQUESTS",
    });
    const row = await getDb().user.findUniqueOrThrow({ where: { id: therapist.id }, select: { sessionVersion: true } });
    expect(row.sessionVersion).toBe(therapist.sessionVersion);
  });
});

describe("assignment export route", () => {
  it("refuses a cross-site request before touching the session", async () => {
    const { GET } = await import("../../app/api/export/assignments/route");
    const crossSite = await GET(new Request("http://localhost:3000/api/export/assignments", { headers: { "sec-fetch-site": "cross-site" } }));
    expect(crossSite.status).toBe(403);
    // Without a session (no request scope here), the same-site request is asked to sign in instead.
    const sameSite = await GET(new Request("http://localhost:3000/api/export/assignments", { headers: { "sec-fetch-site": "same-origin" } }));
    expect(sameSite.status).toBe(401);
  });
});
