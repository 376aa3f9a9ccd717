// Creating, editing and changing the status of library resources. Each change and its audit row
// are written in one transaction; slugs are unique by the database constraint, retried on conflict.
import { AppError } from "../../app-error";
import type { z } from "zod";
import type { PrismaClient } from "../../generated/prisma/client";
import type { ResourceStatus } from "../../generated/prisma/enums";
import { isUniqueViolation } from "../../errors";
import type { resourceCreateInput, resourceUpdateInput } from "../../schemas/library";
import { readingMinutes, RESERVED_SLUGS, slugCandidate, slugify } from "../../schemas/library-text";
import type { AuditAction } from "../../schemas/audit";
import { recordAudit, type AuditActor } from "../audit/record";
import { canEditResource, editableResourceWhere, visibleResourceWhere, type LibraryViewer } from "./access";
import { syncResourceTags } from "./tags";

type CreateInput = z.output<typeof resourceCreateInput>;
type UpdateInput = z.output<typeof resourceUpdateInput>;

const NOT_FOUND_MESSAGE = "We couldn't find that resource. It may have been removed, or it isn't shared with you.";
const SLUG_ATTEMPTS = 5;

const writeResult = { id: true, slug: true, version: true, status: true } as const;

export function resourceNotFound() {
  return new AppError("NOT_FOUND", NOT_FOUND_MESSAGE);
}

/** Visible but not yours → FORBIDDEN (you can already see it); invisible → NOT_FOUND, like a missing row. */
async function requireEditable(db: PrismaClient, viewer: LibraryViewer, id: string) {
  const resource = await db.resource.findFirst({
    where: { AND: [{ id }, visibleResourceWhere(viewer)] },
    select: { id: true, ownerId: true, status: true, publishedAt: true, slug: true },
  });
  if (!resource) throw resourceNotFound();
  if (!canEditResource(viewer, resource)) {
    throw new AppError(
      "FORBIDDEN",
      viewer.role === "ADMIN"
        ? "Admins curate the shared library; this piece belongs to a therapist, so only they can change it."
        : "Only the person who wrote this resource can change it. You can still read, favourite and assign it.",
    );
  }
  return resource;
}

/** The first free slug among base, base-2, base-3… (the unique constraint still decides on a race). */
async function freeSlug(db: PrismaClient, title: string): Promise<string> {
  const base = slugify(title);
  const taken = new Set([
    ...RESERVED_SLUGS,
    ...(await db.resource.findMany({ where: { slug: { startsWith: base } }, select: { slug: true } })).map((r) => r.slug),
  ]);
  for (let n = 1; ; n++) {
    const candidate = slugCandidate(base, n);
    if (!taken.has(candidate)) return candidate;
  }
}

/** The resource's content columns from validated fields — the editor's procedures and the importer share it. */
export function contentFields(input: Pick<CreateInput, "title" | "summary" | "body" | "kind" | "url" | "audience" | "contentNote" | "contentIntensity">) {
  return {
    title: input.title,
    summary: input.summary,
    body: input.body,
    kind: input.kind,
    url: input.url ?? null,
    audience: input.audience,
    contentNote: input.contentNote ?? null,
    contentIntensity: input.contentNote ? (input.contentIntensity ?? null) : null,
    readingMinutes: readingMinutes(input.body),
  };
}

export async function createResource(db: PrismaClient, viewer: LibraryViewer, actor: AuditActor, input: CreateInput) {
  const isAdmin = viewer.role === "ADMIN";
  const status: ResourceStatus = input.publish ? "PUBLISHED" : "DRAFT";
  for (let attempt = 1; ; attempt++) {
    const slug = await freeSlug(db, input.title);
    try {
      return await db.$transaction(async (tx) => {
        const resource = await tx.resource.create({
          data: {
            ...contentFields(input),
            slug,
            // An admin's new piece joins the shared library; a therapist's is theirs.
            ownerId: isAdmin ? null : viewer.id,
            visibility: isAdmin ? "SHARED" : input.visibility,
            status,
            publishedAt: input.publish ? new Date() : null,
          },
          select: writeResult,
        });
        await syncResourceTags(tx, resource.id, input.tags);
        const target = { targetType: "Resource", targetId: resource.id };
        await recordAudit(tx, actor, { action: "resource.created", ...target, detail: { slug, status, visibility: isAdmin ? "SHARED" : input.visibility } });
        if (input.publish) await recordAudit(tx, actor, { action: "resource.published", ...target, detail: { slug } });
        return resource;
      });
    } catch (error) {
      // Someone took the same slug between our look-up and our insert: pick the next one.
      if (isUniqueViolation(error) && attempt < SLUG_ATTEMPTS) continue;
      throw error;
    }
  }
}

export async function updateResource(db: PrismaClient, viewer: LibraryViewer, actor: AuditActor, input: UpdateInput) {
  const existing = await requireEditable(db, viewer, input.id);
  return db.$transaction(async (tx) => {
    const changed = await tx.resource.updateMany({
      where: { id: input.id, version: input.version, ...editableResourceWhere(viewer) },
      data: {
        ...contentFields(input),
        visibility: viewer.role === "ADMIN" ? "SHARED" : input.visibility,
        version: { increment: 1 },
      },
    });
    if (changed.count === 0) {
      throw new AppError("CONFLICT", "This resource was changed somewhere else since you opened it. Copy your changes, reload the page and try again.");
    }
    await syncResourceTags(tx, input.id, input.tags);
    const resource = await tx.resource.findUniqueOrThrow({ where: { id: input.id }, select: writeResult });
    await recordAudit(tx, actor, {
      action: "resource.edited",
      targetType: "Resource",
      targetId: input.id,
      detail: { slug: existing.slug, version: resource.version },
    });
    return resource;
  });
}

const STATUS_ACTIONS: Record<"publish" | "unpublish" | "archive", { status: ResourceStatus; action: AuditAction }> = {
  publish: { status: "PUBLISHED", action: "resource.published" },
  unpublish: { status: "DRAFT", action: "resource.unpublished" },
  archive: { status: "ARCHIVED", action: "resource.archived" },
};

/** publish / unpublish (back to draft) / archive. Asking for the status it already has changes nothing. */
export async function changeResourceStatus(
  db: PrismaClient,
  viewer: LibraryViewer,
  actor: AuditActor,
  id: string,
  change: keyof typeof STATUS_ACTIONS,
) {
  const existing = await requireEditable(db, viewer, id);
  const { status, action } = STATUS_ACTIONS[change];
  return db.$transaction(async (tx) => {
    const resource = await tx.resource.findFirst({ where: { id, ...editableResourceWhere(viewer) }, select: writeResult });
    if (!resource) throw resourceNotFound();
    if (resource.status === status) return resource;
    const updated = await tx.resource.update({
      where: { id },
      data: { status, ...(status === "PUBLISHED" && !existing.publishedAt ? { publishedAt: new Date() } : {}) },
      select: writeResult,
    });
    await recordAudit(tx, actor, { action, targetType: "Resource", targetId: id, detail: { slug: existing.slug, from: resource.status } });
    return updated;
  });
}
