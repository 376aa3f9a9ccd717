// The documented relevance of library search (issue 10), computed the slow, obvious way: every match
// ranked, head vector built from the text itself (not read from the trigger's column), no bounds.
// Tests compare the real, bounded search with it page by page.
import { buildFuzzyQuery, queryWords, typoExpansions } from "../../server/services/library/search";
import type { PrismaClient } from "../../server/generated/prisma/client";

const HEAD = `(setweight(to_tsvector('english', coalesce(r."title", '')), 'A') ||
  setweight(to_tsvector('english', coalesce(r."tagText", '')), 'B') ||
  setweight(to_tsvector('english', coalesce(r."summary", '')), 'C'))`;

/** Ids of every current match a therapist may see, best first, and whether each is a head match. */
export async function referenceRanking(db: PrismaClient, q: string, therapistId: string) {
  const words = queryWords(q);
  const fuzzy = buildFuzzyQuery(words, await typoExpansions(db, words));
  const text = words.join(" ");
  return db.$queryRawUnsafe<{ id: string; score: string; tier: "head" | "trigram" | "body" }[]>(
    `SELECT r.id, x.score::text AS score, x.tier
     FROM "Resource" r
     CROSS JOIN (SELECT to_tsquery('english', $1) AS fuzzy, plainto_tsquery('english', $2) AS exact) query
     CROSS JOIN LATERAL (SELECT 0.5 * greatest(word_similarity($2, r."title"), word_similarity($2, r."tagText")) AS bonus) t
     CROSS JOIN LATERAL (SELECT CASE
         WHEN ${HEAD} @@ query.fuzzy THEN 'head'
         WHEN r."searchVector" @@ query.fuzzy THEN 'body'
         ELSE 'trigram' END AS tier) k
     CROSS JOIN LATERAL (SELECT round((CASE k.tier
         WHEN 'head' THEN (1::float8
           + 3 * ts_rank('{0.1,0.2,0.4,1.0}', ${HEAD}, query.exact, 1)
           + ts_rank('{0.1,0.2,0.4,1.0}', ${HEAD}, query.fuzzy, 1)
           + CASE WHEN ts_filter(${HEAD}, '{a}') @@ query.fuzzy THEN 1 ELSE 0 END) + t.bonus
         WHEN 'body' THEN 0.5::float8
         ELSE 0.5::float8 + t.bonus END)::numeric, 6) AS score, k.tier) x
     WHERE (r."ownerId" = $3 OR (r."status" = 'PUBLISHED' AND (r."ownerId" IS NULL OR r."visibility" = 'SHARED')))
       AND r."status" IN ('PUBLISHED', 'DRAFT')
       AND (r."searchVector" @@ query.fuzzy OR $2 <% r."title" OR $2 <% r."tagText")
     ORDER BY x.score DESC, r.id ASC`,
    fuzzy,
    text,
    therapistId,
  );
}
