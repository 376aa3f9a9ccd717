import { z } from "zod";
import { outputText } from "../schemas/text";
import { recordAudit } from "../services/audit/record";
import { recordHomeVisit, therapistDashboard } from "../services/dashboard/therapist";
import { router, therapistProcedure } from "../trpc/init";

const attentionItem = z.object({
  assignmentId: outputText(),
  clientId: outputText(),
  clientName: outputText(),
  resourceTitle: outputText(),
  assignedAt: z.date(),
  completedAt: z.date().nullable(),
});

const therapistDashboardOutput = z.object({
  since: z.date().nullable(),
  notOpened: z.array(attentionItem),
  finished: z.array(attentionItem),
  reflections: z.array(attentionItem.extend({ rating: z.number().int().nullable(), body: outputText(), sharedAt: z.date().nullable() })),
  weekly: z.array(z.object({ weekStart: z.date(), opens: z.number().int(), completions: z.number().int() })),
});

/** The therapist home. (The admin overview is `admin.overview`.) */
export const dashboardRouter = router({
  /**
   * Records this visit to the therapist home and returns the previous one, which the dashboard
   * uses for "since my last visit". Called by the home page's server render (prefetches skipped).
   */
  visitHome: therapistProcedure
    .output(z.object({ previousVisitAt: z.date().nullable() }))
    .mutation(({ ctx }) => recordHomeVisit(ctx.db, ctx.user.id)),

  /** Needs attention, finished and shared since `since`, and a weekly chart. Audited. */
  therapist: therapistProcedure
    .input(z.object({ since: z.date().nullable() }))
    .output(therapistDashboardOutput)
    .query(async ({ ctx, input }) => {
      const data = await therapistDashboard(ctx.db, ctx.user.id, input.since);
      // Nothing needing attention, finished or shared: no client was shown, so nothing to audit.
      const showedClients = data.notOpened.length + data.finished.length + data.reflections.length > 0;
      if (showedClients) await recordAudit(ctx.db, ctx.actor, { action: "client_data.viewed", targetType: "ClientList", detail: { view: "dashboard" } });
      return data;
    }),
});
