import { AppError } from "../app-error";
import { z } from "zod";
import { outputText, text } from "../schemas/text";
import { roleSchema } from "../schemas/account";
import { acceptInviteInput } from "../schemas/client";
import { acceptInvitation, describeInvitation } from "../services/invitations";
import { createLimiter } from "../services/rate-limit";
import { hashToken } from "../services/tokens";
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
      // Guessing tokens is hopeless (256 bits), but password checks for linked accounts are throttled,
      // per link and per client address.
      const perLink = await createLimiter(ctx.db, { keyPrefix: "invite-accept-link", points: 10, durationSeconds: 15 * 60 }).consume(hashToken(input.token));
      const perAddress = await createLimiter(ctx.db, { keyPrefix: "invite-accept-ip", points: 60, durationSeconds: 15 * 60 }).consume(ctx.ip ?? "unknown");
      if (!perLink.allowed || !perAddress.allowed) {
        throw new AppError("RATE_LIMITED", "Too many attempts. Please wait a few minutes and try again.");
      }
      const accepted = await acceptInvitation(ctx.db, { requestId: ctx.requestId, ip: ctx.ip }, input);
      return { email: accepted.email, role: accepted.role };
    }),
});
