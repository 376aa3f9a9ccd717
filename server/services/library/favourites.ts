import type { PrismaClient } from "../../generated/prisma/client";
import { resourceCardSelect, toResourceCard, visibleResourceWhere, type LibraryViewer } from "./access";
import { resourceNotFound } from "./write";

/** Sets (not flips) the favourite on a piece the viewer can see, so a double click or a retry lands where they meant. */
export async function setFavourite(db: PrismaClient, viewer: LibraryViewer, resourceId: string, favourite: boolean) {
  const visible = await db.resource.findFirst({
    where: { AND: [{ id: resourceId }, visibleResourceWhere(viewer)] },
    select: { id: true },
  });
  if (!visible) throw resourceNotFound();
  const key = { userId: viewer.id, resourceId };
  if (favourite) {
    await db.favorite.upsert({ where: { userId_resourceId: key }, create: key, update: {}, select: { userId: true } });
  } else {
    await db.favorite.deleteMany({ where: key });
  }
  return { favourite };
}

/** The viewer's favourites that they can still see, newest first. */
export async function listFavourites(db: PrismaClient, viewer: LibraryViewer) {
  const favourites = await db.favorite.findMany({
    where: { userId: viewer.id, resource: visibleResourceWhere(viewer) },
    orderBy: [{ createdAt: "desc" }, { resourceId: "asc" }],
    take: 200,
    select: { resource: { select: resourceCardSelect(viewer.id) } },
  });
  return favourites.map((f) => toResourceCard(viewer.id, f.resource));
}
