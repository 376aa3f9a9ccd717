import { z } from "zod";
import { clientProcedure, router } from "../trpc/init";
import { outputText } from "../schemas/text";
import { offlinePages, offlineReadingState, setOfflineReading } from "../services/offline-reading";

// "Keep my readings on this device": see services/offline-reading.ts.

const offlineState = z.object({ enabled: z.boolean() });

export const offlineRouter = router({
  get: clientProcedure.output(offlineState).query(({ ctx }) => offlineReadingState(ctx.db, ctx.user.id)),

  set: clientProcedure
    .input(z.strictObject({ enabled: z.boolean() }))
    .output(offlineState)
    .mutation(({ ctx, input }) => setOfflineReading(ctx.db, ctx.user.id, input.enabled)),

  /** The pages to keep: "My readings" and each assigned reading (past its content note too). Newest first. */
  pages: clientProcedure.output(z.object({ urls: z.array(outputText()) })).query(({ ctx }) => offlinePages(ctx.db, ctx.user.id)),
});
