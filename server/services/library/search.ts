// Library search: PostgreSQL full-text matching (title A > summary and tags B > body C) widened by
// prefix matching ("self-compass" → self-compassion) and typo correction (pg_trgm similarity against
// the haven_search_term dictionary: "avoidnt" → avoidant, "compassionate" → compassion), plus
// word_similarity on titles and tag names. Relevance is ranked over the small head vector (title,
// tags, summary); a body-only match gets a flat credit; totals are capped (see searchLibrary).
// Raw SQL is parameterised throughout; rows are then
// loaded by id through a declared select. Pages use keyset cursors that are stable under ties.
import { AppError } from "../../app-error";
import { z } from "zod";
import { text } from "../../schemas/text";
import { Prisma, type PrismaClient } from "../../generated/prisma/client";
import type { LibrarySearchFilters } from "../../schemas/library";
import { resourceCardSelect, toResourceCard, visibleResourceSql, type LibraryViewer } from "./access";

type Db = PrismaClient | Prisma.TransactionClient;

const MAX_WORDS = 8;
const TYPO_SIMILARITY = 0.45;
const EXPANSIONS_PER_WORD = 4;
const QUERY_WORD = /[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*/gu;
const DICTIONARY_TERM = /^\p{L}[\p{L}-]*$/u;

/** Query words, lower-case, reduced to letters, digits and inner hyphens (no tsquery operators survive). */
export function queryWords(q: string): string[] {
  const words = (q.toLowerCase().match(QUERY_WORD) ?? []).map((w) => w.slice(0, 40));
  return [...new Set(words)].slice(0, MAX_WORDS);
}

type Expansion = { word: string; term: string };

/**
 * A to_tsquery text: every word must match, as itself, as a prefix, or as a similar real word.
 * With weight "A", every option is restricted to title lexemes (for relevance's title bonus).
 */
export function buildFuzzyQuery(words: string[], expansions: Expansion[], weight: "" | "A" = ""): string {
  return words
    .map((word) => {
      const options = [word.length >= 3 ? `${word}:*${weight}` : weight ? `${word}:${weight}` : word];
      for (const e of expansions) if (e.word === word && DICTIONARY_TERM.test(e.term)) options.push(weight ? `${e.term}:${weight}` : e.term);
      return `(${options.join(" | ")})`;
    })
    .join(" & ");
}

// Decoded from the caller's opaque cursor: the same storable-text rule as any other input.
// Version 2 (bounded relevance, issue 10): cursors from before carry no version and are refused.
const CURSOR_VERSION = 2;
const cursorSchema = z.object({ v: z.literal(CURSOR_VERSION), s: text(), k: text().max(400), i: text().max(40) });
type Cursor = z.infer<typeof cursorSchema>;

function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString("base64url");
}

function decodeCursor(raw: string, sort: string): Cursor {
  try {
    const parsed = cursorSchema.parse(JSON.parse(Buffer.from(raw, "base64url").toString("utf8")));
    if (parsed.s === sort) return parsed;
  } catch {
    // fall through to the plain error below
  }
  throw new AppError("BAD_REQUEST", EXPIRED);
}

function filterSql(viewer: LibraryViewer, f: LibrarySearchFilters): Prisma.Sql[] {
  const parts: Prisma.Sql[] = [visibleResourceSql(viewer)];
  const status = {
    current: Prisma.sql`r."status" IN ('PUBLISHED', 'DRAFT')`,
    draft: Prisma.sql`r."status" = 'DRAFT'`,
    published: Prisma.sql`r."status" = 'PUBLISHED'`,
    archived: Prisma.sql`r."status" = 'ARCHIVED'`,
  }[f.status];
  parts.push(status);
  for (const slug of f.tags) {
    parts.push(Prisma.sql`EXISTS (SELECT 1 FROM "ResourceTag" rt JOIN "Tag" t ON t."id" = rt."tagId"
      WHERE rt."resourceId" = r."id" AND t."slug" = ${slug})`);
  }
  // Compared as the enum itself (no per-row cast to text), so these cheap tests run before the
  // full-text one; the values were checked against the enum by the input schema.
  if (f.kinds.length) parts.push(Prisma.sql`r."kind" = ANY(${f.kinds}::"ResourceKind"[])`);
  if (f.audiences.length) parts.push(Prisma.sql`r."audience" = ANY(${f.audiences}::"Audience"[])`);
  if (f.length === "short") parts.push(Prisma.sql`r."readingMinutes" <= 5`);
  if (f.length === "medium") parts.push(Prisma.sql`r."readingMinutes" BETWEEN 6 AND 15`);
  if (f.length === "long") parts.push(Prisma.sql`r."readingMinutes" > 15`);
  if (f.contentNote === "with") parts.push(Prisma.sql`r."contentNote" IS NOT NULL`);
  if (f.contentNote === "without") parts.push(Prisma.sql`r."contentNote" IS NULL`);
  if (f.scope === "mine") parts.push(Prisma.sql`r."ownerId" = ${viewer.id}`);
  if (f.scope === "shared") parts.push(Prisma.sql`r."ownerId" IS DISTINCT FROM ${viewer.id}`);
  if (f.scope === "favourites") {
    parts.push(Prisma.sql`EXISTS (SELECT 1 FROM "Favorite" fav WHERE fav."resourceId" = r."id" AND fav."userId" = ${viewer.id})`);
  }
  return parts;
}

/** Totals are exact up to this many matches; beyond it the answer is "more than TOTAL_CAP". */
export const TOTAL_CAP = 1000;

/**
 * Relevance (issue 10: bounded work whatever the word). Matching is unchanged: the full-text test on
 * the whole "searchVector" (GIN), plus titles and tag names similar to the whole query (trigrams).
 * Ranking never reads "searchVector": it reads "headVector" (title A, tag names B, summary C; small
 * and inline). Three tiers, highest first:
 * - head matches (the words are in the title, tags or summary; GIN on "headVector"):
 *   HEAD_BASE + 3 × rank(exact words) + rank(prefix/typo words) + 1 if the title has them (the same
 *   query restricted to weight A: what ts_filter(head, '{a}') @@ query tests, without building a
 *   filtered vector per row), plus the trigram bonus — all above 1;
 * - title/tag trigram matches that are not full-text matches: TRIGRAM_BASE + the trigram bonus (≥ 0.8);
 * - body-only matches: a flat BODY_CREDIT, no bonus, in id order (the primary key, a cheap keyset).
 * The trigram bonus, 0.5 × greatest(word_similarity to title, to tag names) ∈ [0, 0.5], is the costly
 * part (it re-trigrams each row's text); because it is bounded it is computed only for rows whose
 * base can still reach the page (see RELEVANCE_SLACK). Body-only rows cost one id each, and only the
 * page's worth past the cursor is taken.
 */
const HEAD_BASE = 1;
const TRIGRAM_BASE = 0.5;
const BODY_CREDIT = 0.5;
const HEAD_SCORE = Prisma.sql`(${HEAD_BASE}::float8
  + 3 * ts_rank('{0.1,0.2,0.4,1.0}', r."headVector", (SELECT exact FROM query), 1)
  + ts_rank('{0.1,0.2,0.4,1.0}', r."headVector", (SELECT fuzzy FROM query), 1)
  + CASE WHEN r."headVector" @@ (SELECT title FROM query) THEN 1 ELSE 0 END
)`;
/** Rows of the primary key a body-only page may walk before reading the matches through the index. */
const BODY_WALK = 1000;
/** Largest possible bonus (0.5 × word_similarity ≤ 0.5) plus room for rounding to 6 places. */
const RELEVANCE_SLACK = 0.50001;

const EXPIRED = "That page of results has expired. Please search again.";

/**
 * A sort other than relevance: the raw key on a row (so "newest" can walk the createdAt index and
 * stop after a page), the text a cursor carries, and the cursor's key back as SQL. Cursor keys are
 * checked before they reach SQL, so a forged one is a BAD_REQUEST, never a cast error.
 */
type ColumnSort = {
  raw: (a: string) => Prisma.Sql;
  /** The same order through an expression no index provides (see the few-matches part). */
  unindexed: (a: string) => Prisma.Sql;
  out: (a: string) => Prisma.Sql;
  descending: boolean;
  key: (k: string) => Prisma.Sql;
};

const COLUMN_SORTS: Record<"newest" | "title" | "length", ColumnSort> = {
  newest: {
    raw: (a) => Prisma.raw(`${a}."createdAt"`),
    unindexed: (a) => Prisma.raw(`(${a}."createdAt" + interval '0 seconds')`),
    // Milliseconds since 1970 of the stored wall-clock time (timestamp(3): exact).
    out: (a) => Prisma.raw(`round(extract(epoch from ${a}."createdAt") * 1000)::text`),
    descending: true,
    key: (k) => {
      const ms = Number(k);
      if (!/^\d{1,15}$/.test(k) || ms > 253402300799999) throw new AppError("BAD_REQUEST", EXPIRED);
      return Prisma.sql`(${new Date(ms).toISOString()}::timestamptz AT TIME ZONE 'UTC')`;
    },
  },
  title: { raw: (a) => Prisma.raw(`lower(${a}."title")`), unindexed: (a) => Prisma.raw(`lower(${a}."title")`), out: (a) => Prisma.raw(`lower(${a}."title")`), descending: false, key: (k) => Prisma.sql`${k}` },
  length: {
    raw: (a) => Prisma.raw(`${a}."readingMinutes"`),
    unindexed: (a) => Prisma.raw(`${a}."readingMinutes"`),
    out: (a) => Prisma.raw(`${a}."readingMinutes"::text`),
    descending: false,
    key: (k) => {
      if (!/^-?\d{1,9}$/.test(k)) throw new AppError("BAD_REQUEST", EXPIRED);
      return Prisma.sql`${Number(k)}::int`;
    },
  },
};

export async function typoExpansions(db: Db, words: string[]): Promise<Expansion[]> {
  const candidates = words.filter((w) => w.length >= 4);
  if (!candidates.length) return [];
  return db.$queryRaw<Expansion[]>`
    SELECT w.word, t.term
    FROM unnest(${candidates}::text[]) AS w(word)
    CROSS JOIN LATERAL (
      SELECT term FROM haven_search_term
      WHERE term % w.word AND similarity(term, w.word) >= ${TYPO_SIMILARITY}
        -- the prefix match already covers longer forms; compounds only when the query has one
        AND NOT starts_with(term, w.word)
        AND (strpos(term, '-') = 0 OR strpos(w.word, '-') > 0)
      ORDER BY similarity(term, w.word) DESC, term
      LIMIT ${EXPANSIONS_PER_WORD}
    ) t`;
}

/** English stems of the query words and their expansions, for highlighting ("compassion" → compass). */
async function highlightStems(db: Db, terms: string[]): Promise<string[]> {
  if (!terms.length) return [];
  const rows = await db.$queryRaw<{ lexeme: string }[]>`
    SELECT DISTINCT lexeme FROM unnest(to_tsvector('english', ${terms.join(" ")})) WHERE char_length(lexeme) >= 2`;
  return rows.map((r) => r.lexeme);
}

function stemsIn(stems: string[], texts: string[]): string[] {
  const words = new Set(texts.join(" ").toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []);
  return stems.filter((stem) => [...words].some((w) => w.startsWith(stem)));
}

export async function searchLibrary(db: PrismaClient, viewer: LibraryViewer, filters: LibrarySearchFilters) {
  const words = queryWords(filters.q);
  const hasQuery = words.length > 0;
  const expansions = hasQuery ? await typoExpansions(db, words) : [];
  const q = words.join(" ");
  const relevance = filters.sort === "relevance" && hasQuery;
  const effectiveSort = filters.sort === "relevance" ? (hasQuery ? "relevance" : "newest") : filters.sort;
  const cursor = filters.cursor ? decodeCursor(filters.cursor, effectiveSort) : null;
  const where = Prisma.join(filterSql(viewer, filters), " AND ");
  const fuzzyText = hasQuery ? buildFuzzyQuery(words, expansions) : "";
  const more = filters.limit + 1;

  // One statement: the page and a total counted up to TOTAL_CAP + 1 rows.
  // The match is three disjoint, index-driven parts rather than one OR (which PostgreSQL plans as a
  // sequential scan of every resource): the full-text hits through the GIN index on "searchVector",
  // then the rows only the title's trigram index finds, then those only a tag-name similarity finds
  // (a title or tag text similar to the whole query). The trigram parts drop full-text hits row by
  // row: first by the small inline "headVector" (a head hit is always a full-text hit: same
  // configuration, a subset of the text), then, for the few rows left, by the body's vector. The tag
  // part computes similarity once per distinct tag text (haven_search_tag_text, a few hundred),
  // skipping first (by the text's stored vector) texts that contain the words themselves (their
  // rows are head hits; word_similarity costs ≈ 10 µs a text), then reads the rest
  // through the btree index on "tagText" (`= ANY` of one array: an index lookup whatever the
  // planner guesses; a join over guessed hundreds of texts was costed so high at L that PostgreSQL
  // JIT-compiled the statement, ≈ 30 ms of compilation for a query that runs in a few).
  // Filters (visibility included) are written first in each part: PostgreSQL keeps the written order
  // among equally costed conditions, so cheap tests discard rows before any vector is read.
  // "searchVector" is only ever tested with @@; it is never selected, materialised or ranked (that
  // de-TOASTed every match and made search linear in the matches).
  // Two spellings of the query: `(SELECT fuzzy FROM query)` (an InitPlan: the planner cannot see the
  // words, expects few rows and reads the GIN index — used where every match is read, so that no
  // vector is de-TOASTed), and `to_tsquery('english', …)` inline (immutable, folded to a constant
  // at plan time, so the planner knows how common the words are — used where only a page is wanted,
  // so that for a very common word it walks an ordered index and stops after the page).
  const fuzzyParam = Prisma.sql`(SELECT fuzzy FROM query)`;
  const fuzzyConst = Prisma.sql`to_tsquery('english', ${fuzzyText})`;
  const ctes = hasQuery
    ? Prisma.sql`WITH query AS MATERIALIZED (
          SELECT to_tsquery('english', ${fuzzyText}) AS fuzzy, plainto_tsquery('english', ${q}) AS exact,
            to_tsquery('english', ${buildFuzzyQuery(words, expansions, "A")}) AS title),
        trigram AS MATERIALIZED (
          SELECT r."id", r."title", r."tagText", r."readingMinutes", r."createdAt" FROM "Resource" r
          WHERE ${where} AND (r."headVector" @@ ${fuzzyParam}) IS NOT TRUE AND ${q} <% r."title"
            AND (r."searchVector" @@ ${fuzzyParam}) IS NOT TRUE
          UNION ALL
          SELECT r."id", r."title", r."tagText", r."readingMinutes", r."createdAt" FROM "Resource" r
          WHERE r."tagText" = ANY ((
              SELECT coalesce(array_agg(t.text), '{}') FROM haven_search_tag_text t
              WHERE (t.vector @@ ${fuzzyParam}) IS NOT TRUE AND ${q} <% t.text)::text[])
            AND ${where} AND (r."headVector" @@ ${fuzzyParam}) IS NOT TRUE
            AND (${q} <% r."title") IS NOT TRUE AND (r."searchVector" @@ ${fuzzyParam}) IS NOT TRUE),`
    : Prisma.sql`WITH`;
  const counted = hasQuery
    ? Prisma.sql`SELECT 1 FROM "Resource" r WHERE ${where} AND r."searchVector" @@ ${fuzzyParam} UNION ALL SELECT 1 FROM trigram`
    : Prisma.sql`SELECT 1 FROM "Resource" r WHERE ${where}`;
  // The capped count also steers the page: with at most TOTAL_CAP matches every part reads the few
  // matches through the GIN index; with more (a common word) the page parts may walk an ordered
  // index and stop after a page. Decided at run time (a one-time filter), not by the planner's
  // estimate, which for a word it has no statistics on can be far off.
  const many = Prisma.sql`(SELECT total FROM counted) > ${TOTAL_CAP}`;
  const countedCte = Prisma.sql`counted AS MATERIALIZED (SELECT count(*)::int AS total FROM (${counted} LIMIT ${TOTAL_CAP + 1}) x),`;

  let page: Prisma.Sql;
  if (relevance) {
    const cursorKey = cursor ? Number(cursor.k) : null;
    if (cursor && (!/^\d{1,6}(\.\d{1,6})?$/.test(cursor.k) || !Number.isFinite(cursorKey))) throw new AppError("BAD_REQUEST", EXPIRED);
    // Head and trigram rows: their base is exact; the bonus is added only where it can matter.
    // `bound` is the (limit+1)-th best base among rows certainly past the cursor; a row whose base
    // is more than the largest possible bonus below it cannot reach the page.
    const ranked = Prisma.sql`SELECT r."id", r."title", r."tagText", ${HEAD_SCORE} AS base
        FROM "Resource" r WHERE ${where} AND r."headVector" @@ ${fuzzyParam}
        UNION ALL SELECT t."id", t."title", t."tagText", ${TRIGRAM_BASE}::float8 FROM trigram t`;
    const pastCursor = cursorKey !== null ? Prisma.sql`WHERE b.base + ${RELEVANCE_SLACK}::float8 < ${cursorKey}::float8` : Prisma.empty;
    // Body-only rows: one flat credit, so their order is the primary key's, a page at a time. For a
    // common word, walk the primary key from the cursor over at most BODY_WALK rows (head hits are
    // skipped by the inline head vector before the body's vector is read); if that walk found a
    // full page, or covered every row left, it is exact. Otherwise (few matches, or body-only rows
    // sparse) read them through the GIN index: no body vector is de-TOASTed, cost ∝ matches. That
    // fallback orders by `id || ''`, an expression no index provides, so the planner cannot choose
    // to walk the primary key testing every row's body vector (its estimate for a word it has no
    // statistics on can be far too high: a typo walked all 50,000 rows at L).
    const bodyPast = (a: string) =>
      cursor
        ? Prisma.sql`AND (${BODY_CREDIT}::numeric < ${cursor.k}::numeric OR (${BODY_CREDIT}::numeric = ${cursor.k}::numeric AND ${Prisma.raw(a)}."id" > ${cursor.i}))`
        : Prisma.empty;
    const pageCursor = cursor
      ? Prisma.sql`(s.sort_key < ${cursor.k}::numeric OR (s.sort_key = ${cursor.k}::numeric AND s.id > ${cursor.i}))`
      : Prisma.sql`TRUE`;
    page = Prisma.sql`ranked AS MATERIALIZED (${ranked}),
      walk_end AS MATERIALIZED (
        SELECT x."id" FROM "Resource" x WHERE ${many} ${bodyPast("x")} ORDER BY x."id" OFFSET ${BODY_WALK - 1} LIMIT 1),
      body_walk AS MATERIALIZED (
        SELECT r."id" FROM "Resource" r
        WHERE ${many} AND ${where} AND (r."headVector" @@ ${fuzzyConst}) IS NOT TRUE AND r."searchVector" @@ ${fuzzyConst} ${bodyPast("r")}
          AND r."id" <= coalesce((SELECT e."id" FROM walk_end e), (SELECT max(m."id") FROM "Resource" m))
        ORDER BY r."id" LIMIT ${more}),
      body_walked AS MATERIALIZED (
        SELECT ${many} AND ((SELECT count(*) FROM body_walk) = ${more} OR NOT EXISTS (SELECT 1 FROM walk_end)) AS ok),
      body AS (
        SELECT w."id" FROM body_walk w WHERE (SELECT ok FROM body_walked)
        UNION ALL
        (SELECT r."id" FROM "Resource" r
         WHERE NOT (SELECT ok FROM body_walked) AND ${where} AND (r."headVector" @@ ${fuzzyParam}) IS NOT TRUE
           AND r."searchVector" @@ ${fuzzyParam} ${bodyPast("r")}
         ORDER BY r."id" || '' LIMIT ${more})),
      page AS (
        SELECT s.id, s.sort_key::text AS sort_key FROM (
          SELECT c."id" AS id, round((c.base + 0.5 * greatest(word_similarity(${q}, c."title"), word_similarity(${q}, c."tagText")))::numeric, 6) AS sort_key
          FROM ranked c
          WHERE c.base >= coalesce((SELECT b.base FROM ranked b ${pastCursor} ORDER BY b.base DESC OFFSET ${filters.limit} LIMIT 1), '-Infinity'::float8)
              - ${RELEVANCE_SLACK}::float8
            ${cursorKey !== null ? Prisma.sql`AND c.base <= ${cursorKey}::float8 + 0.00001` : Prisma.empty}
          UNION ALL
          SELECT b."id", ${BODY_CREDIT}::numeric FROM body b
        ) s
        WHERE ${pageCursor}
        ORDER BY s.sort_key DESC, s.id ASC
        LIMIT ${more})`;
  } else {
    const sort = COLUMN_SORTS[effectiveSort === "relevance" ? "newest" : effectiveSort];
    const dir = sort.descending ? Prisma.sql`DESC` : Prisma.sql`ASC`;
    const after = (a: string) => {
      if (!cursor) return Prisma.sql`TRUE`;
      const k = sort.key(cursor.k);
      const beyond = sort.descending ? Prisma.sql`${sort.raw(a)} < ${k}` : Prisma.sql`${sort.raw(a)} > ${k}`;
      return Prisma.sql`(${beyond} OR (${sort.raw(a)} = ${k} AND ${Prisma.raw(a)}."id" > ${cursor.i}))`;
    };
    // Each part gives at most a page past the cursor, in key order (newest: the createdAt index).
    const columns = (a: string) => Prisma.raw(`${a}."id", ${a}."title", ${a}."readingMinutes", ${a}."createdAt"`);
    page = Prisma.sql`page AS (
      SELECT s."id" AS id, ${sort.out("s")} AS sort_key FROM (
        (SELECT ${columns("r")} FROM "Resource" r
         WHERE ${hasQuery ? Prisma.sql`${many} AND` : Prisma.empty} ${where} ${hasQuery ? Prisma.sql`AND r."searchVector" @@ ${fuzzyConst}` : Prisma.empty} AND ${after("r")}
         ORDER BY ${sort.raw("r")} ${dir}, r."id" ASC LIMIT ${more})
        ${
          hasQuery
            ? Prisma.sql`UNION ALL
        (SELECT ${columns("r")} FROM "Resource" r
         WHERE NOT ${many} AND ${where} AND r."searchVector" @@ ${fuzzyParam} AND ${after("r")}
         ORDER BY ${sort.unindexed("r")} ${dir}, r."id" || '' ASC LIMIT ${more})
        UNION ALL SELECT ${columns("t")} FROM trigram t WHERE ${after("t")}`
            : Prisma.empty
        }
      ) s
      ORDER BY ${sort.raw("s")} ${dir}, s."id" ASC
      LIMIT ${more})`;
  }

  const rowsWithTotal = await db.$queryRaw<{ id: string | null; sort_key: string | null; total: number }[]>`
    ${ctes} ${countedCte} ${page}
    SELECT p.id, p.sort_key, t.total
    FROM counted t
    LEFT JOIN LATERAL (SELECT * FROM page) p ON true`;
  const found = rowsWithTotal.flatMap((row) => (row.id === null || row.sort_key === null ? [] : [{ id: row.id, sort_key: row.sort_key }]));
  const total = rowsWithTotal[0]?.total ?? 0;

  const pageRows = found.slice(0, filters.limit);
  const last = pageRows[pageRows.length - 1];
  const nextCursor = found.length > filters.limit && last ? encodeCursor({ v: CURSOR_VERSION, s: effectiveSort, k: last.sort_key, i: last.id }) : null;

  const ids = pageRows.map((row) => row.id);
  const [rows, stems] = await Promise.all([
    ids.length ? db.resource.findMany({ where: { id: { in: ids } }, select: resourceCardSelect(viewer.id) }) : [],
    hasQuery ? highlightStems(db, [...words, ...expansions.map((e) => e.term)]) : [],
  ]);
  const byId = new Map(rows.map((row) => [row.id, row]));
  const items = ids.flatMap((id) => {
    const row = byId.get(id);
    if (!row) return [];
    // Only stems that occur in what this reader can already see: the dictionary never leaks.
    const highlights = stemsIn(stems, [row.title, row.summary, ...row.tags.map((t) => t.tag.name)]);
    return [toResourceCard(viewer.id, row, highlights)];
  });
  return { items, nextCursor, total: Math.min(total, TOTAL_CAP), totalCapped: total > TOTAL_CAP };
}
