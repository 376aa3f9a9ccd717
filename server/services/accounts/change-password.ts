import { AppError } from "../../app-error";
import type { PrismaClient } from "../../generated/prisma/client";
import { recordAudit, type AuditActor } from "../audit/record";
import { createLimiter } from "../rate-limit";
import { hashPassword, verifyPassword } from "./passwords";

/** Wrong current passwords allowed per account per 15 minutes. */
export const CHANGE_PASSWORD_FAILURES = 10;

/**
 * Changes a signed-in person's own password after checking the current one. Every session of
 * theirs ends (sessionVersion), and any pending reset link stops working.
 */
export async function changeOwnPassword(
  db: PrismaClient,
  actor: AuditActor,
  userId: string,
  input: { currentPassword: string; newPassword: string },
): Promise<{ ok: true }> {
  // Someone at an unlocked, signed-in screen must not be able to guess the current password.
  const guesses = createLimiter(db, { keyPrefix: "change-password", points: CHANGE_PASSWORD_FAILURES, durationSeconds: 15 * 60 });
  if (await guesses.isExhausted(userId)) {
    throw new AppError("RATE_LIMITED", "Too many attempts. Please wait a few minutes and try again. Nothing was changed.");
  }
  const user = await db.user.findUniqueOrThrow({
    where: { id: userId },
    select: { passwordHash: true },
  });
  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
    await guesses.consume(userId);
    throw new AppError("BAD_REQUEST", "Your current password doesn't match. Nothing was changed.");
  }
  if (input.currentPassword === input.newPassword) {
    throw new AppError("BAD_REQUEST", "Choose a new password that differs from the current one.");
  }
  const passwordHash = await hashPassword(input.newPassword);
  await db.$transaction(async (tx) => {
    await tx.user.update({
      where: { id: userId },
      data: { passwordHash, sessionVersion: { increment: 1 } },
    });
    // A reset link issued before this change must not undo it.
    const now = new Date();
    await tx.passwordReset.updateMany({ where: { userId, usedAt: null, expiresAt: { gt: now } }, data: { expiresAt: now } });
    await recordAudit(tx, actor, { action: "account.password_changed", targetType: "User", targetId: userId });
  });
  return { ok: true as const };
}
