import type { Prisma, PrismaClient } from "../../generated/prisma/client";
import { groupForTag } from "../../schemas/library";
import { slugify } from "../../schemas/library-text";
import { visibleResourceWhere, type LibraryViewer } from "./access";

/** Trimmed, inner spaces collapsed, one per slug (so "Self compassion" and "self-compassion" are one tag). */
export function normalizeTagNames(names: readonly string[]): { slug: string; name: string }[] {
  const bySlug = new Map<string, string>();
  for (const raw of names) {
    const name = raw.trim().replace(/\s+/g, " ");
    if (!name) continue;
    const slug = slugify(name, "");
    if (slug && !bySlug.has(slug)) bySlug.set(slug, name);
  }
  return [...bySlug].map(([slug, name]) => ({ slug, name }));
}

/**
 * Makes the resource's tags exactly `names` (creating unknown tags in their vocabulary group, or
 * "topic") and keeps Resource.tagText equal to the space-joined tag names, in the caller's transaction.
 */
export async function syncResourceTags(tx: Prisma.TransactionClient, resourceId: string, names: readonly string[]): Promise<string> {
  const wanted = normalizeTagNames(names);
  const tags = [];
  for (const { slug, name } of wanted) {
    tags.push(
      await tx.tag.upsert({
        where: { slug },
        create: { slug, name, group: groupForTag(name) },
        update: {},
        select: { id: true, name: true },
      }),
    );
  }
  const ids = tags.map((t) => t.id);
  await tx.resourceTag.deleteMany({ where: { resourceId, tagId: { notIn: ids } } });
  if (ids.length) {
    await tx.resourceTag.createMany({ data: ids.map((tagId) => ({ resourceId, tagId })), skipDuplicates: true });
  }
  const tagText = tags
    .map((t) => t.name)
    .sort((a, b) => a.localeCompare(b))
    .join(" ");
  await tx.resource.update({ where: { id: resourceId }, data: { tagText }, select: { id: true } });
  return tagText;
}

/** Tags in use on pieces the viewer can see (a private piece's tags stay private), with counts. */
export async function tagsInUse(db: PrismaClient, viewer: LibraryViewer) {
  const visible = visibleResourceWhere(viewer);
  const tags = await db.tag.findMany({
    where: { resources: { some: { resource: visible } } },
    select: { slug: true, name: true, group: true, _count: { select: { resources: { where: { resource: visible } } } } },
    orderBy: { name: "asc" },
  });
  return tags.map(({ _count, ...tag }) => ({ ...tag, count: _count.resources }));
}
