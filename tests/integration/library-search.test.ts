import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "../../server/db";
import type { Prisma } from "../../server/generated/prisma/client";
import type { LibrarySearchInput } from "../../server/schemas/library";
import { importLibraryFolder } from "../../server/services/library/import";
import { callerFor, createTherapist, type TestUser } from "../support/factories";

const SELF_COMPASSION_PIECES = ["a-compassionate-pause", "self-compassion-letter-worksheet", "self-compassion-and-attachment"];

let therapist: TestUser;
let colleague: TestUser;
let search: (input: LibrarySearchInput) => ReturnType<ReturnType<typeof callerFor>["library"]["search"]>;

/** Every page, following the cursors. */
async function allPages(input: LibrarySearchInput) {
  const items = [];
  let cursor: string | null = null;
  for (let page = 0; page < 100; page++) {
    const result = await search({ ...input, cursor });
    items.push(...result.items);
    cursor = result.nextCursor;
    if (!cursor) break;
  }
  return items;
}

/** Ids the same filter selects when asked plainly through Prisma (what the search must agree with). */
async function expectedSlugs(where: Prisma.ResourceWhereInput) {
  const rows = await getDb().resource.findMany({
    where: { AND: [where, { status: "PUBLISHED", OR: [{ ownerId: null }, { ownerId: therapist.id }] }] },
    select: { slug: true },
  });
  return rows.map((r) => r.slug).sort();
}

const slugsOf = (items: { slug: string }[]) => items.map((i) => i.slug).sort();

beforeAll(async () => {
  const summary = await importLibraryFolder(getDb(), path.resolve(import.meta.dirname, "../../prisma/library"));
  expect(summary.rejected).toEqual([]);
  expect(summary.created.length).toBeGreaterThanOrEqual(24);
  therapist = await createTherapist();
  colleague = await createTherapist();
  search = (input) => callerFor(therapist).library.search(input);
  // One piece of the therapist's own, so "mine" and "shared" have something to tell apart.
  await callerFor(therapist).library.create({
    title: "Grounding notes for my Tuesday group",
    summary: "A private checklist of grounding ideas for group sessions.",
    kind: "EXERCISE",
    audience: "CLINICIAN",
    tags: ["Grounding"],
    body: "Feet on the floor, name five things you can see, slow breath out.",
    visibility: "PRIVATE",
    publish: true,
  });
});

describe("ranking, prefix and typo matching on the seeded library", () => {
  it.each(["compassionate", "compassion", "self-compass"])("finds the self-compassion pieces first for %j", async (q) => {
    const { items } = await search({ q });
    expect(items.slice(0, 3).map((i) => i.slug).sort()).toEqual([...SELF_COMPASSION_PIECES].sort());
  });

  it("still finds avoidant attachment when the word is misspelt", async () => {
    const { items } = await search({ q: "avoidnt" });
    expect(items[0]?.slug).toBe("understanding-avoidant-attachment");
  });

  it("tolerates typos in several words at once", async () => {
    const { items } = await search({ q: "anxous atachment" });
    expect(items[0]?.slug).toBe("understanding-anxious-attachment");
  });

  it("weighs a title match above body mentions", async () => {
    const { items } = await search({ q: "window of tolerance" });
    expect(items.slice(0, 2).map((i) => i.slug).sort()).toEqual(["noticing-the-edges-of-your-window-of-tolerance", "what-is-the-window-of-tolerance"]);
    const { items: somatic } = await search({ q: "somatic" });
    expect(somatic[0]?.slug).toBe("attachment-focused-and-somatic-therapy");
  });

  it("returns the stems to highlight, only where they occur in what is shown", async () => {
    const { items } = await search({ q: "compassionate" });
    const pause = items.find((i) => i.slug === "a-compassionate-pause");
    expect(pause?.highlights).toEqual(expect.arrayContaining(["compass"]));
    for (const item of items) {
      const shown = `${item.title} ${item.summary} ${item.tags.map((t) => t.name).join(" ")}`.toLowerCase();
      for (const stem of item.highlights) expect(shown).toContain(stem);
    }
  });

  it("answers a query that matches nothing with an empty page", async () => {
    const result = await search({ q: "xylophonic quasar" });
    expect(result).toEqual({ items: [], nextCursor: null, total: 0, totalCapped: false });
  });

  it("treats tsquery operators in the query as plain text", async () => {
    await expect(search({ q: "grounding & | ! ( ) : * ' \\" })).resolves.toMatchObject({ total: expect.any(Number) });
    const { items } = await search({ q: "grounding:*&!" });
    expect(items.map((i) => i.slug)).toContain("feet-on-the-floor-grounding");
  });
});

describe("filters", () => {
  it("filters by tag (every chosen tag must be present)", async () => {
    expect(slugsOf(await allPages({ tags: ["grounding"] }))).toEqual(await expectedSlugs({ tags: { some: { tag: { slug: "grounding" } } } }));
    const both = await allPages({ tags: ["grounding", "somatic-therapy"] });
    expect(slugsOf(both)).toEqual(
      await expectedSlugs({ AND: [{ tags: { some: { tag: { slug: "grounding" } } } }, { tags: { some: { tag: { slug: "somatic-therapy" } } } }] }),
    );
    expect(both.length).toBeGreaterThan(0);
  });

  it("filters by kind and by audience", async () => {
    const worksheets = await allPages({ kinds: ["WORKSHEET"] });
    expect(worksheets.length).toBeGreaterThanOrEqual(3);
    expect(slugsOf(worksheets)).toEqual(await expectedSlugs({ kind: "WORKSHEET" }));
    expect(slugsOf(await allPages({ kinds: ["LINK", "EXERCISE"] }))).toEqual(await expectedSlugs({ kind: { in: ["LINK", "EXERCISE"] } }));
    expect(slugsOf(await allPages({ audiences: ["CLINICIAN"] }))).toEqual(await expectedSlugs({ audience: "CLINICIAN" }));
  });

  it("filters by reading time: 5 or less, 6 to 15, more than 15", async () => {
    const short = await allPages({ length: "short" });
    const medium = await allPages({ length: "medium" });
    const long = await allPages({ length: "long" });
    expect(short.every((i) => i.readingMinutes <= 5)).toBe(true);
    expect(medium.every((i) => i.readingMinutes >= 6 && i.readingMinutes <= 15)).toBe(true);
    expect(long.every((i) => i.readingMinutes > 15)).toBe(true);
    expect(short.length).toBeGreaterThan(0);
    expect(medium.length).toBeGreaterThan(0);
    expect(short.length + medium.length + long.length).toBe((await search({})).total);
  });

  it("filters by content note", async () => {
    const withNote = await allPages({ contentNote: "with" });
    expect(withNote.every((i) => i.hasContentNote && i.contentIntensity)).toBe(true);
    expect(slugsOf(withNote)).toEqual(await expectedSlugs({ contentNote: { not: null } }));
    expect(slugsOf(await allPages({ contentNote: "without" }))).toEqual(await expectedSlugs({ contentNote: null }));
  });

  it("filters mine, shared library and favourites", async () => {
    const mine = await allPages({ scope: "mine" });
    expect(mine.map((i) => i.title)).toEqual(["Grounding notes for my Tuesday group"]);
    expect(mine[0]?.isOwn).toBe(true);
    const shared = await allPages({ scope: "shared" });
    expect(shared.some((i) => i.isOwn)).toBe(false);
    expect(shared.length + mine.length).toBe((await search({})).total);

    const target = shared.find((i) => i.slug === "what-is-the-window-of-tolerance");
    await callerFor(therapist).library.favourite({ resourceId: target!.id, favourite: true });
    await callerFor(colleague).library.favourite({ resourceId: shared[0]!.id, favourite: true });
    const favourites = await allPages({ scope: "favourites" });
    expect(favourites.map((i) => i.slug)).toEqual(["what-is-the-window-of-tolerance"]);
    expect(favourites[0]?.isFavourite).toBe(true);
  });

  it("combines a query with filters", async () => {
    const items = await allPages({ q: "grounding", kinds: ["EXERCISE"], audiences: ["CLIENT"] });
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((i) => i.kind === "EXERCISE" && i.audience === "CLIENT")).toBe(true);
  });

  it("hides drafts and archived pieces unless asked, and shows my own drafts", async () => {
    const draft = await callerFor(therapist).library.create({
      title: "Half-written grounding idea",
      summary: "Not ready yet.",
      kind: "ARTICLE",
      audience: "ANYONE",
      tags: [],
      body: "Notes.",
      visibility: "SHARED",
      publish: false,
    });
    expect((await allPages({ status: "draft" })).map((i) => i.id)).toEqual([draft.id]);
    expect((await allPages({})).map((i) => i.id)).toContain(draft.id);
    await callerFor(therapist).library.archive({ id: draft.id });
    expect((await allPages({})).map((i) => i.id)).not.toContain(draft.id);
    expect((await allPages({ status: "archived" })).map((i) => i.id)).toEqual([draft.id]);
    // A colleague never sees it, whatever they ask for.
    for (const status of ["current", "draft", "archived"] as const) {
      const theirs = await callerFor(colleague).library.search({ status, limit: 50 });
      expect(theirs.items.map((i) => i.id)).not.toContain(draft.id);
    }
  });
});

describe("sorting and pagination", () => {
  it("sorts by title, reading time and newest", async () => {
    const byTitle = await allPages({ sort: "title" });
    const titles = byTitle.map((i) => i.title.toLowerCase());
    expect(titles).toEqual([...titles].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    const byLength = await allPages({ sort: "length" });
    const minutes = byLength.map((i) => i.readingMinutes);
    expect(minutes).toEqual([...minutes].sort((a, b) => a - b));
    const newest = await search({ sort: "newest", limit: 1 });
    // Created after the import; the archived draft made later is hidden by default.
    expect(newest.items[0]?.title).toBe("Grounding notes for my Tuesday group");
  });

  it.each([
    ["relevance with a query", { q: "attachment" }],
    ["reading time (many ties)", { sort: "length" as const }],
    ["newest with identical timestamps", { sort: "newest" as const }],
    ["title", { sort: "title" as const }],
  ])("pages through %s without duplicates or gaps", async (_name, input) => {
    // Force ties everywhere: every shared piece gets the same creation time.
    await getDb().resource.updateMany({ where: { ownerId: null }, data: { createdAt: new Date("2026-01-01T00:00:00Z") } });
    const all = await search({ ...input, limit: 50 });
    expect(all.nextCursor).toBeNull();
    const paged = await allPages({ ...input, limit: 3 });
    expect(paged.map((i) => i.id)).toEqual(all.items.map((i) => i.id));
    expect(new Set(paged.map((i) => i.id)).size).toBe(paged.length);
    expect(paged.length).toBe(all.total);
  });

  it("refuses a cursor that was tampered with or belongs to another sort", async () => {
    await expect(search({ cursor: "not-a-cursor" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    const first = await search({ sort: "title", limit: 2 });
    await expect(search({ sort: "length", cursor: first.nextCursor })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });
});
