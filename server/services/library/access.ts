// Who may see and who may change a library resource. Every library and collection query
// goes through these, so the rule lives in one place (Prisma `where` and raw SQL alike).
import { Prisma } from "../../generated/prisma/client";
import type { Role } from "../../generated/prisma/enums";

export type LibraryViewer = { id: string; role: Role };

/**
 * Therapists: published pieces of the shared library or shared by a colleague, plus every piece
 * of their own. Admins (curators of the shared library): the shared library in any status, plus
 * colleagues' shared published pieces. Anything else is invisible (NOT_FOUND).
 */
export function visibleResourceWhere(viewer: LibraryViewer): Prisma.ResourceWhereInput {
  if (viewer.role === "ADMIN") {
    return { OR: [{ ownerId: null }, { status: "PUBLISHED", visibility: "SHARED" }] };
  }
  return {
    OR: [{ ownerId: viewer.id }, { status: "PUBLISHED", OR: [{ ownerId: null }, { visibility: "SHARED" }] }],
  };
}

/** The same rule for raw SQL over "Resource" aliased as r. */
export function visibleResourceSql(viewer: LibraryViewer): Prisma.Sql {
  if (viewer.role === "ADMIN") {
    return Prisma.sql`(r."ownerId" IS NULL OR (r."status" = 'PUBLISHED' AND r."visibility" = 'SHARED'))`;
  }
  return Prisma.sql`(r."ownerId" = ${viewer.id} OR (r."status" = 'PUBLISHED' AND (r."ownerId" IS NULL OR r."visibility" = 'SHARED')))`;
}

/** Therapists change only their own pieces; admins only the shared library (ownerId null). */
export function editableResourceWhere(viewer: LibraryViewer): { ownerId: string | null } {
  return { ownerId: viewer.role === "ADMIN" ? null : viewer.id };
}

export function canEditResource(viewer: LibraryViewer, resource: { ownerId: string | null }): boolean {
  return viewer.role === "ADMIN" ? resource.ownerId === null : resource.ownerId === viewer.id;
}

const tagSelect = { tag: { select: { slug: true, name: true, group: true } } } satisfies Prisma.ResourceTagSelect;

/** What a result card shows; nothing else leaves the server for a list. */
export function resourceCardSelect(viewerId: string) {
  return {
    id: true,
    slug: true,
    title: true,
    summary: true,
    kind: true,
    audience: true,
    readingMinutes: true,
    contentNote: true,
    contentIntensity: true,
    status: true,
    visibility: true,
    ownerId: true,
    tags: { select: tagSelect, orderBy: { tag: { name: "asc" } } },
    favorites: { where: { userId: viewerId }, select: { userId: true } },
  } satisfies Prisma.ResourceSelect;
}

export type ResourceCardRow = Prisma.ResourceGetPayload<{ select: ReturnType<typeof resourceCardSelect> }>;

/** A row as the browser sees it: no owner id, no note text on a card (only whether there is one). */
export function toResourceCard(viewerId: string, row: ResourceCardRow, highlights: string[] = []) {
  return {
    id: row.id,
    slug: row.slug,
    title: row.title,
    summary: row.summary,
    kind: row.kind,
    audience: row.audience,
    readingMinutes: row.readingMinutes,
    contentIntensity: row.contentIntensity,
    hasContentNote: row.contentNote !== null,
    status: row.status,
    visibility: row.visibility,
    isOwn: row.ownerId === viewerId,
    isFavourite: row.favorites.length > 0,
    tags: row.tags.map((t) => t.tag),
    highlights,
  };
}
