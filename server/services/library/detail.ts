import type { Prisma, PrismaClient } from "../../generated/prisma/client";
import { canEditResource, resourceCardSelect, toResourceCard, visibleResourceWhere, type LibraryViewer } from "./access";
import { resourceNotFound } from "./write";

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

/** One piece the viewer may see (by id or slug), with its body; NOT_FOUND otherwise. */
export async function resourceDetail(db: PrismaClient, viewer: LibraryViewer, where: { id: string } | { slug: string }) {
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
