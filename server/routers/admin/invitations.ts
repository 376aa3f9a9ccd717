import { z } from "zod";
import { entityId, inviteStaffInput, issuedLinkOutput, staffInvitation } from "../../schemas/admin";
import { listStaffInvitations } from "../../services/accounts/queries";
import { inviteStaff, revokeInvitation } from "../../services/invitations";
import { adminProcedure, router } from "../../trpc/init";

export const adminInvitationsRouter = router({
  inviteStaff: adminProcedure
    .input(inviteStaffInput)
    .output(issuedLinkOutput)
    .mutation(({ ctx, input }) => inviteStaff(ctx.db, { ...ctx.actor, actorId: ctx.user.id }, input)),

  listInvitations: adminProcedure.output(z.array(staffInvitation)).query(({ ctx }) => listStaffInvitations(ctx.db)),

  revokeInvitation: adminProcedure
    .input(z.object({ invitationId: entityId }))
    .output(z.object({ ok: z.literal(true) }))
    .mutation(async ({ ctx, input }) => {
      await revokeInvitation(ctx.db, ctx.actor, input.invitationId, { role: { in: ["THERAPIST", "ADMIN"] } });
      return { ok: true as const };
    }),
});
