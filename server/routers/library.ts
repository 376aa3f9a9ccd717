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
import type { Prisma } from "../generated/prisma/client";
import { canEditResource, resourceCardSelect, toResourceCard, visibleResourceWhere, type LibraryViewer } from "../services/library/access";
import { searchLibrary } from "../services/library/search";
import { changeResourceStatus, createResource, resourceNotFound, updateResource } from "../services/library/write";
import { router, staffProcedure } from "../trpc/init";
import type { Context } from "../trpc/init";

function detailSelect(viewerId: string) {
  return {
    ...resourceCardSelect(viewerId),
    body: true,
    url: true,
    version: true,
    publishedAt: true,
    updatedAt: true,
    owner: { select: { name: true } },
  } satisfies Prisma.ResourceSelect;
}

async function loadDetail(db: Context["db"], viewer: LibraryViewer, where: Prisma.ResourceWhereInput) {
  const row = await db.resource.findFirst({ where: { AND: [where, visibleResourceWhere(viewer)] }, select: detailSelect(viewer.id) });
  if (!row) throw resourceNotFound();
  const { highlights: _unused, ...card } = toResourceCard(viewer.id, row);
  return {
    ...card,
    body: row.body,
    url: row.url,
    contentNote: row.contentNote,
    version: row.version,
    ownerName: row.owner?.name ?? null,
    canEdit: canEditResource(viewer, row),
    publishedAt: row.publishedAt,
    updatedAt: row.updatedAt,
  };
}

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
    .query(({ ctx, input }) => loadDetail(ctx.db, ctx.user, { slug: input.slug })),

  byId: staffProcedure
    .input(resourceIdInput)
    .output(resourceDetailOutput)
    .query(({ ctx, input }) => loadDetail(ctx.db, ctx.user, { id: input.id })),

  /** Tags in use on pieces the caller can see (a private piece's tags stay private), with counts. */
  tags: staffProcedure.output(tagListOutput).query(async ({ ctx }) => {
    const visible = visibleResourceWhere(ctx.user);
    const tags = await ctx.db.tag.findMany({
      where: { resources: { some: { resource: visible } } },
      select: { slug: true, name: true, group: true, _count: { select: { resources: { where: { resource: visible } } } } },
      orderBy: { name: "asc" },
    });
    return tags.map(({ _count, ...tag }) => ({ ...tag, count: _count.resources }));
  }),

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
    .mutation(async ({ ctx, input }) => {
      const visible = await ctx.db.resource.findFirst({
        where: { AND: [{ id: input.resourceId }, visibleResourceWhere(ctx.user)] },
        select: { id: true },
      });
      if (!visible) throw resourceNotFound();
      const key = { userId: ctx.user.id, resourceId: input.resourceId };
      if (input.favourite) {
        await ctx.db.favorite.upsert({ where: { userId_resourceId: key }, create: key, update: {}, select: { userId: true } });
      } else {
        await ctx.db.favorite.deleteMany({ where: key });
      }
      return { favourite: input.favourite };
    }),

  /** My favourites that I can still see, newest first. */
  favourites: staffProcedure.output(z.array(resourceCardOutput)).query(async ({ ctx }) => {
    const favourites = await ctx.db.favorite.findMany({
      where: { userId: ctx.user.id, resource: visibleResourceWhere(ctx.user) },
      orderBy: [{ createdAt: "desc" }, { resourceId: "asc" }],
      take: 200,
      select: { resource: { select: resourceCardSelect(ctx.user.id) } },
    });
    return favourites.map((f) => toResourceCard(ctx.user.id, f.resource));
  }),
});
