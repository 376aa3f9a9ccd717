import { AppError } from "../app-error";
import type { Prisma, PrismaClient } from "../generated/prisma/client";
import { MAX_COLLECTION_ITEMS } from "../schemas/collection";
import { resourceCardSelect, toResourceCard, visibleResourceWhere, type LibraryViewer } from "./library/access";
import { resourceNotFound } from "./library/write";

// Reading plans (collections): a therapist's own ordered lists of library pieces. Every function
// is scoped to the owner; a plan that isn't theirs answers NOT_FOUND.

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

/** My plans, newest change first; `containsResourceId` flags the plans that already hold that piece. */
export async function listCollections(db: PrismaClient, viewer: LibraryViewer, containsResourceId?: string) {
  const visible = visibleResourceWhere(viewer);
  const collections = await db.collection.findMany({
    where: { ownerId: viewer.id },
    orderBy: [{ updatedAt: "desc" }, { id: "asc" }],
    take: 200,
    select: {
      ...collectionFields,
      updatedAt: true,
      _count: { select: { items: { where: { resource: visible } } } },
      items: containsResourceId ? { where: { resourceId: containsResourceId, resource: visible }, select: { id: true } } : false,
    },
  });
  return collections.map(({ _count, items, ...c }) => ({ ...c, itemCount: _count.items, containsResource: (items?.length ?? 0) > 0 }));
}

/** One plan with the pieces I can still see, in order, and a count of those I no longer can. */
export async function collectionDetail(db: PrismaClient, viewer: LibraryViewer, id: string) {
  const collection = await db.collection.findFirst({
    where: { id, ownerId: viewer.id },
    select: {
      ...collectionFields,
      updatedAt: true,
      _count: { select: { items: true } },
      items: {
        where: { resource: visibleResourceWhere(viewer) },
        orderBy: [{ position: "asc" }, { id: "asc" }],
        select: { position: true, resource: { select: resourceCardSelect(viewer.id) } },
      },
    },
  });
  if (!collection) throw collectionNotFound();
  const { _count, items, ...rest } = collection;
  return {
    ...rest,
    items: items.map((item) => ({ position: item.position, resource: toResourceCard(viewer.id, item.resource) })),
    unavailableCount: _count.items - items.length,
  };
}

export function createCollection(db: PrismaClient, ownerId: string, input: { title: string; description?: string }) {
  return db.collection.create({ data: { ownerId, title: input.title, description: input.description }, select: collectionFields });
}

/** Rename and/or describe. */
export async function updateCollection(
  db: PrismaClient,
  ownerId: string,
  input: { id: string; title?: string; description?: string },
) {
  const { count } = await db.collection.updateMany({
    where: { id: input.id, ownerId },
    data: { title: input.title, description: input.description },
  });
  if (count === 0) throw collectionNotFound();
  return db.collection.findUniqueOrThrow({ where: { id: input.id }, select: collectionFields });
}

export async function deleteCollection(db: PrismaClient, ownerId: string, id: string) {
  const { count } = await db.collection.deleteMany({ where: { id, ownerId } });
  if (count === 0) throw collectionNotFound();
  return { id };
}

/** Appends a piece I can see; CONFLICT when it is already there, BAD_REQUEST when the plan is full. */
export function addCollectionItem(db: PrismaClient, viewer: LibraryViewer, input: { collectionId: string; resourceId: string }) {
  return db.$transaction(async (tx) => {
    await lockOwnCollection(tx, input.collectionId, viewer.id);
    const resource = await tx.resource.findFirst({
      where: { AND: [{ id: input.resourceId }, visibleResourceWhere(viewer)] },
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
  });
}

export function removeCollectionItem(db: PrismaClient, ownerId: string, input: { collectionId: string; resourceId: string }) {
  return db.$transaction(async (tx) => {
    await lockOwnCollection(tx, input.collectionId, ownerId);
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
  });
}

/** Takes the whole new order; items the owner can no longer see keep their relative order at the end. */
export function reorderCollection(db: PrismaClient, viewer: LibraryViewer, input: { collectionId: string; resourceIds: string[] }) {
  return db.$transaction(async (tx) => {
    await lockOwnCollection(tx, input.collectionId, viewer.id);
    const visible = visibleResourceWhere(viewer);
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
  });
}
