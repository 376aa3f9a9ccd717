import { z } from "zod";
import { outputText, text } from "../schemas/text";
import { roleSchema } from "../schemas/account";
import { acceptInviteInput } from "../schemas/client";
import { acceptInvitationThrottled, describeInvitation } from "../services/invitations";
import { publicProcedure, router } from "../trpc/init";

const tokenInput = z.object({ token: text().min(1).max(200) });

// Public: the person holding an invitation link is not signed in yet. The token is the only key.
export const inviteRouter = router({
  /** What the invitation is for, or null for any link that can't be used (one calm message for all). */
  describe: publicProcedure
    .input(tokenInput)
    .output(
      z
        .object({ name: outputText(), email: outputText(), role: roleSchema, inviterName: outputText(), expiresAt: z.date(), existingAccount: z.boolean() })
        .nullable(),
    )
    .query(({ ctx, input }) => describeInvitation(ctx.db, input.token)),

  accept: publicProcedure
    .input(acceptInviteInput)
    .output(z.object({ email: outputText(), role: roleSchema }))
    .mutation(async ({ ctx, input }) => {
      const accepted = await acceptInvitationThrottled(ctx.db, { requestId: ctx.requestId, ip: ctx.ip }, input);
      return { email: accepted.email, role: accepted.role };
    }),
});
