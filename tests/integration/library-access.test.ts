import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "../../server/db";
import { callerFor, createAdmin, createClientOf, createTherapist, type TestUser } from "../support/factories";

let owner: TestUser;
let colleague: TestUser;
let admin: TestUser;

const draft = (overrides: Record<string, unknown> = {}) => ({
  title: "Zephyrine breathing for my own clients",
  summary: "A private note on a breathing practice.",
  kind: "EXERCISE" as const,
  audience: "CLIENT" as const,
  tags: ["Zephyrine private tag", "Grounding"],
  body: "Breathe in for four, out for six. Zephyrine is a made-up word only this resource uses.",
  visibility: "PRIVATE" as const,
  publish: true,
  ...overrides,
});

beforeAll(async () => {
  owner = await createTherapist();
  colleague = await createTherapist();
  admin = await createAdmin();
});

describe("a therapist's private resource is invisible to colleagues (NOT_FOUND everywhere)", () => {
  it("in search, by id, by slug, tags, favourites and collections", async () => {
    const created = await callerFor(owner).library.create(draft());
    const them = callerFor(colleague);

    expect((await them.library.search({ q: "zephyrine" })).items).toEqual([]);
    expect((await them.library.search({ limit: 50 })).items.map((i) => i.id)).not.toContain(created.id);
    await expect(them.library.byId({ id: created.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(them.library.bySlug({ slug: created.slug })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await them.library.tags()).map((t) => t.name)).not.toContain("Zephyrine private tag");
    await expect(them.library.favourite({ resourceId: created.id, favourite: true })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const plan = await them.collection.create({ title: "Mine" });
    await expect(them.collection.addItem({ collectionId: plan.id, resourceId: created.id })).rejects.toMatchObject({ code: "NOT_FOUND" });

    // The same message as a row that does not exist at all.
    const missing = await them.library.byId({ id: "cmissing000000000000000000" }).catch((e: Error) => e.message);
    const hidden = await them.library.byId({ id: created.id }).catch((e: Error) => e.message);
    expect(hidden).toBe(missing);

    // The owner sees it everywhere.
    const me = callerFor(owner);
    expect((await me.library.search({ q: "zephyrine" })).items.map((i) => i.id)).toEqual([created.id]);
    expect((await me.library.bySlug({ slug: created.slug })).canEdit).toBe(true);
    expect((await me.library.tags()).map((t) => t.name)).toContain("Zephyrine private tag");
  });

  it("disappears from a colleague's favourites and plans once its author makes it private", async () => {
    const me = callerFor(owner);
    const them = callerFor(colleague);
    const created = await me.library.create(draft({ title: "Shared for now", visibility: "SHARED" }));
    const plan = await them.collection.create({ title: "Plan with a shared piece" });
    await them.collection.addItem({ collectionId: plan.id, resourceId: created.id });
    await them.library.favourite({ resourceId: created.id, favourite: true });
    expect((await them.collection.byId({ id: plan.id })).items).toHaveLength(1);
    expect((await them.library.favourites()).map((f) => f.id)).toContain(created.id);

    const current = await me.library.byId({ id: created.id });
    await me.library.update({ ...draft({ title: "Shared for now", visibility: "PRIVATE" }), id: created.id, version: current.version });

    const after = await them.collection.byId({ id: plan.id });
    expect(after.items).toEqual([]);
    expect(after.unavailableCount).toBe(1);
    const summary = (await them.collection.list()).find((c) => c.id === plan.id);
    expect(summary?.itemCount).toBe(0);
    expect((await them.library.favourites()).map((f) => f.id)).not.toContain(created.id);
  });

  it("keeps another therapist's drafts invisible even when marked shared", async () => {
    const created = await callerFor(owner).library.create(draft({ title: "Shared draft", visibility: "SHARED", publish: false }));
    await expect(callerFor(colleague).library.byId({ id: created.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await callerFor(owner).library.publish({ id: created.id });
    expect((await callerFor(colleague).library.byId({ id: created.id })).canEdit).toBe(false);
  });

  it("keeps collections to their owner", async () => {
    const plan = await callerFor(owner).collection.create({ title: "Owner's plan" });
    const them = callerFor(colleague);
    await expect(them.collection.byId({ id: plan.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(them.collection.update({ id: plan.id, title: "Taken" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(them.collection.delete({ id: plan.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(them.collection.reorder({ collectionId: plan.id, resourceIds: [] })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await them.collection.list()).map((c) => c.id)).not.toContain(plan.id);
  });
});

describe("who may call the library", () => {
  it("refuses clients with FORBIDDEN and signed-out callers with UNAUTHORIZED", async () => {
    const client = callerFor(await createClientOf(owner));
    await expect(client.library.search({})).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(client.library.bySlug({ slug: "anything" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(client.library.tags()).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(client.library.create(draft())).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(client.library.favourite({ resourceId: "x", favourite: true })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(client.library.favourites()).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(client.collection.list()).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(callerFor(null).library.search({})).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });
});

describe("editing", () => {
  it("lets the owner edit, bumping the version, and refuses a stale version", async () => {
    const me = callerFor(owner);
    const created = await me.library.create(draft({ title: "Version test" }));
    expect(created.version).toBe(1);
    const edited = await me.library.update({ ...draft({ title: "Version test, edited", tags: ["Repair"] }), id: created.id, version: 1 });
    expect(edited.version).toBe(2);
    expect(edited.slug).toBe(created.slug);
    const row = await getDb().resource.findUniqueOrThrow({ where: { id: created.id }, select: { title: true, tagText: true } });
    expect(row).toEqual({ title: "Version test, edited", tagText: "Repair" });
    await expect(me.library.update({ ...draft(), id: created.id, version: 1 })).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("refuses edits by non-owners: FORBIDDEN when visible, NOT_FOUND when private", async () => {
    const shared = await callerFor(owner).library.create(draft({ title: "Owner's shared piece", visibility: "SHARED" }));
    const hidden = await callerFor(owner).library.create(draft({ title: "Owner's private piece" }));
    const them = callerFor(colleague);
    await expect(them.library.update({ ...draft(), id: shared.id, version: 1 })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(them.library.archive({ id: shared.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(them.library.unpublish({ id: shared.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(them.library.update({ ...draft(), id: hidden.id, version: 1 })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(them.library.publish({ id: hidden.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    // Admins curate the shared library only, not a therapist's pieces.
    await expect(callerFor(admin).library.update({ ...draft(), id: shared.id, version: 1 })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const untouched = await getDb().resource.findUniqueOrThrow({ where: { id: shared.id }, select: { title: true, version: true, status: true } });
    expect(untouched).toEqual({ title: "Owner's shared piece", version: 1, status: "PUBLISHED" });
  });

  it("lets an admin edit, unpublish, publish and archive the shared library, which therapists cannot change", async () => {
    const curator = callerFor(admin);
    const piece = await curator.library.create(draft({ title: "Shared library piece", visibility: "PRIVATE" }));
    const row = await getDb().resource.findUniqueOrThrow({ where: { id: piece.id }, select: { ownerId: true, visibility: true } });
    expect(row).toEqual({ ownerId: null, visibility: "SHARED" });
    await expect(callerFor(owner).library.update({ ...draft(), id: piece.id, version: 1 })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect((await curator.library.update({ ...draft({ title: "Shared library piece, revised" }), id: piece.id, version: 1 })).version).toBe(2);
    expect((await curator.library.unpublish({ id: piece.id })).status).toBe("DRAFT");
    await expect(callerFor(owner).library.byId({ id: piece.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await curator.library.publish({ id: piece.id })).status).toBe("PUBLISHED");
    expect((await callerFor(owner).library.byId({ id: piece.id })).title).toBe("Shared library piece, revised");
    expect((await curator.library.archive({ id: piece.id })).status).toBe("ARCHIVED");
    await expect(callerFor(owner).library.byId({ id: piece.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("writes an audit row for every create, edit, publish, unpublish and archive", async () => {
    const me = callerFor(owner);
    const created = await me.library.create(draft({ title: "Audited piece", publish: false }));
    await me.library.update({ ...draft({ title: "Audited piece" }), id: created.id, version: 1 });
    await me.library.publish({ id: created.id });
    await me.library.unpublish({ id: created.id });
    await me.library.archive({ id: created.id });
    const events = await getDb().auditEvent.findMany({
      where: { targetType: "Resource", targetId: created.id },
      orderBy: { at: "asc" },
      select: { action: true, actorId: true, detail: true },
    });
    expect(events.map((e) => e.action)).toEqual(["resource.created", "resource.edited", "resource.published", "resource.unpublished", "resource.archived"]);
    expect(events.every((e) => e.actorId === owner.id)).toBe(true);
    expect(JSON.stringify(events)).not.toContain("Breathe in for four");
  });

  it("writes nothing, not even an audit row, when the change is refused", async () => {
    const before = await getDb().auditEvent.count();
    await expect(callerFor(owner).library.create(draft({ url: "javascript:alert(1)", kind: "LINK" }))).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(callerFor(owner).library.create(draft({ contentIntensity: "STRONG", contentNote: "" }))).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(callerFor(owner).library.create(draft({ kind: "LINK" }))).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(callerFor(owner).library.create(draft({ tags: ["Repair", "repair"] }))).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect(await getDb().auditEvent.count()).toBe(before);
  });
});

describe("creating", () => {
  it("generates a unique slug from the title: base, -2, -3", async () => {
    const me = callerFor(owner);
    const slugs = [];
    for (let i = 0; i < 3; i++) slugs.push((await me.library.create(draft({ title: "Café notes: Grounding & You!" }))).slug);
    expect(slugs).toEqual(["cafe-notes-grounding-you", "cafe-notes-grounding-you-2", "cafe-notes-grounding-you-3"]);
    // "new" would collide with the editor's page, so it is never used as a slug.
    expect((await me.library.create(draft({ title: "New" }))).slug).toBe("new-2");
    // Concurrent creates with one title still end with distinct slugs (the unique constraint decides).
    const racing = await Promise.all([1, 2, 3].map(() => me.library.create(draft({ title: "Racing title" }))));
    expect(new Set(racing.map((r) => r.slug)).size).toBe(3);
  });

  it("computes reading time, keeps tagText equal to the tag names, and files new tags under topic", async () => {
    const words = Array.from({ length: 1000 }, (_, i) => `word${i}`).join(" ");
    const created = await callerFor(owner).library.create(
      draft({ title: "Long piece", body: words, tags: ["Window of tolerance", "Brand new tag"], contentNote: "Mentions loss.", contentIntensity: "MODERATE" }),
    );
    const row = await getDb().resource.findUniqueOrThrow({
      where: { id: created.id },
      select: { readingMinutes: true, tagText: true, contentIntensity: true, tags: { select: { tag: { select: { name: true, group: true } } } } },
    });
    expect(row.readingMinutes).toBe(5);
    expect(row.tagText).toBe("Brand new tag Window of tolerance");
    expect(row.contentIntensity).toBe("MODERATE");
    expect(row.tags.map((t) => t.tag).sort((a, b) => a.name.localeCompare(b.name))).toEqual([
      { name: "Brand new tag", group: "topic" },
      { name: "Window of tolerance", group: "skill" },
    ]);
  });
});
