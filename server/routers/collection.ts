import { z } from "zod";
import { outputText } from "../schemas/text";
import {
  collectionCreateInput,
  collectionDetailOutput,
  collectionIdInput,
  collectionItemInput,
  collectionListInput,
  collectionReorderInput,
  collectionSummaryOutput,
  collectionUpdateInput,
  collectionWriteOutput,
} from "../schemas/collection";
import {
  addCollectionItem,
  collectionDetail,
  createCollection,
  deleteCollection,
  listCollections,
  removeCollectionItem,
  reorderCollection,
  updateCollection,
} from "../services/collections";
import { router, therapistProcedure } from "../trpc/init";

export const collectionRouter = router({
  list: therapistProcedure
    .input(collectionListInput)
    .output(z.array(collectionSummaryOutput))
    .query(({ ctx, input }) => listCollections(ctx.db, ctx.user, input?.containsResourceId)),

  byId: therapistProcedure
    .input(collectionIdInput)
    .output(collectionDetailOutput)
    .query(({ ctx, input }) => collectionDetail(ctx.db, ctx.user, input.id)),

  create: therapistProcedure
    .input(collectionCreateInput)
    .output(collectionWriteOutput)
    .mutation(({ ctx, input }) => createCollection(ctx.db, ctx.user.id, input)),

  /** Rename and/or describe. */
  update: therapistProcedure
    .input(collectionUpdateInput)
    .output(collectionWriteOutput)
    .mutation(({ ctx, input }) => updateCollection(ctx.db, ctx.user.id, input)),

  delete: therapistProcedure
    .input(collectionIdInput)
    .output(z.object({ id: outputText() }))
    .mutation(({ ctx, input }) => deleteCollection(ctx.db, ctx.user.id, input.id)),

  addItem: therapistProcedure
    .input(collectionItemInput)
    .output(z.object({ position: z.number().int() }))
    .mutation(({ ctx, input }) => addCollectionItem(ctx.db, ctx.user, input)),

  removeItem: therapistProcedure
    .input(collectionItemInput)
    .output(z.object({ removed: z.boolean() }))
    .mutation(({ ctx, input }) => removeCollectionItem(ctx.db, ctx.user.id, input)),

  /** Takes the whole new order; items the owner can no longer see keep their relative order at the end. */
  reorder: therapistProcedure
    .input(collectionReorderInput)
    .output(z.object({ ok: z.literal(true) }))
    .mutation(({ ctx, input }) => reorderCollection(ctx.db, ctx.user, input)),
});
