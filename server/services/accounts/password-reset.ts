import { AppError } from "../../app-error";
import type { PrismaClient, Role } from "../../generated/prisma/client";
import { recordAudit, type AuditActor } from "../audit/record";
import { appLink, sendMail, type SentMail } from "../mailer";
import { hashPassword } from "./passwords";
import { createLimiter } from "../rate-limit";
import type { RequestMeta } from "../../request/meta";
import { generateToken, hashToken, looksLikeToken } from "../tokens";

export const RESET_TTL_MINUTES = 60;
export const RESET_REQUESTS_PER_EMAIL_PER_HOUR = 3;
export const RESET_REQUESTS_PER_ADDRESS_PER_HOUR = 20;

export const INVALID_RESET_MESSAGE =
  "This link can't be used any more. Links work once and for one hour. You can ask for a new one below.";

// Clients' mail stays discreet: nothing in the subject or opening line says what Haven is.
const SUBJECT_BY_ROLE: Record<Role, string> = {
  CLIENT: "Your account link",
  THERAPIST: "Reset your Haven password",
  ADMIN: "Reset your Haven password",
};

function resetText(role: Role, link: string, issuedByAdmin: boolean): string {
  const why = issuedByAdmin
    ? role === "CLIENT"
      ? "Here is the link to choose a new password for your account."
      : "An administrator at your practice asked Haven to send you a link to choose a new password."
    : role === "CLIENT"
      ? "Here is the link you asked for to choose a new password for your account."
      : "Someone (hopefully you) asked to reset the password of your Haven account.";
  return `Hello,\n\n${why}\n\nOpen this link to choose a new password. It works once and expires in ${RESET_TTL_MINUTES} minutes:\n\n${link}\n\nIf you didn't ask for this, you can ignore this message: your password stays as it is.\n`;
}

type ResetTarget = { id: string; email: string; role: Role };

/** Creates a reset (retiring the user's earlier unused links) and its audit row in one transaction. */
async function createReset(db: PrismaClient, actor: AuditActor, user: ResetTarget, issuedById: string | null) {
  const token = generateToken();
  const now = new Date();
  const expiresAt = new Date(now.getTime() + RESET_TTL_MINUTES * 60_000);
  await db.$transaction(async (tx) => {
    await tx.passwordReset.updateMany({ where: { userId: user.id, usedAt: null, expiresAt: { gt: now } }, data: { expiresAt: now } });
    const reset = await tx.passwordReset.create({
      data: { userId: user.id, tokenHash: hashToken(token), expiresAt, issuedById },
      select: { id: true },
    });
    await recordAudit(tx, actor, {
      action: issuedById ? "password_reset.issued" : "password_reset.requested",
      targetType: "User",
      targetId: user.id,
      detail: { resetId: reset.id },
    });
  });
  const link = appLink(`/reset-password/${token}`);
  const mail = { to: user.email, subject: SUBJECT_BY_ROLE[user.role], text: resetText(user.role, link, Boolean(issuedById)) };
  return { link, mail, expiresAt };
}

/** An admin issues a reset link for an active account. The link is returned for a one-time display. */
export async function issuePasswordReset(
  db: PrismaClient,
  actor: AuditActor & { actorId: string },
  userId: string,
): Promise<{ email: string; expiresAt: Date; link: string; mail: SentMail }> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { id: true, email: true, role: true, status: true } });
  if (!user) throw new AppError("NOT_FOUND", "We couldn't find that account.");
  if (user.status !== "ACTIVE") {
    throw new AppError("BAD_REQUEST", "Reset links are only for active accounts. Reactivate the account first.");
  }
  const { link, mail, expiresAt } = await createReset(db, actor, user, actor.actorId);
  return { email: user.email, expiresAt, link, mail: await sendMail(mail) };
}

/**
 * Self-service request. The caller always gets the same answer, and the throttles are consumed
 * the same way for every email. Sending the email (slow over SMTP, and only for real accounts)
 * happens in `delivery`, which the router does not wait for, so the response time does not
 * reveal whether the account exists.
 */
export async function requestPasswordReset(db: PrismaClient, meta: RequestMeta, email: string): Promise<{ delivery: Promise<unknown> }> {
  const perEmail = createLimiter(db, { keyPrefix: "pwreset-email", points: RESET_REQUESTS_PER_EMAIL_PER_HOUR, durationSeconds: 3600 });
  const perAddress = createLimiter(db, { keyPrefix: "pwreset-ip", points: RESET_REQUESTS_PER_ADDRESS_PER_HOUR, durationSeconds: 3600 });
  const addressOk = meta.ip ? (await perAddress.consume(meta.ip)).allowed : true;
  const emailOk = (await perEmail.consume(email)).allowed;
  const user = await db.user.findUnique({ where: { email }, select: { id: true, email: true, role: true, status: true } });
  if (!addressOk || !emailOk || !user || user.status !== "ACTIVE") return { delivery: Promise.resolve() };
  const { mail } = await createReset(db, { actorId: null, actorRole: null, ...meta }, user, null);
  return { delivery: sendMail(mail) };
}

async function findUsableReset(db: PrismaClient, token: string) {
  if (!looksLikeToken(token)) return null;
  const reset = await db.passwordReset.findUnique({
    where: { tokenHash: hashToken(token) },
    select: { id: true, userId: true, usedAt: true, expiresAt: true, user: { select: { status: true } } },
  });
  if (!reset || reset.usedAt || reset.expiresAt <= new Date() || reset.user.status !== "ACTIVE") return null;
  return reset;
}

export async function isResetTokenUsable(db: PrismaClient, token: string): Promise<boolean> {
  return Boolean(await findUsableReset(db, token));
}

/**
 * Sets a new password with a reset link. Claiming the link is a conditional update inside the
 * transaction (two simultaneous uses: one wins). Bumping sessionVersion ends every session of
 * the account, and any other unused link of theirs stops working.
 */
export async function resetPassword(
  db: PrismaClient,
  meta: RequestMeta,
  input: { token: string; password: string },
): Promise<{ email: string }> {
  const reset = await findUsableReset(db, input.token);
  if (!reset) throw new AppError("NOT_FOUND", INVALID_RESET_MESSAGE);
  const passwordHash = await hashPassword(input.password);
  return db.$transaction(async (tx) => {
    const now = new Date();
    const claimed = await tx.passwordReset.updateMany({
      where: { id: reset.id, usedAt: null, expiresAt: { gt: now } },
      data: { usedAt: now },
    });
    if (claimed.count !== 1) throw new AppError("NOT_FOUND", INVALID_RESET_MESSAGE);
    const user = await tx.user.update({
      where: { id: reset.userId, status: "ACTIVE" },
      data: { passwordHash, sessionVersion: { increment: 1 }, failedLoginCount: 0, lockedUntil: null },
      select: { id: true, email: true, role: true },
    });
    await tx.passwordReset.updateMany({ where: { userId: user.id, usedAt: null, expiresAt: { gt: now } }, data: { expiresAt: now } });
    await recordAudit(tx, { actorId: user.id, actorRole: user.role, ...meta }, {
      action: "password_reset.used",
      targetType: "User",
      targetId: user.id,
      detail: { resetId: reset.id },
    });
    return { email: user.email };
  });
}
