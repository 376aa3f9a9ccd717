import { z } from "zod";
import { entityId } from "../schemas/assignment";
import { checkInInput, checkInPromptInput, checkInResult, checkInState, groundingPiece, groundingSlugInput } from "../schemas/worksheet";
import { groundingPiece as readGroundingPiece, groundingPieces, readCheckInPrompt, readCheckInState, saveCheckIn, setCheckInPrompt } from "../services/check-ins";
import { clientProcedure, router } from "../trpc/init";
import { outputText } from "../schemas/text";

// The optional check-in after a reading, the client's own preference for it, and the grounding
// pieces Haven offers after a hard time. Clients only; their own assignments only.
export const checkInRouter = router({
  state: clientProcedure
    .input(z.object({ id: entityId }))
    .output(checkInState)
    .query(({ ctx, input }) => readCheckInState(ctx.db, ctx.user.id, input.id)),

  save: clientProcedure
    .input(checkInInput)
    .output(checkInResult)
    .mutation(({ ctx, input }) =>
      saveCheckIn(ctx.db, { clientId: ctx.user.id, assignmentId: input.id, feeling: input.feeling, words: input.words, sharedWithTherapist: input.sharedWithTherapist }),
    ),

  prompt: clientProcedure.output(z.object({ enabled: z.boolean() })).query(({ ctx }) => readCheckInPrompt(ctx.db, ctx.user.id)),

  setPrompt: clientProcedure
    .input(checkInPromptInput)
    .output(z.object({ enabled: z.boolean() }))
    .mutation(({ ctx, input }) => setCheckInPrompt(ctx.db, ctx.user.id, input.enabled)),

  grounding: clientProcedure.output(z.array(groundingPiece)).query(({ ctx }) => groundingPieces(ctx.db)),

  groundingPiece: clientProcedure
    .input(groundingSlugInput)
    .output(groundingPiece.extend({ body: outputText() }))
    .query(({ ctx, input }) => readGroundingPiece(ctx.db, input.slug)),
});
