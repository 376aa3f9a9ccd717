import crypto from "node:crypto";
import { getDb } from "../../server/db";
import { callerFor, createClientOf, createTherapist, type TestUser } from "./factories";

/** A published shared-library resource (or one owned by `ownerId`, with the given visibility/status). */
export async function createResource(
  overrides: {
    title?: string;
    contentNote?: string | null;
    ownerId?: string | null;
    visibility?: "SHARED" | "PRIVATE";
    status?: "DRAFT" | "PUBLISHED" | "ARCHIVED";
  } = {},
) {
  const suffix = crypto.randomBytes(4).toString("hex");
  return getDb().resource.create({
    data: {
      slug: `resource-${suffix}`,
      title: overrides.title ?? `Resource ${suffix}`,
      summary: "A short summary.",
      body: "## Heading\n\nSome gentle words.\n",
      kind: "ARTICLE",
      readingMinutes: 4,
      contentNote: overrides.contentNote ?? null,
      contentIntensity: overrides.contentNote ? "MODERATE" : null,
      ownerId: overrides.ownerId ?? null,
      visibility: overrides.visibility ?? "SHARED",
      status: overrides.status ?? "PUBLISHED",
      publishedAt: new Date(),
    },
    select: { id: true, title: true, slug: true },
  });
}

export async function createCollection(ownerId: string, resourceIds: string[], title = "Plan") {
  return getDb().collection.create({
    data: { ownerId, title, items: { create: resourceIds.map((resourceId, position) => ({ resourceId, position })) } },
    select: { id: true },
  });
}

/** A therapist with one client and one assigned resource: the usual starting point. */
export async function assignedReading(): Promise<{ therapist: TestUser; client: TestUser; resourceId: string; assignmentId: string }> {
  const therapist = await createTherapist();
  const client = await createClientOf(therapist);
  const resource = await createResource();
  const [result] = await callerFor(therapist).assignment.create({ resourceId: resource.id, clientIds: [client.id] });
  return { therapist, client, resourceId: resource.id, assignmentId: result!.assignmentId! };
}

export function assignmentRow(id: string) {
  return getDb().assignment.findUniqueOrThrow({ where: { id } });
}

export const uuid = () => crypto.randomUUID();
