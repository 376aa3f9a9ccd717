import { AppError } from "../../app-error";
import type { Prisma, PrismaClient } from "../../generated/prisma/client";
import type { AdminLibraryRow } from "../../schemas/admin";
import { recordAudit, type AuditActor } from "../audit/record";
import { afterCursor, decodeCursor, pageOf } from "../keyset";

// Editing and status changes of shared pieces go through the library router (library.update,
// .publish, .unpublish, .archive), which already lets admins curate ownerless resources.

/** The shared library (resources owned by nobody) in any status, most recently changed first. */
export async function listSharedLibrary(
  db: PrismaClient,
  input: { status?: AdminLibraryRow["status"]; search?: string; cursor?: string | null; limit: number },
): Promise<{ items: AdminLibraryRow[]; nextCursor: string | null }> {
  const filters: Prisma.ResourceWhereInput = {
    ownerId: null,
    ...(input.status ? { status: input.status } : {}),
    ...(input.search ? { title: { contains: input.search, mode: "insensitive" } } : {}),
  };
  const rows = await db.resource.findMany({
    where: { AND: [filters, afterCursor("updatedAt", decodeCursor(input.cursor))] },
    orderBy: [{ updatedAt: "desc" }, { id: "desc" }],
    take: input.limit + 1,
    select: { id: true, slug: true, title: true, summary: true, status: true, version: true, publishedAt: true, updatedAt: true },
  });
  return pageOf(rows, input.limit, (row) => ({ at: row.updatedAt, id: row.id }));
}

/**
 * A departing therapist's SHARED resources join the practice's library (owner → nobody), so
 * colleagues keep them and admins can curate them. Private pieces stay the therapist's. Each
 * moved resource gets a resource.transferred row in the same transaction; versions are bumped
 * so an editor left open on the old owner's side cannot overwrite the move.
 */
export async function transferSharedResources(db: PrismaClient, actor: AuditActor, therapistId: string): Promise<{ transferred: number }> {
  const therapist = await db.user.findFirst({ where: { id: therapistId, role: "THERAPIST" }, select: { id: true } });
  if (!therapist) throw new AppError("NOT_FOUND", "We couldn't find that therapist's account.");
  return db.$transaction(async (tx) => {
    const moved = await tx.$queryRaw<{ id: string; slug: string }[]>`
      UPDATE "Resource" SET "ownerId" = NULL, "visibility" = 'SHARED', "version" = "version" + 1, "updatedAt" = now()
      WHERE "ownerId" = ${therapistId} AND "visibility" = 'SHARED'
      RETURNING "id", "slug"`;
    for (const resource of moved) {
      await recordAudit(tx, actor, {
        action: "resource.transferred",
        targetType: "Resource",
        targetId: resource.id,
        detail: { slug: resource.slug, fromUserId: therapistId },
      });
    }
    return { transferred: moved.length };
  });
}
