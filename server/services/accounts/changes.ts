import { AppError } from "../../app-error";
import { Prisma, type PrismaClient, type Role, type UserStatus } from "../../generated/prisma/client";
import { recordAudit, type AuditActor } from "../audit/record";

type Tx = Prisma.TransactionClient;

export type AccountChange =
  | { kind: "deactivate" }
  | { kind: "reactivate" }
  | { kind: "changeRole"; role: "THERAPIST" | "ADMIN" };

export type ChangedAccount = { id: string; role: Role; status: UserStatus; sessionVersion: number };

export const LAST_ADMIN_MESSAGE =
  "Haven needs at least one active admin, and this is the last one. Make someone else an admin first.";
const NOT_FOUND_MESSAGE = "We couldn't find that account. It may have been changed by someone else; reload to check.";
const ATTEMPTS = 3;

function isWriteConflict(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2034";
}

/**
 * Runs `work` in a transaction, retrying when PostgreSQL reports a serialization failure or a
 * deadlock (Prisma P2034); after the last try answers CONFLICT with a plain message.
 */
export async function withConflictRetry<T>(db: PrismaClient, work: (tx: Tx) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.$transaction(work, { timeout: 15_000, maxWait: 10_000 });
    } catch (error) {
      if (!isWriteConflict(error)) throw error;
      if (attempt >= ATTEMPTS) {
        throw new AppError("CONFLICT", "Another admin changed accounts at the same moment. Nothing was changed; reload and try again.", { cause: error });
      }
    }
  }
}

/**
 * Locks every active admin row (in id order, so concurrent changes queue instead of deadlocking)
 * and returns their ids. Under READ COMMITTED a waiting transaction re-checks the WHERE against the
 * row its predecessor committed, so when two admins remove each other at once the second sees the
 * first change and is refused: there is always at least one active admin.
 */
async function lockActiveAdmins(tx: Tx): Promise<string[]> {
  const rows = await tx.$queryRaw<{ id: string }[]>`
    SELECT "id" FROM "User" WHERE "role" = 'ADMIN' AND "status" = 'ACTIVE' ORDER BY "id" FOR UPDATE`;
  return rows.map((row) => row.id);
}

function refuse(code: "BAD_REQUEST" | "CONFLICT" | "FORBIDDEN" | "NOT_FOUND", message: string): never {
  throw new AppError(code, message);
}

/**
 * Deactivates, reactivates or changes the role of an account. The guards (not yourself, never the
 * last active admin) and the change run in one transaction holding the admin rows' locks; the
 * audit row is written in it too. Every change bumps sessionVersion, so the account's open
 * sessions end on their next request.
 */
export async function changeAccount(
  db: PrismaClient,
  actor: AuditActor & { actorId: string },
  userId: string,
  change: AccountChange,
): Promise<ChangedAccount> {
  return withConflictRetry(db, async (tx) => {
    const activeAdmins = await lockActiveAdmins(tx);
    const [target] = await tx.$queryRaw<{ id: string; role: Role; status: UserStatus; passwordHash: string | null }[]>`
      SELECT "id", "role"::text AS "role", "status"::text AS "status", "passwordHash" FROM "User" WHERE "id" = ${userId} FOR UPDATE`;
    if (!target) refuse("NOT_FOUND", NOT_FOUND_MESSAGE);
    const isSelf = target.id === actor.actorId;
    const targetIsActiveAdmin = activeAdmins.includes(target.id);

    if (change.kind === "deactivate") {
      if (isSelf) refuse("BAD_REQUEST", "You can't deactivate your own account. Another admin can do it if it's needed.");
      if (target.status === "DEACTIVATED") refuse("CONFLICT", "This account is already deactivated.");
      if (targetIsActiveAdmin && activeAdmins.length <= 1) refuse("CONFLICT", LAST_ADMIN_MESSAGE);
    } else if (change.kind === "reactivate") {
      if (target.status !== "DEACTIVATED") refuse("CONFLICT", "This account is already active.");
    } else {
      if (isSelf) refuse("BAD_REQUEST", "You can't change your own role. Another admin can do it if it's needed.");
      if (target.role === "CLIENT") refuse("BAD_REQUEST", "Client accounts keep their role. Invite the person as staff with a different email instead.");
      if (target.role === change.role) refuse("CONFLICT", "This account already has that role.");
      if (targetIsActiveAdmin && activeAdmins.length <= 1) refuse("CONFLICT", LAST_ADMIN_MESSAGE);
    }
    // The actor's own row is locked above; if a concurrent change just removed them, stop here.
    if (!activeAdmins.includes(actor.actorId)) {
      refuse("FORBIDDEN", "Your account can no longer make admin changes.");
    }

    return applyChange(tx, actor, target, change);
  });
}

async function applyChange(
  tx: Tx,
  actor: AuditActor,
  target: { id: string; role: Role; status: UserStatus; passwordHash: string | null },
  change: AccountChange,
): Promise<ChangedAccount> {
  const select = { id: true, role: true, status: true, sessionVersion: true } as const;
  const now = new Date();
  if (change.kind === "deactivate") {
    const updated = await tx.user.update({
      where: { id: target.id },
      data: { status: "DEACTIVATED", sessionVersion: { increment: 1 } },
      select,
    });
    // Their pending invitations and reset links stop working; care relationships and reading
    // histories are kept untouched (admins can still see them).
    const invitations = await tx.invitation.updateMany({
      where: { invitedById: target.id, acceptedAt: null, revokedAt: null },
      data: { revokedAt: now },
    });
    await tx.passwordReset.updateMany({ where: { userId: target.id, usedAt: null, expiresAt: { gt: now } }, data: { expiresAt: now } });
    await recordAudit(tx, actor, {
      action: "account.deactivated",
      targetType: "User",
      targetId: target.id,
      detail: { role: target.role, previousStatus: target.status, invitationsWithdrawn: invitations.count },
    });
    return updated;
  }
  if (change.kind === "reactivate") {
    const status: UserStatus = target.passwordHash ? "ACTIVE" : "INVITED";
    const updated = await tx.user.update({
      where: { id: target.id },
      data: { status, sessionVersion: { increment: 1 }, failedLoginCount: 0, lockedUntil: null },
      select,
    });
    await recordAudit(tx, actor, { action: "account.reactivated", targetType: "User", targetId: target.id, detail: { role: target.role, status } });
    return updated;
  }
  const updated = await tx.user.update({
    where: { id: target.id },
    data: { role: change.role, sessionVersion: { increment: 1 } },
    select,
  });
  await recordAudit(tx, actor, {
    action: "account.role_changed",
    targetType: "User",
    targetId: target.id,
    detail: { from: target.role, to: change.role },
  });
  return updated;
}
