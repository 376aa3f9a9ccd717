// Library search: PostgreSQL full-text ranking (title A > summary and tags B > body C) widened by
// prefix matching ("self-compass" → self-compassion) and typo correction (pg_trgm similarity against
// the haven_search_term dictionary: "avoidnt" → avoidant, "compassionate" → compassion), plus
// word_similarity on titles and tag names. Raw SQL is parameterised throughout; rows are then
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

/** A to_tsquery text: every word must match, as itself, as a prefix, or as a similar real word. */
export function buildFuzzyQuery(words: string[], expansions: Expansion[]): string {
  return words
    .map((word) => {
      const options = [word.length >= 3 ? `${word}:*` : word];
      for (const e of expansions) if (e.word === word && DICTIONARY_TERM.test(e.term)) options.push(e.term);
      return `(${options.join(" | ")})`;
    })
    .join(" & ");
}

// Decoded from the caller's opaque cursor: the same storable-text rule as any other input.
const cursorSchema = z.object({ s: text(), k: text().max(400), i: text().max(40) });
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
  throw new AppError("BAD_REQUEST", "That page of results has expired. Please search again.");
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

type SortPlan = { key: Prisma.Sql; descending: boolean; numeric: boolean };

/**
 * Relevance is fts + bonus: `fts` (full-text ranks and the title bonus, read from the matched
 * row's vector, detoasted once) and a trigram `bonus` on title and tags that lies in [0, 0.5].
 * The bonus is the costly part (it re-trigrams the text for every row), and because it is bounded
 * it need only be computed for rows that can still reach the page (see RELEVANCE_SLACK).
 */
const FTS_SCORE = Prisma.sql`(
    3 * coalesce(ts_rank('{0.1,0.2,0.4,1.0}', m.v, m.exact, 1), 0)
  + coalesce(ts_rank('{0.1,0.2,0.4,1.0}', m.v, m.fuzzy, 1), 0)
  + CASE WHEN ts_filter(m.v, '{a}') @@ m.fuzzy THEN 1 ELSE 0 END
)`;
/** Largest possible bonus (0.5 × word_similarity ≤ 0.5) plus room for rounding to 6 places. */
const RELEVANCE_SLACK = 0.50001;

function sortPlan(sort: LibrarySearchFilters["sort"], hasQuery: boolean, q: string): SortPlan {
  if (sort === "relevance" && hasQuery) {
    // Exact (stemmed) hits count most, then prefix/typo hits; a title hit adds a bonus so titles lead.
    const rank = Prisma.sql`round((c.fts + 0.5 * greatest(word_similarity(${q}, c.title), word_similarity(${q}, c.tags)))::numeric, 6)`;
    return { key: rank, descending: true, numeric: true };
  }
  if (sort === "title") return { key: Prisma.sql`lower(c.title)`, descending: false, numeric: false };
  if (sort === "length") return { key: Prisma.sql`c.minutes::numeric`, descending: false, numeric: true };
  return { key: Prisma.sql`round(extract(epoch from c.created)::numeric * 1000)`, descending: true, numeric: true };
}

function cursorSql(plan: SortPlan, cursor: Cursor | null): Prisma.Sql {
  if (!cursor) return Prisma.sql`TRUE`;
  const value = plan.numeric ? Prisma.sql`${cursor.k}::numeric` : Prisma.sql`${cursor.k}`;
  const beyond = plan.descending ? Prisma.sql`s.sort_key < ${value}` : Prisma.sql`s.sort_key > ${value}`;
  return Prisma.sql`(${beyond} OR (s.sort_key = ${value} AND s.id > ${cursor.i}))`;
}

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
  const plan = sortPlan(filters.sort, hasQuery, q);
  const effectiveSort = filters.sort === "relevance" && !hasQuery ? "newest" : filters.sort;
  const cursor = filters.cursor ? decodeCursor(filters.cursor, effectiveSort) : null;

  const where = Prisma.join(filterSql(viewer, filters), " AND ");
  const fuzzyText = hasQuery ? buildFuzzyQuery(words, expansions) : "";
  const relevance = filters.sort === "relevance" && hasQuery;
  const order = plan.descending ? Prisma.sql`s.sort_key DESC, s.id ASC` : Prisma.sql`s.sort_key ASC, s.id ASC`;

  // One statement: the matching rows once (MATERIALIZED), their exact count, and the page.
  // The match is three disjoint, index-driven parts rather than one OR (which PostgreSQL plans as a
  // sequential scan of every resource, evaluating the full-text match and two trigram similarities
  // on each row): the full-text hits through the GIN index on "searchVector", then the rows only the
  // title's trigram index finds, then those only the tag names' trigram index finds (a title or tag
  // similar to the whole query). UNION ALL needs no de-duplication because each part excludes the
  // earlier parts' rows; the full-text hits by id (a hashed NOT IN on the materialised hits, written
  // before the trigram test so that, when a word is in most tag names and the part is read by a
  // sequential scan, similarity is computed only for rows the full text did not already find). The filters (visibility included) apply within each part, to its candidates,
  // and are written first: PostgreSQL keeps the written order among equally costed conditions, and
  // the full-text test (which de-TOASTs each row's search vector) is the dearest to run on a row.
  // A word in most pieces is still read by a sequential scan: at that share it is the cheaper plan.
  // `matched` keeps only what sorting needs. For relevance, `bound` is the (limit+1)-th best fts
  // among rows certainly past the cursor; a row whose fts is more than the largest possible bonus
  // below it cannot reach the page, so the bonus is computed for the few rows that can.
  const hitColumns = Prisma.sql`r."id" AS id, r."title" AS title, r."tagText" AS tags, r."readingMinutes" AS minutes, r."createdAt" AS created`;
  const matched = hasQuery
    ? Prisma.sql`SELECT m.id, m.title, m.tags, m.minutes, m.created, ${relevance ? Prisma.sql`${FTS_SCORE}` : Prisma.sql`0`}::float8 AS fts
        FROM (
          SELECT h.id, h.title, h.tags, h.minutes, h.created, ${relevance ? Prisma.sql`h.sv || ''::tsvector` : Prisma.sql`NULL::tsvector`} AS v, query.exact, query.fuzzy
          FROM (
            WITH fts AS MATERIALIZED (
              SELECT ${hitColumns}, r."searchVector" AS sv FROM "Resource" r
              -- A scalar subquery (one InitPlan): to_tsquery is only STABLE, so written inline it
              -- would be parsed again for every row a sequential scan reads.
              WHERE ${where} AND r."searchVector" @@ (SELECT to_tsquery('english', ${fuzzyText})))
            SELECT * FROM fts
            UNION ALL
            SELECT ${hitColumns}, r."searchVector" AS sv FROM "Resource" r
            WHERE ${where} AND r."id" NOT IN (SELECT fts.id FROM fts) AND ${q} <% r."title"
            UNION ALL
            SELECT ${hitColumns}, r."searchVector" AS sv FROM "Resource" r
            WHERE ${where} AND r."id" NOT IN (SELECT fts.id FROM fts)
              AND ${q} <% r."tagText" AND (${q} <% r."title") IS NOT TRUE
          ) h
          CROSS JOIN (SELECT to_tsquery('english', ${fuzzyText}) AS fuzzy, plainto_tsquery('english', ${q}) AS exact) query
          OFFSET 0
        ) m`
    : Prisma.sql`SELECT ${hitColumns}, 0::float8 AS fts FROM "Resource" r WHERE ${where}`;
  const cursorKey = cursor && plan.numeric ? Number(cursor.k) : null;
  if (cursorKey !== null && !Number.isFinite(cursorKey)) {
    throw new AppError("BAD_REQUEST", "That page of results has expired. Please search again.");
  }
  const candidates = relevance
    ? Prisma.sql`SELECT * FROM matched c
        WHERE c.fts >= coalesce((
            SELECT b.fts FROM matched b
            ${cursorKey !== null ? Prisma.sql`WHERE b.fts + ${RELEVANCE_SLACK}::float8 < ${cursorKey}::float8` : Prisma.empty}
            ORDER BY b.fts DESC OFFSET ${filters.limit} LIMIT 1
          ), '-Infinity'::float8) - ${RELEVANCE_SLACK}::float8
          ${cursorKey !== null ? Prisma.sql`AND c.fts <= ${cursorKey}::float8 + 0.00001` : Prisma.empty}`
    : Prisma.sql`SELECT * FROM matched c`;

  const rowsWithTotal = await db.$queryRaw<{ id: string | null; sort_key: string | null; total: number }[]>`
    WITH matched AS MATERIALIZED (${matched})
    SELECT p.id, p.sort_key, t.total
    FROM (SELECT count(*)::int AS total FROM matched) t
    LEFT JOIN LATERAL (
      SELECT s.id, s.sort_key::text AS sort_key
      FROM (SELECT c.id, ${plan.key} AS sort_key FROM (${candidates}) c) s
      WHERE ${cursorSql(plan, cursor)}
      ORDER BY ${order}
      LIMIT ${filters.limit + 1}
    ) p ON true`;
  const page = rowsWithTotal.flatMap((row) => (row.id === null || row.sort_key === null ? [] : [{ id: row.id, sort_key: row.sort_key }]));
  const counted = [{ total: rowsWithTotal[0]?.total ?? 0 }];

  const pageRows = page.slice(0, filters.limit);
  const last = pageRows[pageRows.length - 1];
  const nextCursor = page.length > filters.limit && last ? encodeCursor({ s: effectiveSort, k: last.sort_key, i: last.id }) : null;

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
  return { items, nextCursor, total: counted[0]?.total ?? 0 };
}
