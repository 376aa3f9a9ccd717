import { z } from "zod";
import { outputText, text } from "../schemas/text";
import { assignCreateInput, assignResult, entityId, resourceKind } from "../schemas/assignment";
import { recordAudit } from "../services/audit/record";
import { assignToClients, remindClient, withdrawAssignment } from "../services/assignments/assign";
import { assignPickerOptions } from "../services/assignments/picker";
import { assignableClients, resourceEngagement } from "../services/tracking/engagement";
import { router, therapistProcedure } from "../trpc/init";

export const assignmentRouter = router({
  /** Assign a resource or a whole reading plan to one or many of my clients. */
  create: therapistProcedure
    .input(assignCreateInput)
    .output(z.array(assignResult))
    .mutation(({ ctx, input }) => assignToClients(ctx.db, ctx.actor, ctx.user.id, input)),

  withdraw: therapistProcedure
    .input(z.object({ id: entityId }))
    .output(z.object({ ok: z.literal(true) }))
    .mutation(async ({ ctx, input }) => {
      await withdrawAssignment(ctx.db, ctx.actor, ctx.user.id, input.id);
      return { ok: true as const };
    }),

  remind: therapistProcedure
    .input(z.object({ id: entityId }))
    .output(z.object({ remindedAt: z.date(), queuedUntil: z.date().nullable() }))
    .mutation(({ ctx, input }) => remindClient(ctx.db, ctx.actor, ctx.user.id, input.id)),

  /** My clients for the assign dialog, flagged when they already have `resourceId`. Client data: audited. */
  clientOptions: therapistProcedure
    .input(z.object({ resourceId: entityId.optional() }).optional())
    .output(z.array(z.object({ id: outputText(), name: outputText(), email: outputText(), alreadyAssigned: z.boolean() })))
    .query(async ({ ctx, input }) => {
      const clients = await assignableClients(ctx.db, ctx.user.id, input?.resourceId);
      // A read that showed no client shows no client data: nothing to audit.
      if (clients.length > 0) await recordAudit(ctx.db, ctx.actor, {
        action: "client_data.viewed",
        targetType: "ClientList",
        detail: { view: "assign_picker", clients: clients.length, ...(input?.resourceId ? { resourceId: input.resourceId } : {}) },
      });
      return clients;
    }),

  /** Readings and reading plans to pick from when assigning from a client's page. */
  pickerOptions: therapistProcedure
    .input(z.object({ q: text().trim().max(100).optional() }).optional())
    .output(
      z.object({
        resources: z.array(z.object({ id: outputText(), title: outputText(), kind: resourceKind, readingMinutes: z.number().int(), hasContentNote: z.boolean() })),
        collections: z.array(z.object({ id: outputText(), title: outputText(), items: z.number().int() })),
      }),
    )
    .query(({ ctx, input }) => assignPickerOptions(ctx.db, ctx.user.id, input?.q)),

  /** Per-resource engagement among my current clients (aggregate counts; audited as a view of client data). */
  engagement: therapistProcedure
    .input(z.object({ resourceId: entityId }))
    .output(z.object({ assigned: z.number().int(), opened: z.number().int(), finished: z.number().int(), averageRating: z.number().nullable(), ratingCount: z.number().int() }))
    .query(async ({ ctx, input }) => {
      // NOT_FOUND (and no audit row) for a resource I can't see; no row either when no client has it.
      const result = await resourceEngagement(ctx.db, ctx.user.id, input.resourceId);
      if (result.assigned > 0) await recordAudit(ctx.db, ctx.actor, {
        action: "client_data.viewed",
        targetType: "Resource",
        targetId: input.resourceId,
        detail: { view: "resource_engagement" },
      });
      return result;
    }),
});
