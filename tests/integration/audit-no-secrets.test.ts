import crypto from "node:crypto";
import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { getDb } from "../../server/db";
import { createCaller } from "../../server/routers/_app";
import { requestPasswordReset } from "../../server/services/accounts/password-reset";
import { authenticate } from "../../server/services/accounts/sign-in";
import { createInnerContext } from "../../server/trpc/init";
import { createResource } from "../support/assign-fixtures";
import { callerFor, createAdmin, createTherapist, type TestUser } from "../support/factories";
import { readEml, resetTokenIn } from "../support/mail";

// Issue 5: audit rows carry a small JSON detail — "never a password, token or reading content".
// Runs every audited flow that handles one of those, then searches every audit row for them.

const outbox = () => process.env.OUTBOX_DIR as string;
const tokenOf = (link: string) => new URL(link).pathname.split("/").pop()!;
const meta = () => ({ requestId: crypto.randomUUID(), ip: `192.0.2.${crypto.randomInt(1, 250)}` });
const asUser = (user: TestUser) => callerFor(user);

describe("audit rows never hold a password, a token or reading content", () => {
  it("after invitations, accepts, resets, sign-ins, password changes, reflections and views", async () => {
    const secrets: string[] = [];
    const therapist = await createTherapist();
    const admin = await createAdmin();

    // Client invitation and accept.
    const clientEmail = `secret-client-${crypto.randomBytes(3).toString("hex")}@example.test`;
    const invited = await asUser(therapist).client.invite({ name: "Sky Example", email: clientEmail });
    const inviteToken = tokenOf(invited.link!);
    const clientPassword = `client-pass-${crypto.randomBytes(6).toString("hex")}`;
    secrets.push(inviteToken, clientPassword);
    await callerFor(null).invite.accept({ token: inviteToken, password: clientPassword });

    // Staff invitation and accept.
    const staffEmail = `secret-staff-${crypto.randomBytes(3).toString("hex")}@example.test`;
    const staffInvite = await asUser(admin).admin.inviteStaff({ name: "Staff Example", email: staffEmail, role: "THERAPIST" });
    const staffToken = tokenOf(staffInvite.link!);
    const staffPassword = `staff-pass-${crypto.randomBytes(6).toString("hex")}`;
    secrets.push(staffToken, staffPassword);
    await callerFor(null).invite.accept({ token: staffToken, password: staffPassword });

    // Sign-ins: a failed one (the wrong password must not be logged either) and a good one.
    const wrongPassword = `wrong-pass-${crypto.randomBytes(6).toString("hex")}`;
    secrets.push(wrongPassword);
    expect(await authenticate(getDb(), { email: clientEmail, password: wrongPassword }, meta())).toBeNull();
    expect(await authenticate(getDb(), { email: clientEmail, password: clientPassword }, meta())).toMatchObject({ email: clientEmail });
    const client = await getDb().user.findUniqueOrThrow({ where: { email: clientEmail }, select: { id: true, email: true, name: true, role: true, sessionVersion: true } });

    // Self-service reset: request, then use the emailed link.
    const before = new Set(fs.existsSync(outbox()) ? fs.readdirSync(outbox()) : []);
    await (await requestPasswordReset(getDb(), meta(), staffEmail)).delivery;
    const mail = fs.readdirSync(outbox()).find((f) => !before.has(f) && f.includes(staffEmail));
    const requestedToken = resetTokenIn(readEml(`${outbox()}/${mail}`).body)!;
    const resetPassword = `reset-pass-${crypto.randomBytes(6).toString("hex")}`;
    secrets.push(requestedToken, resetPassword);
    const anonymous = createCaller(createInnerContext({ user: null, db: getDb(), ip: "198.51.100.20" }));
    await anonymous.passwordReset.reset({ token: requestedToken, password: resetPassword });

    // Admin-issued reset, used.
    const staff = await getDb().user.findUniqueOrThrow({ where: { email: staffEmail }, select: { id: true } });
    const issued = await asUser(admin).admin.issuePasswordReset({ userId: staff.id });
    const issuedToken = tokenOf(issued.link!);
    const issuedPassword = `issued-pass-${crypto.randomBytes(6).toString("hex")}`;
    secrets.push(issuedToken, issuedPassword);
    await anonymous.passwordReset.reset({ token: issuedToken, password: issuedPassword });

    // Changing one's own password.
    const changedPassword = `changed-pass-${crypto.randomBytes(6).toString("hex")}`;
    secrets.push(changedPassword);
    await asUser(client).account.changePassword({ currentPassword: clientPassword, newPassword: changedPassword });

    // Reading content: a resource is assigned, read, reflected on and shared; the therapist views it.
    const resource = await createResource();
    const resourceBody = (await getDb().resource.findUniqueOrThrow({ where: { id: resource.id } })).body;
    const [assigned] = await asUser(therapist).assignment.create({ resourceId: resource.id, clientIds: [client.id], note: "Read when you are ready." });
    const assignmentId = assigned!.assignmentId!;
    const fresh = await getDb().user.findUniqueOrThrow({ where: { id: client.id }, select: { id: true, email: true, name: true, role: true, sessionVersion: true } });
    await asUser(fresh).reading.complete({ id: assignmentId, key: crypto.randomUUID() });
    const reflection = `my private reflection ${crypto.randomBytes(6).toString("hex")}`;
    secrets.push(reflection, "Some gentle words.");
    await asUser(fresh).reading.reflect({ id: assignmentId, rating: 4, body: reflection, sharedWithTherapist: true });
    await asUser(therapist).client.byId({ id: client.id });
    expect(resourceBody).toContain("Some gentle words.");

    // The flows were audited (so the search below looked at real rows)...
    const rows = await getDb().auditEvent.findMany();
    const actions = new Set(rows.map((r) => r.action));
    for (const action of [
      "invitation.created",
      "invitation.accepted",
      "auth.sign_in_failed",
      "auth.sign_in",
      "password_reset.requested",
      "password_reset.issued",
      "password_reset.used",
      "account.password_changed",
      "assignment.created",
      "client_data.viewed",
    ]) {
      expect(actions, action).toContain(action);
    }
    // ...and no row, in any column, holds a secret or the reading's words.
    const everything = JSON.stringify(rows);
    for (const secret of secrets) expect(everything, `audit rows contain "${secret}"`).not.toContain(secret);
    // Password hashes neither.
    const hashes = await getDb().user.findMany({ where: { passwordHash: { not: null } }, select: { passwordHash: true } });
    for (const { passwordHash } of hashes) expect(everything).not.toContain(passwordHash!);
  });
});
