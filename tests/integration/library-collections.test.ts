import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "../../server/db";
import { callerFor, createTherapist, type TestUser } from "../support/factories";

let therapist: TestUser;
const ids: string[] = [];

async function sharedPiece(title: string) {
  const row = await getDb().resource.create({
    data: { slug: title.toLowerCase().replace(/\W+/g, "-"), title, summary: "s", body: "b", kind: "ARTICLE", readingMinutes: 1, status: "PUBLISHED", visibility: "SHARED" },
    select: { id: true },
  });
  return row.id;
}

beforeAll(async () => {
  therapist = await createTherapist();
  for (const title of ["First piece", "Second piece", "Third piece"]) ids.push(await sharedPiece(title));
  // A piece of the therapist's own can sit beside shared ones.
  ids.push(
    (
      await callerFor(therapist).library.create({
        title: "My own piece",
        summary: "Mine.",
        kind: "WORKSHEET",
        audience: "CLIENT",
        tags: [],
        body: "Write here.",
        visibility: "PRIVATE",
        publish: false,
      })
    ).id,
  );
});

const titles = (detail: { items: { resource: { title: string } }[] }) => detail.items.map((i) => i.resource.title);

describe("collections (reading plans)", () => {
  it("creates, renames, describes, lists and deletes", async () => {
    const me = callerFor(therapist);
    const plan = await me.collection.create({ title: "  Early sessions  ", description: "" });
    expect(plan.title).toBe("Early sessions");
    const renamed = await me.collection.update({ id: plan.id, title: "First weeks", description: "Gentle start." });
    expect(renamed).toEqual({ id: plan.id, title: "First weeks", description: "Gentle start." });
    expect((await me.collection.list()).map((c) => c.title)).toContain("First weeks");
    await me.collection.delete({ id: plan.id });
    await expect(me.collection.byId({ id: plan.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(me.collection.create({ title: "   " })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("adds shared and own resources in order, refuses duplicates, and reports membership", async () => {
    const me = callerFor(therapist);
    const plan = await me.collection.create({ title: "Mixed plan" });
    for (const id of ids) await me.collection.addItem({ collectionId: plan.id, resourceId: id });
    expect(titles(await me.collection.byId({ id: plan.id }))).toEqual(["First piece", "Second piece", "Third piece", "My own piece"]);
    await expect(me.collection.addItem({ collectionId: plan.id, resourceId: ids[0]! })).rejects.toMatchObject({ code: "CONFLICT" });
    const list = await me.collection.list({ containsResourceId: ids[3] });
    expect(list.find((c) => c.id === plan.id)).toMatchObject({ itemCount: 4, containsResource: true });
    const other = await me.collection.create({ title: "Empty plan" });
    expect((await me.collection.list({ containsResourceId: ids[3] })).find((c) => c.id === other.id)?.containsResource).toBe(false);
  });

  it("removes an item and closes the gap in positions", async () => {
    const me = callerFor(therapist);
    const plan = await me.collection.create({ title: "Removal plan" });
    for (const id of ids.slice(0, 3)) await me.collection.addItem({ collectionId: plan.id, resourceId: id });
    expect(await me.collection.removeItem({ collectionId: plan.id, resourceId: ids[0]! })).toEqual({ removed: true });
    const detail = await me.collection.byId({ id: plan.id });
    expect(detail.items.map((i) => i.position)).toEqual([0, 1]);
    expect(titles(detail)).toEqual(["Second piece", "Third piece"]);
    expect(await me.collection.removeItem({ collectionId: plan.id, resourceId: ids[0]! })).toEqual({ removed: false });
  });

  it("reorders, and refuses an order that doesn't match the plan", async () => {
    const me = callerFor(therapist);
    const plan = await me.collection.create({ title: "Reorder plan" });
    for (const id of ids.slice(0, 3)) await me.collection.addItem({ collectionId: plan.id, resourceId: id });
    await me.collection.reorder({ collectionId: plan.id, resourceIds: [ids[2]!, ids[0]!, ids[1]!] });
    const detail = await me.collection.byId({ id: plan.id });
    expect(titles(detail)).toEqual(["Third piece", "First piece", "Second piece"]);
    expect(detail.items.map((i) => i.position)).toEqual([0, 1, 2]);
    await expect(me.collection.reorder({ collectionId: plan.id, resourceIds: [ids[0]!, ids[1]!] })).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(me.collection.reorder({ collectionId: plan.id, resourceIds: [ids[0]!, ids[0]!, ids[1]!] })).rejects.toMatchObject({ code: "CONFLICT" });
    expect(titles(await me.collection.byId({ id: plan.id }))).toEqual(["Third piece", "First piece", "Second piece"]);
  });

  it("deleting a plan leaves its resources alone", async () => {
    const me = callerFor(therapist);
    const plan = await me.collection.create({ title: "Short-lived" });
    await me.collection.addItem({ collectionId: plan.id, resourceId: ids[1]! });
    await me.collection.delete({ id: plan.id });
    expect(await getDb().resource.count({ where: { id: ids[1] } })).toBe(1);
    expect(await getDb().collectionItem.count({ where: { collectionId: plan.id } })).toBe(0);
  });
});

describe("reading plan size", () => {
  it("refuses a piece beyond the limit with a plain message and adds nothing", async () => {
    const { MAX_COLLECTION_ITEMS } = await import("../../server/schemas/collection");
    const owner = await createTherapist();
    const caller = callerFor(owner);
    const planId = (await caller.collection.create({ title: "Big plan" })).id;
    const resources = await Promise.all(
      Array.from({ length: MAX_COLLECTION_ITEMS + 1 }, (_, i) =>
        getDb().resource.create({
          data: { slug: `cap-${i}-${owner.id}`, title: `Cap ${i}`, summary: "s", body: "b", kind: "ARTICLE", readingMinutes: 1, status: "PUBLISHED", visibility: "SHARED" },
          select: { id: true },
        }),
      ),
    );
    await getDb().collectionItem.createMany({
      data: resources.slice(0, MAX_COLLECTION_ITEMS).map((r, position) => ({ collectionId: planId, resourceId: r.id, position })),
    });
    const extra = resources[MAX_COLLECTION_ITEMS]!;
    await expect(caller.collection.addItem({ collectionId: planId, resourceId: extra.id })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringMatching(/up to 200 pieces/),
    });
    expect(await getDb().collectionItem.count({ where: { collectionId: planId } })).toBe(MAX_COLLECTION_ITEMS);
  }, 60_000);
});
