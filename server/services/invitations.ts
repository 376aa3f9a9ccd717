import { AppError } from "../app-error";
import type { Prisma, PrismaClient, Role } from "../generated/prisma/client";
import { newPasswordInput } from "../schemas/account";
import { recordAudit, type AuditActor } from "./audit/record";
import { appLink, sendMail, type SentMail } from "./mailer";
import { hashPassword } from "./accounts/passwords";
import { authenticate } from "./accounts/sign-in";
import { createLimiter } from "./rate-limit";
import { generateToken, hashToken, looksLikeToken } from "./tokens";

export const INVITATION_TTL_DAYS = 7;

type Tx = Prisma.TransactionClient;

export type CreatedInvitation = { id: string; email: string; expiresAt: Date; link: string; mail: SentMail };

const SUBJECT_BY_ROLE: Record<Role, string> = {
  CLIENT: "An invitation from your practitioner",
  THERAPIST: "Your Haven account is ready to set up",
  ADMIN: "Your Haven account is ready to set up",
};

function invitationText(role: Role, inviterName: string, link: string): string {
  const intro =
    role === "CLIENT"
      ? `${inviterName} has invited you to a private reading space they share with you.`
      : `${inviterName} has created a Haven account for you.`;
  return `Hello,\n\n${intro}\n\nTo accept, open this link and choose a password. The link works once and expires in ${INVITATION_TTL_DAYS} days:\n\n${link}\n\nIf you weren't expecting this, you can ignore this message.\n`;
}

/**
 * Creates an invitation (revoking any earlier pending one for the same email and inviter scope),
 * audits it in the same transaction, then sends the email or writes it to the outbox.
 * The returned link carries the only copy of the token.
 */
export async function createInvitation(
  db: PrismaClient,
  actor: AuditActor & { actorId: string },
  input: { email: string; name: string; role: Role; therapistId: string | null },
  options: { resend?: boolean } = {},
): Promise<CreatedInvitation> {
  // Emails are stored and compared lower-case (User.email); an invitation must match the account it links.
  input = { ...input, email: input.email.trim().toLowerCase() };
  const token = generateToken();
  const expiresAt = new Date(Date.now() + INVITATION_TTL_DAYS * 24 * 60 * 60 * 1000);
  const inviter = await db.user.findUniqueOrThrow({ where: { id: actor.actorId }, select: { name: true } });
  const invitation = await db.$transaction(async (tx) => {
    await tx.invitation.updateMany({
      where: { email: input.email, role: input.role, therapistId: input.therapistId, acceptedAt: null, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    const created = await tx.invitation.create({
      data: {
        tokenHash: hashToken(token),
        email: input.email,
        name: input.name,
        role: input.role,
        invitedById: actor.actorId,
        therapistId: input.therapistId,
        expiresAt,
      },
      select: { id: true, email: true, expiresAt: true },
    });
    await recordAudit(tx, actor, {
      action: options.resend ? "invitation.resent" : "invitation.created",
      targetType: "Invitation",
      targetId: created.id,
      detail: { role: input.role },
    });
    return created;
  });
  const link = appLink(`/invite/${token}`);
  const mail = await sendMail({ to: input.email, subject: SUBJECT_BY_ROLE[input.role], text: invitationText(input.role, inviter.name, link) });
  return { ...invitation, link, mail };
}

/**
 * What the person who issued a link (an invitation or a password reset) may see of it: the link
 * itself only when no mail server sent it (development, demos), so they can pass it on once.
 */
export function linkForDisplay(issued: { email: string; expiresAt: Date; link: string; mail: { delivered: SentMail["delivered"] } }) {
  return {
    email: issued.email,
    expiresAt: issued.expiresAt,
    delivered: issued.mail.delivered,
    link: issued.mail.delivered === "outbox" ? issued.link : null,
  };
}

type Inviter = AuditActor & { actorId: string };

/** An admin invites a therapist or admin; CONFLICT when the email already has an account. */
export async function inviteStaff(db: PrismaClient, actor: Inviter, input: { email: string; name: string; role: Role }) {
  const existing = await db.user.findUnique({ where: { email: input.email }, select: { id: true } });
  if (existing) {
    throw new AppError("CONFLICT", "Someone already has a Haven account with this email. Find them in the list to change their role or status.");
  }
  return linkForDisplay(await createInvitation(db, actor, { ...input, therapistId: null }));
}

/** Client invitations a therapist may send per hour. */
const CLIENT_INVITES_PER_HOUR = 30;

function toClientInviteResult(created: CreatedInvitation) {
  return { invitationId: created.id, ...linkForDisplay(created) };
}

/**
 * A therapist invites a client. Refused when the email belongs to staff, or to someone already in
 * this therapist's active care; rate limited per therapist.
 */
export async function inviteClient(db: PrismaClient, actor: Inviter, input: { email: string; name: string }) {
  const therapistId = actor.actorId;
  const limit = await createLimiter(db, { keyPrefix: "client-invite", points: CLIENT_INVITES_PER_HOUR, durationSeconds: 3600 }).consume(therapistId);
  if (!limit.allowed) {
    throw new AppError("RATE_LIMITED", "That's a lot of invitations in a short time. Please try again in a little while.");
  }
  const existing = await db.user.findUnique({
    where: { email: input.email },
    select: { role: true, careAsClient: { where: { therapistId, active: true }, select: { id: true } } },
  });
  if (existing && existing.role !== "CLIENT") {
    throw new AppError("CONFLICT", "This email can't be invited as a client. Please use another address.");
  }
  if (existing && existing.careAsClient.length > 0) {
    throw new AppError("CONFLICT", "This person is already one of your clients.");
  }
  const created = await createInvitation(db, actor, { email: input.email, name: input.name, role: "CLIENT", therapistId });
  return toClientInviteResult(created);
}

/** A fresh link for one of my pending client invitations (the old one stops working), with a new expiry. */
export async function resendClientInvitation(db: PrismaClient, actor: Inviter, invitationId: string) {
  const therapistId = actor.actorId;
  const invitation = await db.invitation.findFirst({
    where: { id: invitationId, therapistId, role: "CLIENT", acceptedAt: null, revokedAt: null },
    select: { email: true, name: true },
  });
  if (!invitation) throw new AppError("NOT_FOUND", "We couldn't find a pending invitation to resend.");
  const created = await createInvitation(db, actor, { email: invitation.email, name: invitation.name, role: "CLIENT", therapistId }, { resend: true });
  return toClientInviteResult(created);
}

/** Client invitations a therapist sent that are neither accepted nor withdrawn (expired ones too, to resend). */
export async function pendingClientInvitations(db: PrismaClient, therapistId: string) {
  const rows = await db.invitation.findMany({
    where: { therapistId, role: "CLIENT", acceptedAt: null, revokedAt: null },
    orderBy: { createdAt: "desc" },
    take: 100,
    select: { id: true, name: true, email: true, createdAt: true, expiresAt: true },
  });
  const now = Date.now();
  return rows.map((row) => ({ ...row, expired: row.expiresAt.getTime() <= now }));
}

export const INVALID_INVITATION_MESSAGE =
  "This invitation link can't be used. It may have expired, been used already, or been withdrawn. Please ask the person who invited you for a new one.";

export type InvitationView = {
  email: string;
  name: string;
  role: Role;
  inviterName: string;
  expiresAt: Date;
  /** The email already has a Haven account: accepting links it, using that account's password. */
  existingAccount: boolean;
};

async function findUsable(db: PrismaClient | Tx, token: string) {
  if (!looksLikeToken(token)) return null;
  const invitation = await db.invitation.findUnique({
    where: { tokenHash: hashToken(token) },
    select: {
      id: true, email: true, name: true, role: true, therapistId: true, expiresAt: true, acceptedAt: true, revokedAt: true,
      invitedBy: { select: { name: true } },
    },
  });
  if (!invitation || invitation.acceptedAt || invitation.revokedAt || invitation.expiresAt <= new Date()) return null;
  return invitation;
}

export async function describeInvitation(db: PrismaClient, token: string): Promise<InvitationView | null> {
  const invitation = await findUsable(db, token);
  if (!invitation) return null;
  const existing = await db.user.findUnique({ where: { email: invitation.email }, select: { status: true, passwordHash: true, role: true } });
  // Accepting would be refused for these; say so now rather than after they choose a password.
  if (existing?.status === "DEACTIVATED" || (existing && existing.role !== invitation.role)) return null;
  return {
    email: invitation.email,
    name: invitation.name,
    role: invitation.role,
    inviterName: invitation.invitedBy.name,
    expiresAt: invitation.expiresAt,
    existingAccount: Boolean(existing?.passwordHash && existing.status !== "INVITED"),
  };
}

/**
 * Accepts an invitation: creates the account (or links the existing one of that email) and, for
 * clients, the care relationship. Claiming the invitation is a conditional update inside the
 * transaction, so two simultaneous accepts of one token create exactly one account.
 */
export async function acceptInvitation(
  db: PrismaClient,
  meta: { requestId: string | null; ip: string | null },
  input: { token: string; password: string },
): Promise<{ userId: string; email: string; role: Role }> {
  const preview = await findUsable(db, input.token);
  if (!preview) throw new AppError("NOT_FOUND", INVALID_INVITATION_MESSAGE);
  const existing = await db.user.findUnique({
    where: { email: preview.email },
    select: { id: true, role: true, status: true, passwordHash: true },
  });
  if (existing && existing.role !== preview.role) {
    throw new AppError("CONFLICT", "This email already belongs to a different kind of Haven account. Please ask the person who invited you to contact the practice.");
  }
  if (existing?.status === "DEACTIVATED") {
    throw new AppError("NOT_FOUND", INVALID_INVITATION_MESSAGE);
  }
  const linking = Boolean(existing?.passwordHash && existing.status === "ACTIVE");
  if (linking && !(await findUsable(db, input.token))) {
    // A parallel accept of this same invitation won the race and created this very account (the
    // account and the claim commit together, so having seen the account we see the claim).
    // Losing a race is not a wrong password: no sign-in check, no failed attempt counted.
    throw new AppError("NOT_FOUND", INVALID_INVITATION_MESSAGE);
  }
  if (linking) {
    // The same check as signing in — per-account lock-out, per-address throttle, audited — so an
    // invitation link (which a therapist sees when there is no mail server) can't be used to
    // guess a client's password past the sign-in lock-out.
    const verified = await authenticate(db, { email: preview.email, password: input.password }, { requestId: meta.requestId ?? "", ip: meta.ip });
    if (verified?.id !== existing?.id) {
      throw new AppError("BAD_REQUEST", "You already have a Haven account with this email. Enter that account's password to accept.");
    }
  }
  if (!linking) {
    const strong = newPasswordInput.safeParse(input.password);
    if (!strong.success) throw new AppError("BAD_REQUEST", strong.error.issues[0]?.message ?? "Choose a longer password.");
  }
  const passwordHash = linking ? null : await hashPassword(input.password);

  return db.$transaction(async (tx) => {
    const claimed = await tx.invitation.updateMany({
      where: { id: preview.id, acceptedAt: null, revokedAt: null, expiresAt: { gt: new Date() } },
      data: { acceptedAt: new Date() },
    });
    if (claimed.count !== 1) throw new AppError("NOT_FOUND", INVALID_INVITATION_MESSAGE);

    const user = existing
      ? await tx.user.update({
          where: { id: existing.id },
          data: linking ? {} : { passwordHash, status: "ACTIVE", sessionVersion: { increment: 1 } },
          select: { id: true, email: true, role: true },
        })
      : await tx.user.create({
          data: { email: preview.email, name: preview.name, role: preview.role, status: "ACTIVE", passwordHash },
          select: { id: true, email: true, role: true },
        });
    await tx.invitation.update({ where: { id: preview.id }, data: { acceptedUserId: user.id } });

    if (preview.role === "CLIENT" && preview.therapistId) {
      const active = await tx.careRelationship.findFirst({
        where: { therapistId: preview.therapistId, clientId: user.id, active: true },
        select: { id: true },
      });
      if (!active) await tx.careRelationship.create({ data: { therapistId: preview.therapistId, clientId: user.id } });
    }
    const actor = { actorId: user.id, actorRole: user.role, ...meta };
    if (!existing) {
      // A new account exists from this moment: "account created" is its own audited action.
      await recordAudit(tx, actor, {
        action: "account.created",
        targetType: "User",
        targetId: user.id,
        detail: { role: user.role, via: "invitation", invitationId: preview.id },
      });
    }
    await recordAudit(tx, actor, {
      action: "invitation.accepted",
      targetType: "Invitation",
      targetId: preview.id,
      detail: { linkedExistingAccount: linking || Boolean(existing) },
    });
    return { userId: user.id, email: user.email, role: user.role };
  });
}

/**
 * acceptInvitation behind its throttles. Guessing tokens is hopeless (256 bits), but password
 * checks for linked accounts are throttled, per link and per client address.
 */
export async function acceptInvitationThrottled(
  db: PrismaClient,
  meta: { requestId: string | null; ip: string | null },
  input: { token: string; password: string },
): Promise<{ userId: string; email: string; role: Role }> {
  const perLink = await createLimiter(db, { keyPrefix: "invite-accept-link", points: 10, durationSeconds: 15 * 60 }).consume(hashToken(input.token));
  const perAddress = await createLimiter(db, { keyPrefix: "invite-accept-ip", points: 60, durationSeconds: 15 * 60 }).consume(meta.ip ?? "unknown");
  if (!perLink.allowed || !perAddress.allowed) {
    throw new AppError("RATE_LIMITED", "Too many attempts. Please wait a few minutes and try again.");
  }
  return acceptInvitation(db, meta, input);
}

/** Revokes a pending invitation within `scope` (e.g. { invitedById } or { therapistId }); NOT_FOUND otherwise. */
export async function revokeInvitation(
  db: PrismaClient,
  actor: AuditActor,
  id: string,
  scope: Prisma.InvitationWhereInput,
): Promise<void> {
  await db.$transaction(async (tx) => {
    const result = await tx.invitation.updateMany({
      where: { ...scope, id, acceptedAt: null, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    if (result.count !== 1) throw new AppError("NOT_FOUND", "We couldn't find a pending invitation to withdraw.");
    await recordAudit(tx, actor, { action: "invitation.revoked", targetType: "Invitation", targetId: id });
  });
}
