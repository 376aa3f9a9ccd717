import { describe, expect, it } from "vitest";
import { getDb } from "../../server/db";
import { callerFor, createAdmin, createClientOf, createTherapist } from "../support/factories";

let counter = 0;
function resource(data: { ownerId?: string | null; visibility?: "PRIVATE" | "SHARED"; status?: "DRAFT" | "PUBLISHED" | "ARCHIVED"; title?: string }) {
  counter++;
  return getDb().resource.create({
    data: { slug: `piece-${counter}`, title: data.title ?? `Piece ${counter}`, summary: "s", body: "b", kind: "ARTICLE", readingMinutes: 1, ownerId: data.ownerId ?? null, visibility: data.visibility ?? "SHARED", status: data.status ?? "PUBLISHED" },
    select: { id: true, version: true },
  });
}

describe("the shared library for curation", () => {
  it("lists every ownerless resource in any status, and nothing a therapist owns", async () => {
    const admin = await createAdmin();
    const therapist = await createTherapist();
    const draft = await resource({ status: "DRAFT", title: "Draft about earned security" });
    const archived = await resource({ status: "ARCHIVED" });
    const published = await resource({});
    await resource({ ownerId: therapist.id });
    const all = await callerFor(admin).admin.libraryList({ limit: 100 });
    expect(all.items.map((r) => r.id).sort()).toEqual([draft.id, archived.id, published.id].sort());
    const drafts = await callerFor(admin).admin.libraryList({ status: "DRAFT" });
    expect(drafts.items.map((r) => r.id)).toEqual([draft.id]);
    const found = await callerFor(admin).admin.libraryList({ search: "EARNED" });
    expect(found.items.map((r) => r.id)).toEqual([draft.id]);
    const page1 = await callerFor(admin).admin.libraryList({ limit: 2 });
    const page2 = await callerFor(admin).admin.libraryList({ limit: 2, cursor: page1.nextCursor });
    expect(new Set([...page1.items, ...page2.items].map((r) => r.id)).size).toBe(3);
    expect(page2.nextCursor).toBeNull();
  });
});

describe("transferring a departing therapist's shared resources", () => {
  it("moves only SHARED pieces to the library, audits each move, and keeps private pieces private", async () => {
    const admin = await createAdmin();
    const therapist = await createTherapist();
    const client = await createClientOf(therapist);
    const shared = await resource({ ownerId: therapist.id, visibility: "SHARED" });
    const sharedDraft = await resource({ ownerId: therapist.id, visibility: "SHARED", status: "DRAFT" });
    const privatePiece = await resource({ ownerId: therapist.id, visibility: "PRIVATE" });
    await getDb().assignment.create({ data: { therapistId: therapist.id, clientId: client.id, resourceId: shared.id } });

    await callerFor(admin).admin.deactivate({ userId: therapist.id });
    const result = await callerFor(admin).admin.transferSharedResources({ therapistId: therapist.id });
    expect(result).toEqual({ transferred: 2 });

    const after = await getDb().resource.findMany({ where: { id: { in: [shared.id, sharedDraft.id, privatePiece.id] } }, select: { id: true, ownerId: true, version: true } });
    const byId = new Map(after.map((r) => [r.id, r]));
    expect(byId.get(shared.id)).toMatchObject({ ownerId: null, version: shared.version + 1 });
    expect(byId.get(sharedDraft.id)?.ownerId).toBeNull();
    expect(byId.get(privatePiece.id)?.ownerId).toBe(therapist.id);
    // The client's assignment (their history) is untouched.
    expect(await getDb().assignment.count({ where: { clientId: client.id, resourceId: shared.id, active: true } })).toBe(1);

    const audited = await getDb().auditEvent.findMany({ where: { action: "resource.transferred", actorId: admin.id }, select: { targetId: true, detail: true } });
    expect(audited.map((a) => a.targetId).sort()).toEqual([shared.id, sharedDraft.id].sort());
    expect(audited[0]?.detail).toMatchObject({ fromUserId: therapist.id });

    // Now curated like any shared piece: the library router lets the admin change it.
    await expect(callerFor(admin).library.publish({ id: sharedDraft.id })).resolves.toMatchObject({ status: "PUBLISHED" });
    expect((await callerFor(admin).admin.libraryList({ limit: 100 })).items.map((r) => r.id)).toContain(shared.id);
    expect(await callerFor(admin).admin.transferSharedResources({ therapistId: therapist.id })).toEqual({ transferred: 0 });
  });

  it("answers NOT_FOUND for an account that is not a therapist", async () => {
    const admin = await createAdmin();
    await expect(callerFor(admin).admin.transferSharedResources({ therapistId: admin.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
