// Issue 10: library search does bounded work for very common words. Relevance is ranked over the
// small head vector (title, tags, summary); rows that match only in the body get one flat credit and
// follow every head match, in id order; totals are exact up to 1,000 and then capped. These tests
// check the order against the documented formula computed over every match (search-reference.ts),
// walk every page across the head/body boundary, and check the cap.
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "../../server/db";
import { TOTAL_CAP } from "../../server/services/library/search";
import { callerFor, createTherapist, type TestUser } from "../support/factories";
import { referenceRanking } from "../support/search-reference";
import type { LibrarySearchInput } from "../../server/schemas/library";

let therapist: TestUser;
let colleague: TestUser;
const HEAD_IDS: string[] = [];
const BODY_IDS: string[] = [];

async function piece(owner: TestUser, fields: { title: string; summary: string; body: string; tags?: string[]; visibility?: "SHARED" | "PRIVATE" }) {
  const created = await callerFor(owner).library.create({
    kind: "ARTICLE",
    audience: "ANYONE",
    tags: fields.tags ?? [],
    visibility: fields.visibility ?? "SHARED",
    publish: true,
    title: fields.title,
    summary: fields.summary,
    body: fields.body,
  });
  return created.id;
}

/** Every page, following the cursors, with a small page size so the walk crosses every boundary. */
async function walk(input: LibrarySearchInput) {
  const ids: string[] = [];
  let cursor: string | null = null;
  for (let page = 0; page < 200; page++) {
    const result = await callerFor(therapist).library.search({ ...input, cursor });
    ids.push(...result.items.map((i) => i.id));
    cursor = result.nextCursor;
    if (!cursor) break;
  }
  return ids;
}

beforeAll(async () => {
  therapist = await createTherapist();
  colleague = await createTherapist();
  HEAD_IDS.push(
    await piece(therapist, { title: "Marram grass and a slow breath", summary: "A short practice for the shore.", body: "Breathe out slowly." }),
    await piece(therapist, { title: "Coastal walks", summary: "Walking among marram on the dunes.", body: "Notice your feet." }),
    await piece(therapist, { title: "Dune notes", summary: "Notes from a walk.", body: "Sand and wind.", tags: ["Marram"] }),
  );
  // Body-only pieces mention the word more and more often: the old ranking (ts_rank over the whole
  // body) put the later ones first; now they share one flat credit and follow in id order.
  for (let n = 0; n < 7; n++) {
    BODY_IDS.push(await piece(therapist, { title: `Shoreline reflection ${n + 1}`, summary: "A reflection for the end of the day.", body: `${"The marram bends in the wind. ".repeat(n + 1)}Sand, sky and a long slow breath out.` }));
  }
  // Never visible to the therapist, whatever it matches.
  await piece(colleague, { title: "Marram private notes", summary: "Marram marram.", body: "Marram.", visibility: "PRIVATE" });
});

describe("relevance over the head vector", () => {
  it("puts every title, tag or summary match before the body-only matches, which follow in id order", async () => {
    const result = await callerFor(therapist).library.search({ q: "marram", limit: 50 });
    expect(result.total).toBe(HEAD_IDS.length + BODY_IDS.length);
    expect(result.totalCapped).toBe(false);
    const ids = result.items.map((i) => i.id);
    expect(new Set(ids.slice(0, HEAD_IDS.length))).toEqual(new Set(HEAD_IDS));
    // The title hit leads (the title bonus).
    expect(ids[0]).toBe(HEAD_IDS[0]);
    expect(ids.slice(HEAD_IDS.length)).toEqual([...BODY_IDS].sort());
  });

  it.each([
    ["one word, limit 1", { q: "marram", limit: 1 }],
    ["one word, limit 2", { q: "marram", limit: 2 }],
    ["a typo", { q: "marramm", limit: 3 }],
    ["two words", { q: "marram wind", limit: 2 }],
    ["a word in head and body alike", { q: "walk", limit: 2 }],
  ])("walks every page for %s with no duplicates or gaps, in the documented order", async (_label, input) => {
    const expected = (await referenceRanking(getDb(), input.q, therapist.id)).map((r) => r.id);
    expect(expected.length).toBeGreaterThan(1);
    const seen = await walk(input);
    expect(seen).toEqual(expected);
    expect(new Set(seen).size).toBe(seen.length);
  });

  it("answers an old-format relevance cursor with the friendly expired-page message", async () => {
    const old = Buffer.from(JSON.stringify({ s: "relevance", k: "1.234567", i: HEAD_IDS[0] })).toString("base64url");
    await expect(callerFor(therapist).library.search({ q: "marram", cursor: old })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("That page of results has expired"),
    });
  });
});

describe("capped total", () => {
  beforeAll(async () => {
    // 1,100 shared, published pieces that mention "sandwort" only in their body; a quarter are videos.
    await getDb().$executeRawUnsafe(
      `INSERT INTO "Resource" (id, slug, title, summary, body, kind, "readingMinutes", visibility, status, "tagText", "publishedAt", "createdAt", "updatedAt")
       SELECT 'cap' || g, 'cap-piece-' || g, 'Shore piece ' || g, 'A piece about the shore.', 'Sandwort grows here, piece ' || g || '.',
         (ARRAY['ARTICLE','EXERCISE','WORKSHEET','VIDEO']::"ResourceKind"[])[1 + g % 4], 3, 'SHARED', 'PUBLISHED', '', now(), now(), now()
       FROM generate_series(1, 1100) g`,
    );
  }, 60_000);

  it("counts up to the cap and says there are more", async () => {
    const result = await callerFor(therapist).library.search({ q: "sandwort" });
    expect(TOTAL_CAP).toBe(1000);
    expect(result).toMatchObject({ total: 1000, totalCapped: true });
    expect(result.items).toHaveLength(20);
    expect(result.nextCursor).toBeTruthy();
    // Also without a query, and for every sort.
    for (const sort of ["newest", "title", "length"] as const) {
      expect(await callerFor(therapist).library.search({ sort, limit: 1 })).toMatchObject({ total: 1000, totalCapped: true });
    }
  });

  it("stays exact below the cap", async () => {
    const videos = await callerFor(therapist).library.search({ q: "sandwort", kinds: ["VIDEO"] });
    expect(videos).toMatchObject({ total: 275, totalCapped: false });
  });

  it("finds sparse body-only matches after more than 1,000 head matches, in the documented order", async () => {
    // "shore" is in every capped piece's title and summary; only these two mention it in the body
    // alone, one at each end of the primary key (so a short walk of the key cannot find a page).
    await getDb().$executeRawUnsafe(
      `INSERT INTO "Resource" (id, slug, title, summary, body, kind, "readingMinutes", visibility, status, "tagText", "publishedAt", "createdAt", "updatedAt")
       SELECT id, 'sparse-' || id, 'Evening light', 'A quiet evening.', 'A walk by the shore at dusk.', 'ARTICLE', 3, 'SHARED', 'PUBLISHED', '', now(), now(), now()
       FROM unnest(ARRAY['0sparse', 'zzsparse']) id`,
    );
    const expected = (await referenceRanking(getDb(), "shore", therapist.id)).map((r) => r.id);
    expect(expected.length).toBeGreaterThan(1100);
    expect(expected.slice(-2)).toEqual(["0sparse", "zzsparse"]);
    const seen = await walk({ q: "shore", limit: 50 });
    expect(seen).toEqual(expected);
  }, 60_000);

  it("still pages through every match past the cap", async () => {
    const seen = await walk({ q: "sandwort", limit: 50 });
    expect(seen).toHaveLength(1100);
    expect(new Set(seen).size).toBe(1100);
    expect(seen).toEqual([...seen].sort());
  }, 60_000);
});
