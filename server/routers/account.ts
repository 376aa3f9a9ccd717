import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { changePasswordInput } from "../schemas/account";
import { recordAudit } from "../services/audit";
import { hashPassword, verifyPassword } from "../services/passwords";
import { protectedProcedure, publicProcedure, router } from "../trpc";

const meOutput = z
  .object({ id: z.string(), email: z.string(), name: z.string(), role: z.enum(["ADMIN", "THERAPIST", "CLIENT"]) })
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
      const user = await ctx.db.user.findUniqueOrThrow({
        where: { id: ctx.user.id },
        select: { passwordHash: true },
      });
      if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
        throw new TRPCError({ code: "BAD_REQUEST", message: "Your current password doesn't match. Nothing was changed." });
      }
      if (input.currentPassword === input.newPassword) {
        throw new TRPCError({ code: "BAD_REQUEST", message: "Choose a new password that differs from the current one." });
      }
      const passwordHash = await hashPassword(input.newPassword);
      await ctx.db.$transaction(async (tx) => {
        await tx.user.update({
          where: { id: ctx.user.id },
          data: { passwordHash, sessionVersion: { increment: 1 } },
        });
        await recordAudit(tx, ctx.actor, { action: "account.password_changed", targetType: "User", targetId: ctx.user.id });
      });
      return { ok: true as const };
    }),
});
