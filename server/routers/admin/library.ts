import { z } from "zod";
import { adminLibraryListInput, adminLibraryListOutput, transferSharedInput } from "../../schemas/admin";
import { listSharedLibrary, transferSharedResources } from "../../services/library/shared-admin";
import { adminProcedure, router } from "../../trpc/init";

export const adminLibraryRouter = router({
  /** The shared library for curation (any status). Edits and status changes: the library router. */
  libraryList: adminProcedure
    .input(adminLibraryListInput)
    .output(adminLibraryListOutput)
    .query(({ ctx, input }) => listSharedLibrary(ctx.db, input)),

  /** Moves a therapist's shared resources into the practice's library. */
  transferSharedResources: adminProcedure
    .input(transferSharedInput)
    .output(z.object({ transferred: z.number().int() }))
    .mutation(({ ctx, input }) => transferSharedResources(ctx.db, ctx.actor, input.therapistId)),
});
