import { AppError } from "../app-error";
import { z } from "zod";
import { outputText } from "../schemas/text";
import type { Prisma } from "../generated/prisma/client";
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
  MAX_COLLECTION_ITEMS,
} from "../schemas/collection";
import { resourceCardSelect, toResourceCard, visibleResourceWhere } from "../services/library/access";
import { resourceNotFound } from "../services/library/write";
import { router, therapistProcedure } from "../trpc/init";

const collectionFields = { id: true, title: true, description: true } satisfies Prisma.CollectionSelect;

function collectionNotFound() {
  return new AppError("NOT_FOUND", "We couldn't find that reading plan. It may have been deleted.");
}

/**
 * Claims the owner's collection for the rest of the transaction: the row lock serialises concurrent
 * adds and reorders of one plan, and a plan that isn't the caller's answers NOT_FOUND.
 */
async function lockOwnCollection(tx: Prisma.TransactionClient, id: string, ownerId: string) {
  const { count } = await tx.collection.updateMany({ where: { id, ownerId }, data: { updatedAt: new Date() } });
  if (count === 0) throw collectionNotFound();
}

export const collectionRouter = router({
  list: therapistProcedure
    .input(collectionListInput)
    .output(z.array(collectionSummaryOutput))
    .query(async ({ ctx, input }) => {
      const visible = visibleResourceWhere(ctx.user);
      const containsId = input?.containsResourceId;
      const collections = await ctx.db.collection.findMany({
        where: { ownerId: ctx.user.id },
        orderBy: [{ updatedAt: "desc" }, { id: "asc" }],
        take: 200,
        select: {
          ...collectionFields,
          updatedAt: true,
          _count: { select: { items: { where: { resource: visible } } } },
          items: containsId ? { where: { resourceId: containsId, resource: visible }, select: { id: true } } : false,
        },
      });
      return collections.map(({ _count, items, ...c }) => ({ ...c, itemCount: _count.items, containsResource: (items?.length ?? 0) > 0 }));
    }),

  byId: therapistProcedure
    .input(collectionIdInput)
    .output(collectionDetailOutput)
    .query(async ({ ctx, input }) => {
      const collection = await ctx.db.collection.findFirst({
        where: { id: input.id, ownerId: ctx.user.id },
        select: {
          ...collectionFields,
          updatedAt: true,
          _count: { select: { items: true } },
          items: {
            where: { resource: visibleResourceWhere(ctx.user) },
            orderBy: [{ position: "asc" }, { id: "asc" }],
            select: { position: true, resource: { select: resourceCardSelect(ctx.user.id) } },
          },
        },
      });
      if (!collection) throw collectionNotFound();
      const { _count, items, ...rest } = collection;
      return {
        ...rest,
        items: items.map((item) => ({ position: item.position, resource: toResourceCard(ctx.user.id, item.resource) })),
        unavailableCount: _count.items - items.length,
      };
    }),

  create: therapistProcedure
    .input(collectionCreateInput)
    .output(collectionWriteOutput)
    .mutation(({ ctx, input }) =>
      ctx.db.collection.create({ data: { ownerId: ctx.user.id, title: input.title, description: input.description }, select: collectionFields }),
    ),

  /** Rename and/or describe. */
  update: therapistProcedure
    .input(collectionUpdateInput)
    .output(collectionWriteOutput)
    .mutation(async ({ ctx, input }) => {
      const { count } = await ctx.db.collection.updateMany({
        where: { id: input.id, ownerId: ctx.user.id },
        data: { title: input.title, description: input.description },
      });
      if (count === 0) throw collectionNotFound();
      return ctx.db.collection.findUniqueOrThrow({ where: { id: input.id }, select: collectionFields });
    }),

  delete: therapistProcedure
    .input(collectionIdInput)
    .output(z.object({ id: outputText() }))
    .mutation(async ({ ctx, input }) => {
      const { count } = await ctx.db.collection.deleteMany({ where: { id: input.id, ownerId: ctx.user.id } });
      if (count === 0) throw collectionNotFound();
      return { id: input.id };
    }),

  addItem: therapistProcedure
    .input(collectionItemInput)
    .output(z.object({ position: z.number().int() }))
    .mutation(({ ctx, input }) =>
      ctx.db.$transaction(async (tx) => {
        await lockOwnCollection(tx, input.collectionId, ctx.user.id);
        const resource = await tx.resource.findFirst({
          where: { AND: [{ id: input.resourceId }, visibleResourceWhere(ctx.user)] },
          select: { id: true },
        });
        if (!resource) throw resourceNotFound();
        const existing = await tx.collectionItem.findUnique({
          where: { collectionId_resourceId: { collectionId: input.collectionId, resourceId: input.resourceId } },
          select: { id: true },
        });
        if (existing) throw new AppError("CONFLICT", "That resource is already in this reading plan.");
        const last = await tx.collectionItem.aggregate({ where: { collectionId: input.collectionId }, _max: { position: true }, _count: true });
        if (last._count >= MAX_COLLECTION_ITEMS) {
          throw new AppError("BAD_REQUEST", `A reading plan can hold up to ${MAX_COLLECTION_ITEMS} pieces. Start a new plan for the rest.`);
        }
        const position = (last._max.position ?? -1) + 1;
        await tx.collectionItem.create({ data: { collectionId: input.collectionId, resourceId: input.resourceId, position } });
        return { position };
      }),
    ),

  removeItem: therapistProcedure
    .input(collectionItemInput)
    .output(z.object({ removed: z.boolean() }))
    .mutation(({ ctx, input }) =>
      ctx.db.$transaction(async (tx) => {
        await lockOwnCollection(tx, input.collectionId, ctx.user.id);
        const item = await tx.collectionItem.findUnique({
          where: { collectionId_resourceId: { collectionId: input.collectionId, resourceId: input.resourceId } },
          select: { id: true, position: true },
        });
        if (!item) return { removed: false };
        await tx.collectionItem.delete({ where: { id: item.id } });
        // Keep positions 0..n-1 without gaps.
        await tx.collectionItem.updateMany({
          where: { collectionId: input.collectionId, position: { gt: item.position } },
          data: { position: { decrement: 1 } },
        });
        return { removed: true };
      }),
    ),

  /** Takes the whole new order; items the owner can no longer see keep their relative order at the end. */
  reorder: therapistProcedure
    .input(collectionReorderInput)
    .output(z.object({ ok: z.literal(true) }))
    .mutation(({ ctx, input }) =>
      ctx.db.$transaction(async (tx) => {
        await lockOwnCollection(tx, input.collectionId, ctx.user.id);
        const visible = visibleResourceWhere(ctx.user);
        const items = await tx.collectionItem.findMany({
          where: { collectionId: input.collectionId },
          orderBy: [{ position: "asc" }, { id: "asc" }],
          select: { id: true, resourceId: true },
        });
        const visibleIds = new Set(
          (await tx.collectionItem.findMany({ where: { collectionId: input.collectionId, resource: visible }, select: { resourceId: true } })).map(
            (i) => i.resourceId,
          ),
        );
        const requested = new Set(input.resourceIds);
        if (requested.size !== input.resourceIds.length || requested.size !== visibleIds.size || [...requested].some((id) => !visibleIds.has(id))) {
          throw new AppError("CONFLICT", "This reading plan changed in the meantime. Reload the page and try again.");
        }
        const order = [...input.resourceIds, ...items.filter((i) => !visibleIds.has(i.resourceId)).map((i) => i.resourceId)];
        const itemByResource = new Map(items.map((i) => [i.resourceId, i.id]));
        for (const [position, resourceId] of order.entries()) {
          await tx.collectionItem.update({ where: { id: itemByResource.get(resourceId) as string }, data: { position } });
        }
        return { ok: true as const };
      }),
    ),
});
