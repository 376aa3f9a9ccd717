import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { authOptions } from "../../server/auth";
import { getDb } from "../../server/db";
import { acceptInvitation } from "../../server/services/invitations";
import { authenticate, currentSessionUser } from "../../server/services/accounts/sign-in";
import { callerFor, createAdmin, createClientOf, createTherapist, createUser, TEST_PASSWORD, type TestUser } from "../support/factories";

const meta = { requestId: "test-request", ip: "198.51.100.9" };

/** What next-auth's jwt callback does on every request (pages and tRPC alike): throws to end the session. */
async function sessionStillWorks(user: TestUser): Promise<boolean> {
  const jwt = authOptions().callbacks?.jwt;
  if (!jwt) throw new Error("jwt callback missing");
  const token = { id: user.id, role: user.role, sessionVersion: user.sessionVersion, authAt: Math.floor(Date.now() / 1000), email: user.email, name: user.name };
  try {
    await jwt({ token, trigger: "update" } as Parameters<typeof jwt>[0]);
    return true;
  } catch (error) {
    expect(String(error)).toMatch(/session ended/);
    return false;
  }
}

describe("listing accounts", () => {
  it("filters by role and status, searches names and emails, and pages without repeats", async () => {
    const admin = await createAdmin();
    const therapists = [];
    for (let i = 0; i < 7; i++) therapists.push(await createTherapist({ name: `Listed Therapist ${i}` }));
    await createTherapist({ name: "Gone Therapist", status: "DEACTIVATED" });
    const caller = callerFor(admin);

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: Awaited<ReturnType<typeof caller.admin.listAccounts>> = await caller.admin.listAccounts({ role: "THERAPIST", status: "ACTIVE", limit: 3, cursor });
      seen.push(...page.items.map((row) => row.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen.sort()).toEqual(therapists.map((t) => t.id).sort());

    const byName = await caller.admin.listAccounts({ search: "gone THERAPIST" });
    expect(byName.items.map((row) => row.name)).toEqual(["Gone Therapist"]);
    const byEmail = await caller.admin.listAccounts({ search: therapists[0]?.email.toUpperCase() });
    expect(byEmail.items.map((row) => row.id)).toEqual([therapists[0]?.id]);
    const deactivated = await caller.admin.listAccounts({ status: "DEACTIVATED" });
    expect(deactivated.items.map((row) => row.name)).toEqual(["Gone Therapist"]);
    expect(JSON.stringify(byName)).not.toMatch(/argon2|passwordHash/);
  });
});

describe("deactivating and reactivating", () => {
  it("ends the account's open sessions at once and refuses its sign-in, then lets it back", async () => {
    const admin = await createAdmin();
    const therapist = await createTherapist();
    expect(await sessionStillWorks(therapist)).toBe(true);

    await callerFor(admin).admin.deactivate({ userId: therapist.id });
    expect(await currentSessionUser(getDb(), therapist)).toBeNull();
    expect(await sessionStillWorks(therapist)).toBe(false);
    expect(await authenticate(getDb(), { email: therapist.email, password: TEST_PASSWORD }, meta)).toBeNull();

    await callerFor(admin).admin.reactivate({ userId: therapist.id });
    // The old session stays ended; a fresh sign-in works.
    expect(await sessionStillWorks(therapist)).toBe(false);
    const signedIn = await authenticate(getDb(), { email: therapist.email, password: TEST_PASSWORD }, meta);
    expect(signedIn?.id).toBe(therapist.id);
    expect(await currentSessionUser(getDb(), { ...therapist, sessionVersion: signedIn?.sessionVersion ?? -1 })).not.toBeNull();

    const actions = await getDb().auditEvent.findMany({ where: { actorId: admin.id, targetId: therapist.id }, orderBy: { at: "asc" }, select: { action: true } });
    expect(actions.map((a) => a.action)).toEqual(["account.deactivated", "account.reactivated"]);
  });

  it("keeps a deactivated therapist's clients, histories and care relationships, visible to admins", async () => {
    const admin = await createAdmin();
    const therapist = await createTherapist();
    const client = await createClientOf(therapist);
    const resource = await getDb().resource.create({
      data: { slug: `history-${therapist.id}`, title: "Why early care shapes us", summary: "s", body: "b", kind: "ARTICLE", readingMinutes: 3 },
    });
    await getDb().assignment.create({ data: { therapistId: therapist.id, clientId: client.id, resourceId: resource.id, openCount: 2, progress: 60 } });

    await callerFor(admin).admin.deactivate({ userId: therapist.id });

    expect(await getDb().careRelationship.count({ where: { therapistId: therapist.id, active: true } })).toBe(1);
    const history = await callerFor(admin).admin.clientHistory({ userId: client.id });
    expect(history).toMatchObject([{ resourceTitle: "Why early care shapes us", therapistName: therapist.name, openCount: 2, progress: 60 }]);
    const caseload = await callerFor(admin).admin.caseload({ userId: therapist.id });
    expect(caseload).toMatchObject([{ clientId: client.id, careStatus: "ACTIVE", assignmentCount: 1 }]);
    // Both reads of client data are on the record.
    const viewed = await getDb().auditEvent.findMany({ where: { action: "client_data.viewed", actorId: admin.id }, select: { targetId: true } });
    expect(viewed.map((v) => v.targetId).sort()).toEqual([client.id, therapist.id].sort());
  });

  it("withdraws the pending invitations a deactivated therapist had sent", async () => {
    const admin = await createAdmin();
    const therapist = await createTherapist();
    await getDb().invitation.create({
      data: { tokenHash: `hash-${therapist.id}`, email: "future@example.test", name: "Future", role: "CLIENT", invitedById: therapist.id, therapistId: therapist.id, expiresAt: new Date(Date.now() + 86_400_000) },
    });
    await callerFor(admin).admin.deactivate({ userId: therapist.id });
    expect(await getDb().invitation.count({ where: { invitedById: therapist.id, revokedAt: null } })).toBe(0);
  });
});

describe("changing a role", () => {
  it("ends the account's sessions and records from and to", async () => {
    const admin = await createAdmin();
    const therapist = await createTherapist();
    const changed = await callerFor(admin).admin.changeRole({ userId: therapist.id, role: "ADMIN" });
    expect(changed.role).toBe("ADMIN");
    expect(await currentSessionUser(getDb(), therapist)).toBeNull();
    expect(await sessionStillWorks(therapist)).toBe(false);
    const event = await getDb().auditEvent.findFirstOrThrow({ where: { action: "account.role_changed", targetId: therapist.id } });
    expect(event.detail).toEqual({ from: "THERAPIST", to: "ADMIN" });
    expect(event.actorId).toBe(admin.id);
  });

  it("keeps clients as clients", async () => {
    const admin = await createAdmin();
    const client = await createClientOf(await createTherapist());
    await expect(callerFor(admin).admin.changeRole({ userId: client.id, role: "THERAPIST" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("answers NOT_FOUND for an account that does not exist", async () => {
    const admin = await createAdmin();
    await expect(callerFor(admin).admin.deactivate({ userId: "cl0000000000000000000000" })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("inviting staff", () => {
  it("creates a single-use invitation with a hashed token, shows the link once without SMTP, and audits it", async () => {
    const admin = await createAdmin();
    const result = await callerFor(admin).admin.inviteStaff({ email: "New.Colleague@Example.test", name: "New Colleague", role: "THERAPIST" });
    expect(result.delivered).toBe("outbox");
    expect(result.email).toBe("new.colleague@example.test");
    const token = result.link?.split("/invite/")[1] ?? "";
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const stored = await getDb().invitation.findFirstOrThrow({ where: { email: "new.colleague@example.test" } });
    expect(stored.tokenHash).not.toContain(token);
    expect(stored.role).toBe("THERAPIST");
    expect(await getDb().auditEvent.count({ where: { action: "invitation.created", targetId: stored.id, actorId: admin.id } })).toBe(1);

    const pending = await callerFor(admin).admin.listInvitations();
    expect(pending.map((p) => p.email)).toContain("new.colleague@example.test");

    const accepted = await acceptInvitation(getDb(), meta, { token, password: "a long new staff passphrase" });
    expect(accepted.role).toBe("THERAPIST");
    await expect(acceptInvitation(getDb(), meta, { token, password: "a long new staff passphrase" })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("refuses an email that already has an account, and can withdraw a pending invitation", async () => {
    const admin = await createAdmin();
    const therapist = await createTherapist();
    await expect(callerFor(admin).admin.inviteStaff({ email: therapist.email, name: "Dup", role: "ADMIN" })).rejects.toMatchObject({ code: "CONFLICT" });

    await callerFor(admin).admin.inviteStaff({ email: "withdraw-me@example.test", name: "Withdrawn", role: "ADMIN" });
    const invitation = await getDb().invitation.findFirstOrThrow({ where: { email: "withdraw-me@example.test" } });
    await callerFor(admin).admin.revokeInvitation({ invitationId: invitation.id });
    expect((await getDb().invitation.findUniqueOrThrow({ where: { id: invitation.id } })).revokedAt).not.toBeNull();
    expect(await getDb().auditEvent.count({ where: { action: "invitation.revoked", targetId: invitation.id, actorId: admin.id } })).toBe(1);
    await expect(callerFor(admin).admin.revokeInvitation({ invitationId: invitation.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("cannot withdraw a client invitation from the admin side", async () => {
    const admin = await createAdmin();
    const therapist = await createTherapist();
    const clientInvite = await getDb().invitation.create({
      data: { tokenHash: `client-${therapist.id}`, email: "c@example.test", name: "C", role: "CLIENT", invitedById: therapist.id, therapistId: therapist.id, expiresAt: new Date(Date.now() + 86_400_000) },
    });
    await expect(callerFor(admin).admin.revokeInvitation({ invitationId: clientInvite.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("issuing a password-reset link", () => {
  it("writes the email to the outbox, returns the link once, and audits password_reset.issued", async () => {
    const admin = await createAdmin();
    const user = await createUser("THERAPIST");
    const issued = await callerFor(admin).admin.issuePasswordReset({ userId: user.id });
    expect(issued.link).toMatch(/\/reset-password\/[A-Za-z0-9_-]{43}$/);
    const reset = await getDb().passwordReset.findFirstOrThrow({ where: { userId: user.id } });
    expect(reset.issuedById).toBe(admin.id);
    expect(reset.expiresAt.getTime() - Date.now()).toBeGreaterThan(59 * 60_000);
    expect(reset.expiresAt.getTime() - Date.now()).toBeLessThanOrEqual(60 * 60_000);
    expect(await getDb().auditEvent.count({ where: { action: "password_reset.issued", targetId: user.id, actorId: admin.id } })).toBe(1);
    const dir = process.env.OUTBOX_DIR as string;
    const mail = fs.readdirSync(dir).filter((f) => f.includes(user.email.replace(/[^a-z0-9@.-]/gi, "_")));
    expect(mail).toHaveLength(1);
    const text = fs.readFileSync(`${dir}/${mail[0]}`, "utf8");
    expect(text).toContain("Subject: Reset your Haven password");
  });

  it("refuses a deactivated account", async () => {
    const admin = await createAdmin();
    const user = await createTherapist({ status: "DEACTIVATED" });
    await expect(callerFor(admin).admin.issuePasswordReset({ userId: user.id })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });
});

describe("the overview", () => {
  it("counts users by role and status, assignments and last week's opens and completions", async () => {
    const admin = await createAdmin();
    const therapist = await createTherapist();
    const client = await createClientOf(therapist);
    const resource = await getDb().resource.create({
      data: { slug: `overview-${client.id}`, title: "T", summary: "s", body: "b", kind: "ARTICLE", readingMinutes: 1, status: "PUBLISHED" },
    });
    const assignment = await getDb().assignment.create({ data: { therapistId: therapist.id, clientId: client.id, resourceId: resource.id } });
    const old = new Date(Date.now() - 8 * 86_400_000);
    await getDb().readingEvent.createMany({
      data: [
        { assignmentId: assignment.id, type: "OPENED", idempotencyKey: "a" },
        { assignmentId: assignment.id, type: "REOPENED", idempotencyKey: "b" },
        { assignmentId: assignment.id, type: "OPENED", idempotencyKey: "c", at: old },
        { assignmentId: assignment.id, type: "COMPLETED", idempotencyKey: "d" },
      ],
    });
    const overview = await callerFor(admin).admin.overview();
    expect(overview.opensLast7Days).toBe(2);
    expect(overview.completionsLast7Days).toBe(1);
    expect(overview.activeAssignments).toBe(await getDb().assignment.count({ where: { active: true } }));
    await getDb().assignment.update({ where: { id: assignment.id }, data: { active: null, withdrawnAt: new Date() } });
    expect((await callerFor(admin).admin.overview()).activeAssignments).toBe(overview.activeAssignments - 1);
    const countOf = (role: string, status: string) => overview.users.find((u) => u.role === role && u.status === status)?.count ?? 0;
    expect(countOf("CLIENT", "ACTIVE")).toBe(await getDb().user.count({ where: { role: "CLIENT", status: "ACTIVE" } }));
    expect(overview.resources.find((r) => r.status === "PUBLISHED" && r.shared)?.count).toBeGreaterThanOrEqual(1);
    expect(overview.recentEvents.length).toBeLessThanOrEqual(20);
  });
});
