import { AppError } from "../app-error";
import { z } from "zod";
import { clientProcedure, router } from "../trpc/init";
import { outputText } from "../schemas/text";

// "Keep my readings on this device": a client's opt-in (off by default) and the list of pages the
// service worker (public/sw.js) keeps for reading offline. Only the client's own, non-withdrawn
// assignments, and nothing at all while the option is off.

/** Enough for every reading a client is likely to open offline, bounded so the device copy stays small. */
export const MAX_OFFLINE_READINGS = 60;

const offlineState = z.object({ enabled: z.boolean() });

export const offlineRouter = router({
  get: clientProcedure.output(offlineState).query(async ({ ctx }) => {
    const row = await ctx.db.user.findUnique({ where: { id: ctx.user.id }, select: { offlineReading: true } });
    return { enabled: row?.offlineReading ?? false };
  }),

  set: clientProcedure
    .input(z.strictObject({ enabled: z.boolean() }))
    .output(offlineState)
    .mutation(async ({ ctx, input }) => {
      const { count } = await ctx.db.user.updateMany({ where: { id: ctx.user.id }, data: { offlineReading: input.enabled } });
      if (count !== 1) throw new AppError("NOT_FOUND", "We couldn't find your account. Please sign in again.");
      return { enabled: input.enabled };
    }),

  /** The pages to keep: "My readings" and each assigned reading (past its content note too). Newest first. */
  pages: clientProcedure.output(z.object({ urls: z.array(outputText()) })).query(async ({ ctx }) => {
    const user = await ctx.db.user.findUnique({ where: { id: ctx.user.id }, select: { offlineReading: true } });
    if (!user?.offlineReading) return { urls: [] };
    const rows = await ctx.db.assignment.findMany({
      where: { clientId: ctx.user.id, active: true },
      orderBy: { assignedAt: "desc" },
      take: MAX_OFFLINE_READINGS,
      select: { id: true, resource: { select: { contentNote: true } } },
    });
    const urls = ["/client"];
    for (const row of rows) {
      urls.push(`/client/readings/${row.id}`);
      if (row.resource.contentNote) urls.push(`/client/readings/${row.id}?ready=1`);
    }
    return { urls };
  }),
});
