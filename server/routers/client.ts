import { AppError } from "../app-error";
import { z } from "zod";
import { outputText } from "../schemas/text";
import { entityId } from "../schemas/assignment";
import { clientDetail as clientDetailOutput, clientIdInput, clientSearchInput, clientSummary, inviteClientInput, inviteResult, pendingInvitation } from "../schemas/client";
import { recordAudit } from "../services/audit/record";
import { CLIENT_NOT_FOUND, requireClientInCare } from "../services/care/scope";
import { clientDetail, listClientSummaries } from "../services/tracking/engagement";
import { createInvitation, revokeInvitation, type CreatedInvitation } from "../services/invitations";
import { createLimiter } from "../services/rate-limit";
import { router, therapistProcedure } from "../trpc/init";

function toInviteResult(created: CreatedInvitation) {
  return {
    invitationId: created.id,
    email: created.email,
    expiresAt: created.expiresAt,
    delivered: created.mail.delivered,
    // Without a mail server the link is shown once so the therapist can pass it on themselves.
    link: created.mail.delivered === "outbox" ? created.link : null,
  };
}

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
  invitations: therapistProcedure.output(z.array(pendingInvitation)).query(async ({ ctx }) => {
    const rows = await ctx.db.invitation.findMany({
      where: { therapistId: ctx.user.id, role: "CLIENT", acceptedAt: null, revokedAt: null },
      orderBy: { createdAt: "desc" },
      take: 100,
      select: { id: true, name: true, email: true, createdAt: true, expiresAt: true },
    });
    const now = Date.now();
    return rows.map((row) => ({ ...row, expired: row.expiresAt.getTime() <= now }));
  }),

  invite: therapistProcedure
    .input(inviteClientInput)
    .output(inviteResult)
    .mutation(async ({ ctx, input }) => {
      const limit = await createLimiter(ctx.db, { keyPrefix: "client-invite", points: 30, durationSeconds: 3600 }).consume(ctx.user.id);
      if (!limit.allowed) {
        throw new AppError("RATE_LIMITED", "That's a lot of invitations in a short time. Please try again in a little while.");
      }
      const existing = await ctx.db.user.findUnique({
        where: { email: input.email },
        select: { role: true, careAsClient: { where: { therapistId: ctx.user.id, active: true }, select: { id: true } } },
      });
      if (existing && existing.role !== "CLIENT") {
        throw new AppError("CONFLICT", "This email can't be invited as a client. Please use another address.");
      }
      if (existing && existing.careAsClient.length > 0) {
        throw new AppError("CONFLICT", "This person is already one of your clients.");
      }
      const created = await createInvitation(ctx.db, { ...ctx.actor, actorId: ctx.user.id }, { email: input.email, name: input.name, role: "CLIENT", therapistId: ctx.user.id });
      return toInviteResult(created);
    }),

  /** A fresh link (the old one stops working) with a new 7-day expiry. */
  resendInvite: therapistProcedure
    .input(z.object({ id: entityId }))
    .output(inviteResult)
    .mutation(async ({ ctx, input }) => {
      const invitation = await ctx.db.invitation.findFirst({
        where: { id: input.id, therapistId: ctx.user.id, role: "CLIENT", acceptedAt: null, revokedAt: null },
        select: { email: true, name: true },
      });
      if (!invitation) throw new AppError("NOT_FOUND", "We couldn't find a pending invitation to resend.");
      const created = await createInvitation(
        ctx.db,
        { ...ctx.actor, actorId: ctx.user.id },
        { email: invitation.email, name: invitation.name, role: "CLIENT", therapistId: ctx.user.id },
        { resend: true },
      );
      return toInviteResult(created);
    }),

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
    .mutation(async ({ ctx, input }) => {
      await ctx.db.$transaction(async (tx) => {
        const ended = await tx.careRelationship.updateMany({
          where: { therapistId: ctx.user.id, clientId: input.id, active: true },
          data: { status: "ENDED", active: null, endedAt: new Date() },
        });
        if (ended.count !== 1) throw new AppError("NOT_FOUND", CLIENT_NOT_FOUND);
        await recordAudit(tx, ctx.actor, { action: "care.ended", targetType: "User", targetId: input.id });
      });
      return { ok: true as const };
    }),

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
