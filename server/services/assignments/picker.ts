import type { PrismaClient } from "../../generated/prisma/client";
import { assignableResourceWhere } from "../care/scope";

/** Readings and reading plans a therapist can assign, by title (first 50 of each), for the picker on a client's page. */
export async function assignPickerOptions(db: PrismaClient, therapistId: string, q?: string) {
  const titleMatch = q ? { title: { contains: q, mode: "insensitive" as const } } : {};
  const [resources, collections] = await Promise.all([
    db.resource.findMany({
      where: { ...assignableResourceWhere(therapistId), ...titleMatch },
      orderBy: { title: "asc" },
      take: 50,
      select: { id: true, title: true, kind: true, readingMinutes: true, contentNote: true },
    }),
    db.collection.findMany({
      where: { ownerId: therapistId, ...titleMatch },
      orderBy: { title: "asc" },
      take: 50,
      select: { id: true, title: true, _count: { select: { items: true } } },
    }),
  ]);
  return {
    resources: resources.map(({ contentNote, ...r }) => ({ ...r, hasContentNote: Boolean(contentNote) })),
    collections: collections.map((c) => ({ id: c.id, title: c.title, items: c._count.items })),
  };
}
