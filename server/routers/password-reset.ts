import { z } from "zod";
import { text } from "../schemas/text";
import { emailInput, newPasswordInput } from "../schemas/account";
import { isResetTokenUsable, requestPasswordReset, resetPassword } from "../services/accounts/password-reset";
import { publicProcedure, router } from "../trpc/init";
import { errorFields, logger } from "../ops/log";

const tokenInput = text().trim().min(1).max(100);
const ok = z.object({ ok: z.literal(true) });

export const passwordResetRouter = router({
  /** Always the same answer, whether or not the email has an account (and whether throttled). */
  request: publicProcedure
    .input(z.object({ email: emailInput }))
    .output(ok)
    .mutation(async ({ ctx, input }) => {
      const { delivery } = await requestPasswordReset(ctx.db, { requestId: ctx.requestId, ip: ctx.ip }, input.email);
      // Not awaited: the answer must not wait on (and so reveal) an email being sent.
      delivery.catch((error: unknown) => logger.error({ msg: "sending the password reset email failed", requestId: ctx.requestId, ...errorFields(error) }));
      return { ok: true as const };
    }),

  /** Whether a reset link can still be used (for the page to show the form or a way forward). */
  check: publicProcedure
    .input(z.object({ token: tokenInput }))
    .output(z.object({ usable: z.boolean() }))
    .query(async ({ ctx, input }) => ({ usable: await isResetTokenUsable(ctx.db, input.token) })),

  /** Sets a new password with a link; ends every session of the account. */
  reset: publicProcedure
    .input(z.object({ token: tokenInput, password: newPasswordInput }))
    .output(ok)
    .mutation(async ({ ctx, input }) => {
      await resetPassword(ctx.db, { requestId: ctx.requestId, ip: ctx.ip }, input);
      return { ok: true as const };
    }),
});
