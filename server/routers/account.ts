import { AppError } from "../app-error";
import { z } from "zod";
import { outputText } from "../schemas/text";
import { changePasswordInput } from "../schemas/account";
import { recordAudit } from "../services/audit/record";
import { hashPassword, verifyPassword } from "../services/accounts/passwords";
import { createLimiter } from "../services/rate-limit";
import { protectedProcedure, publicProcedure, router } from "../trpc/init";

/** Wrong current passwords allowed per account per 15 minutes. */
export const CHANGE_PASSWORD_FAILURES = 10;

const meOutput = z
  .object({ id: outputText(), email: outputText(), name: outputText(), role: z.enum(["ADMIN", "THERAPIST", "CLIENT"]) })
  .nullable();

export const accountRouter = router({
  /** Who am I? null when signed out. */
  me: publicProcedure.output(meOutput).query(async ({ ctx }) => {
    if (!ctx.user) return null;
    return ctx.db.user.findUnique({
      where: { id: ctx.user.id },
      select: { id: true, email: true, name: true, role: true },
    });
  }),

  /** Changes my password; every session of mine (this one too) ends, so the browser signs in again. */
  changePassword: protectedProcedure
    .input(changePasswordInput)
    .output(z.object({ ok: z.literal(true) }))
    .mutation(async ({ ctx, input }) => {
      // Someone at an unlocked, signed-in screen must not be able to guess the current password.
      const guesses = createLimiter(ctx.db, { keyPrefix: "change-password", points: CHANGE_PASSWORD_FAILURES, durationSeconds: 15 * 60 });
      if (await guesses.isExhausted(ctx.user.id)) {
        throw new AppError("RATE_LIMITED", "Too many attempts. Please wait a few minutes and try again. Nothing was changed.");
      }
      const user = await ctx.db.user.findUniqueOrThrow({
        where: { id: ctx.user.id },
        select: { passwordHash: true },
      });
      if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
        await guesses.consume(ctx.user.id);
        throw new AppError("BAD_REQUEST", "Your current password doesn't match. Nothing was changed.");
      }
      if (input.currentPassword === input.newPassword) {
        throw new AppError("BAD_REQUEST", "Choose a new password that differs from the current one.");
      }
      const passwordHash = await hashPassword(input.newPassword);
      await ctx.db.$transaction(async (tx) => {
        await tx.user.update({
          where: { id: ctx.user.id },
          data: { passwordHash, sessionVersion: { increment: 1 } },
        });
        // A reset link issued before this change must not undo it.
        const now = new Date();
        await tx.passwordReset.updateMany({ where: { userId: ctx.user.id, usedAt: null, expiresAt: { gt: now } }, data: { expiresAt: now } });
        await recordAudit(tx, ctx.actor, { action: "account.password_changed", targetType: "User", targetId: ctx.user.id });
      });
      return { ok: true as const };
    }),
});
