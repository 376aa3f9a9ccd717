import { z } from "zod";
import { outputText } from "../schemas/text";
import { changePasswordInput } from "../schemas/account";
import { changeOwnPassword } from "../services/accounts/change-password";
import { ownAccount } from "../services/accounts/queries";
import { protectedProcedure, publicProcedure, router } from "../trpc/init";

const meOutput = z
  .object({ id: outputText(), email: outputText(), name: outputText(), role: z.enum(["ADMIN", "THERAPIST", "CLIENT"]) })
  .nullable();

export const accountRouter = router({
  /** Who am I? null when signed out. */
  me: publicProcedure.output(meOutput).query(({ ctx }) => (ctx.user ? ownAccount(ctx.db, ctx.user.id) : null)),

  /** Changes my password; every session of mine (this one too) ends, so the browser signs in again. */
  changePassword: protectedProcedure
    .input(changePasswordInput)
    .output(z.object({ ok: z.literal(true) }))
    .mutation(({ ctx, input }) => changeOwnPassword(ctx.db, ctx.actor, ctx.user.id, input)),
});
