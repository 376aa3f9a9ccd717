import { z } from "zod";
import { entityId } from "../schemas/assignment";
import { ownWorksheet, saveAnswerInput, savedAnswer, setSharingInput, sharedAnswers, sharingState } from "../schemas/worksheet";
import { readOwnWorksheet, readSharedAnswers, saveAnswer, setWorksheetSharing } from "../services/worksheets";
import { clientProcedure, router, therapistProcedure } from "../trpc/init";

// Worksheet answers. Clients: their own, active assignments only. Therapists: shared answers of
// their clients in active care only. Admins: nothing. Anything else is NOT_FOUND.
export const worksheetRouter = router({
  /** The client's own answers (each with the prompt as it read when answered) and sharing state. */
  mine: clientProcedure
    .input(z.object({ id: entityId }))
    .output(ownWorksheet)
    .query(({ ctx, input }) => readOwnWorksheet(ctx.db, ctx.user.id, input.id)),

  /** Autosave of one answer: idempotent per key, ordered by revision. */
  saveAnswer: clientProcedure
    .input(saveAnswerInput)
    .output(savedAnswer)
    .mutation(({ ctx, input }) =>
      saveAnswer(ctx.db, {
        clientId: ctx.user.id,
        assignmentId: input.id,
        promptId: input.promptId,
        value: input.value,
        key: input.key,
        baseRevision: input.baseRevision,
      }),
    ),

  /** Share with the therapist, or stop sharing. */
  setSharing: clientProcedure
    .input(setSharingInput)
    .output(sharingState)
    .mutation(({ ctx, input }) => setWorksheetSharing(ctx.db, ctx.actor, { clientId: ctx.user.id, assignmentId: input.id, shared: input.shared })),

  /** For the therapist: the answers a client shared on one assignment (audited as worksheet.viewed). */
  shared: therapistProcedure
    .input(z.object({ id: entityId }))
    .output(sharedAnswers)
    .query(({ ctx, input }) => readSharedAnswers(ctx.db, ctx.actor, ctx.user.id, input.id)),
});
