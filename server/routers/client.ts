import { z } from "zod";
import { outputText } from "../schemas/text";
import { entityId } from "../schemas/assignment";
import { clientDetail as clientDetailOutput, clientIdInput, clientSearchInput, clientSummary, inviteClientInput, inviteResult, pendingInvitation } from "../schemas/client";
import { recordAudit } from "../services/audit/record";
import { endCare } from "../services/care/end-care";
import { requireClientInCare } from "../services/care/scope";
import { clientDetail, listClientSummaries } from "../services/tracking/engagement";
import { inviteClient, pendingClientInvitations, resendClientInvitation, revokeInvitation } from "../services/invitations";
import { router, therapistProcedure } from "../trpc/init";

export const clientRouter = router({
  /** My clients in active care with their engagement; a view of client data, so audited. */
  list: therapistProcedure
    .input(clientSearchInput)
    .output(z.array(clientSummary))
    .query(async ({ ctx, input }) => {
      const clients = await listClientSummaries(ctx.db, ctx.user.id, input?.q);
      // A list (or search) that showed nobody showed no client data: nothing to audit.
      if (clients.length > 0) await recordAudit(ctx.db, ctx.actor, {
        action: "client_data.viewed",
        targetType: "ClientList",
        detail: { view: "client_list", clients: clients.length, searched: Boolean(input?.q) },
      });
      return clients;
    }),

  /** Invitations I sent that are neither accepted nor withdrawn (expired ones too, to resend). */
  invitations: therapistProcedure.output(z.array(pendingInvitation)).query(({ ctx }) => pendingClientInvitations(ctx.db, ctx.user.id)),

  invite: therapistProcedure
    .input(inviteClientInput)
    .output(inviteResult)
    .mutation(({ ctx, input }) => inviteClient(ctx.db, { ...ctx.actor, actorId: ctx.user.id }, input)),

  /** A fresh link (the old one stops working) with a new 7-day expiry. */
  resendInvite: therapistProcedure
    .input(z.object({ id: entityId }))
    .output(inviteResult)
    .mutation(({ ctx, input }) => resendClientInvitation(ctx.db, { ...ctx.actor, actorId: ctx.user.id }, input.id)),

  revokeInvite: therapistProcedure
    .input(z.object({ id: entityId }))
    .output(z.object({ ok: z.literal(true) }))
    .mutation(async ({ ctx, input }) => {
      await revokeInvitation(ctx.db, ctx.actor, input.id, { therapistId: ctx.user.id, role: "CLIENT" });
      return { ok: true as const };
    }),

  /** Ends care: from the next request I no longer see this client's data. History is kept. */
  endCare: therapistProcedure
    .input(clientIdInput)
    .output(z.object({ ok: z.literal(true) }))
    .mutation(({ ctx, input }) => endCare(ctx.db, ctx.actor, ctx.user.id, input.id)),

  /** One client's readings, tracking, shared reflections and timeline. Audited. */
  byId: therapistProcedure
    .input(clientIdInput)
    .output(clientDetailOutput)
    .query(async ({ ctx, input }) => {
      const detail = await clientDetail(ctx.db, ctx.user.id, input.id);
      await recordAudit(ctx.db, ctx.actor, {
        action: "client_data.viewed",
        targetType: "User",
        targetId: input.id,
        detail: { view: "client_detail", assignments: detail.assignments.length },
      });
      return detail;
    }),

  /** Just the name, for page titles; NOT_FOUND outside my active care. Not client data, not audited. */
  header: therapistProcedure
    .input(clientIdInput)
    .output(z.object({ name: outputText() }))
    .query(async ({ ctx, input }) => {
      const client = await requireClientInCare(ctx.db, ctx.user.id, input.id);
      return { name: client.name };
    }),
});
