import type { PrismaClient as Db } from "../../generated/prisma/client";
import type { Role } from "../../generated/prisma/client";
import { recordAudit } from "../audit/record";
import { verifyPassword } from "./passwords";
import { createLimiter } from "../rate-limit";
import type { RequestMeta } from "../../request/meta";

export const LOCKOUT_THRESHOLD = 5;
export const LOCKOUT_MINUTES = 15;
/** Failed sign-ins allowed from one address per 15 minutes (successful ones don't count: a practice shares one address). */
export const IP_FAILURES_PER_15_MIN = 30;

export type SignedInUser = { id: string; email: string; name: string; role: Role; sessionVersion: number };

/**
 * Checks credentials. Unknown email, wrong password, deactivated or locked accounts all answer
 * null — the caller shows one message — and take as long (a dummy hash is verified).
 */
export async function authenticate(
  db: Db,
  credentials: { email: string; password: string },
  meta: RequestMeta,
): Promise<SignedInUser | null> {
  const email = credentials.email.trim().toLowerCase();
  const ipLimiter = createLimiter(db, { keyPrefix: "signin-ip", points: IP_FAILURES_PER_15_MIN, durationSeconds: 15 * 60 });
  const countFailure = async () => {
    if (meta.ip) await ipLimiter.consume(meta.ip);
  };
  if (meta.ip && (await ipLimiter.isExhausted(meta.ip))) {
    await verifyPassword(null, credentials.password);
    await recordAudit(db, { actorId: null, actorRole: null, ...meta }, {
      action: "auth.sign_in_failed",
      detail: { reason: "address_throttled" },
    });
    return null;
  }

  const user = await db.user.findUnique({
    where: { email },
    select: { id: true, email: true, name: true, role: true, status: true, passwordHash: true, sessionVersion: true, lockedUntil: true },
  });
  const passwordOk = await verifyPassword(user?.passwordHash, credentials.password);
  const now = new Date();

  if (!user) {
    await countFailure();
    await recordAudit(db, { actorId: null, actorRole: null, ...meta }, {
      action: "auth.sign_in_failed",
      detail: { reason: "unknown_account" },
    });
    return null;
  }
  const actor = { actorId: user.id, actorRole: user.role, ...meta };
  if (user.lockedUntil && user.lockedUntil > now) {
    await countFailure();
    await recordAudit(db, actor, { action: "auth.sign_in_failed", targetType: "User", targetId: user.id, detail: { reason: "locked" } });
    return null;
  }
  if (!passwordOk || user.status !== "ACTIVE") {
    await countFailure();
    await db.$transaction(async (tx) => {
      const updated = await tx.user.update({
        where: { id: user.id },
        data: { failedLoginCount: { increment: 1 } },
        select: { failedLoginCount: true },
      });
      const reason = passwordOk ? "inactive" : "wrong_password";
      await recordAudit(tx, actor, { action: "auth.sign_in_failed", targetType: "User", targetId: user.id, detail: { reason } });
      if (updated.failedLoginCount >= LOCKOUT_THRESHOLD) {
        const until = new Date(now.getTime() + LOCKOUT_MINUTES * 60_000);
        await tx.user.update({ where: { id: user.id }, data: { lockedUntil: until, failedLoginCount: 0 } });
        await recordAudit(tx, actor, { action: "auth.lockout", targetType: "User", targetId: user.id, detail: { minutes: LOCKOUT_MINUTES } });
      }
    });
    return null;
  }

  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { lastLoginAt: now, failedLoginCount: 0, lockedUntil: null } });
    await recordAudit(tx, actor, { action: "auth.sign_in", targetType: "User", targetId: user.id });
  });
  return { id: user.id, email: user.email, name: user.name, role: user.role, sessionVersion: user.sessionVersion };
}

/** The session's user if still ACTIVE with the same role and session version; else null. */
export async function currentSessionUser(
  db: Db,
  token: { id: string; role: Role; sessionVersion: number },
): Promise<Omit<SignedInUser, "sessionVersion"> | null> {
  return (await currentSessionAccount(db, token))?.user ?? null;
}

/**
 * currentSessionUser plus the account's own settings, read by the same query: a page needs its
 * display preferences (and a client page the offline-reading choice) on every request, so the
 * session check reads them once instead of two more lookups of the same row.
 */
export async function currentSessionAccount(
  db: Db,
  token: { id: string; role: Role; sessionVersion: number },
): Promise<{ user: Omit<SignedInUser, "sessionVersion">; preferences: unknown; offlineReading: boolean } | null> {
  const user = await db.user.findUnique({
    where: { id: token.id },
    select: { id: true, email: true, name: true, role: true, status: true, sessionVersion: true, preferences: true, offlineReading: true },
  });
  if (!user || user.status !== "ACTIVE" || user.sessionVersion !== token.sessionVersion || user.role !== token.role) {
    return null;
  }
  return { user: { id: user.id, email: user.email, name: user.name, role: user.role }, preferences: user.preferences, offlineReading: user.offlineReading };
}
