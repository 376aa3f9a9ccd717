import { z } from "zod";
import {
  favouriteInput,
  librarySearchInput,
  librarySearchOutput,
  resourceCardOutput,
  resourceCreateInput,
  resourceDetailOutput,
  resourceIdInput,
  resourceSlugInput,
  resourceUpdateInput,
  resourceWriteOutput,
  tagListOutput,
} from "../schemas/library";
import { resourceDetail } from "../services/library/detail";
import { listFavourites, setFavourite } from "../services/library/favourites";
import { searchLibrary } from "../services/library/search";
import { tagsInUse } from "../services/library/tags";
import { changeResourceStatus, createResource, updateResource } from "../services/library/write";
import { router, staffProcedure } from "../trpc/init";

/**
 * The library, for therapists (their own pieces + everything shared) and admins (the shared library).
 * Clients are refused by the procedure tier (FORBIDDEN); pieces a caller may not see are NOT_FOUND.
 */
export const libraryRouter = router({
  search: staffProcedure
    .input(librarySearchInput)
    .output(librarySearchOutput)
    .query(({ ctx, input }) => searchLibrary(ctx.db, ctx.user, input)),

  bySlug: staffProcedure
    .input(resourceSlugInput)
    .output(resourceDetailOutput)
    .query(({ ctx, input }) => resourceDetail(ctx.db, ctx.user, { slug: input.slug })),

  byId: staffProcedure
    .input(resourceIdInput)
    .output(resourceDetailOutput)
    .query(({ ctx, input }) => resourceDetail(ctx.db, ctx.user, { id: input.id })),

  /** Tags in use on pieces the caller can see (a private piece's tags stay private), with counts. */
  tags: staffProcedure.output(tagListOutput).query(({ ctx }) => tagsInUse(ctx.db, ctx.user)),

  create: staffProcedure
    .input(resourceCreateInput)
    .output(resourceWriteOutput)
    .mutation(({ ctx, input }) => createResource(ctx.db, ctx.user, ctx.actor, input)),

  update: staffProcedure
    .input(resourceUpdateInput)
    .output(resourceWriteOutput)
    .mutation(({ ctx, input }) => updateResource(ctx.db, ctx.user, ctx.actor, input)),

  publish: staffProcedure
    .input(resourceIdInput)
    .output(resourceWriteOutput)
    .mutation(({ ctx, input }) => changeResourceStatus(ctx.db, ctx.user, ctx.actor, input.id, "publish")),

  /** Back to draft: readers other than the owner (or, for the shared library, admins) stop seeing it. */
  unpublish: staffProcedure
    .input(resourceIdInput)
    .output(resourceWriteOutput)
    .mutation(({ ctx, input }) => changeResourceStatus(ctx.db, ctx.user, ctx.actor, input.id, "unpublish")),

  archive: staffProcedure
    .input(resourceIdInput)
    .output(resourceWriteOutput)
    .mutation(({ ctx, input }) => changeResourceStatus(ctx.db, ctx.user, ctx.actor, input.id, "archive")),

  /** Sets (not flips) the favourite, so a double click or a retry lands where the person meant. */
  favourite: staffProcedure
    .input(favouriteInput)
    .output(z.object({ favourite: z.boolean() }))
    .mutation(({ ctx, input }) => setFavourite(ctx.db, ctx.user, input.resourceId, input.favourite)),

  /** My favourites that I can still see, newest first. */
  favourites: staffProcedure.output(z.array(resourceCardOutput)).query(({ ctx }) => listFavourites(ctx.db, ctx.user)),
});
