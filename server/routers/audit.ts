import { auditListInput, auditListOutput } from "../schemas/audit";
import { auditWhere, pageAuditEvents } from "../services/audit/query";
import { adminProcedure, router } from "../trpc/init";

export const auditRouter = router({
  /** The audit trail, newest first, filtered; keyset pages on (at, id). Any date range works. */
  list: adminProcedure
    .input(auditListInput)
    .output(auditListOutput)
    .query(async ({ ctx, input }) => pageAuditEvents(ctx.db, await auditWhere(ctx.db, input.filter), input)),
});
