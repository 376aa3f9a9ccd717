import { AppError } from "../app-error";
import { preferencesOutput, preferencesUpdateInput } from "../schemas/preferences";
import { readPreferences, updatePreferences } from "../services/preferences";
import { protectedProcedure, router } from "../trpc/init";

/** Display and safety preferences. Anyone signed in reads and changes only their own. */
export const preferencesRouter = router({
  get: protectedProcedure.output(preferencesOutput).query(({ ctx }) => readPreferences(ctx.db, ctx.user.id)),

  update: protectedProcedure
    .input(preferencesUpdateInput)
    .output(preferencesOutput)
    .mutation(async ({ ctx, input }) => {
      const updated = await updatePreferences(ctx.db, ctx.user.id, input);
      if (!updated) throw new AppError("NOT_FOUND", "We couldn't find your account. Please sign in again.");
      return updated;
    }),
});
