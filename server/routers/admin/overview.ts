import { z } from "zod";
import { overviewOutput } from "../../schemas/admin";
import { auditEventView } from "../../schemas/audit";
import { pageAuditEvents } from "../../services/audit/query";
import { systemOverview } from "../../services/dashboard/admin";
import { adminProcedure, router } from "../../trpc/init";

export const adminOverviewRouter = router({
  /** Counts for the overview, plus the 20 newest audit events. */
  overview: adminProcedure
    .output(overviewOutput.extend({ recentEvents: z.array(auditEventView) }))
    .query(async ({ ctx }) => {
      const [counts, recent] = await Promise.all([systemOverview(ctx.db), pageAuditEvents(ctx.db, {}, { limit: 20 })]);
      return { ...counts, recentEvents: recent.items };
    }),
});
