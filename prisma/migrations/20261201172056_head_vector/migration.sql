-- Library search relevance without the body (issue 10). "headVector" holds only the title (A), the
-- tag names (B) and the summary (C): a few dozen lexemes, small enough to stay inline in the row,
-- so ranking a match never de-TOASTs the body's big "searchVector". Matching still uses
-- "searchVector" (through its GIN index); relevance is computed over "headVector" (see
-- server/services/library/search.ts). Same 'english' configuration as "searchVector", so every
-- lexeme of the head is also in the search vector.
-- AlterTable
ALTER TABLE "Resource" ADD COLUMN     "headVector" tsvector;

-- One trigger keeps both vectors (same firing columns as before).
CREATE OR REPLACE FUNCTION haven_resource_search_vector() RETURNS trigger AS $$
BEGIN
  NEW."searchVector" :=
    setweight(to_tsvector('english', coalesce(NEW."title", '')), 'A') ||
    setweight(to_tsvector('english', coalesce(NEW."summary", '') || ' ' || coalesce(NEW."tagText", '')), 'B') ||
    setweight(to_tsvector('english', coalesce(NEW."body", '')), 'C');
  NEW."headVector" :=
    setweight(to_tsvector('english', coalesce(NEW."title", '')), 'A') ||
    setweight(to_tsvector('english', coalesce(NEW."tagText", '')), 'B') ||
    setweight(to_tsvector('english', coalesce(NEW."summary", '')), 'C');
  RETURN NEW;
END
$$ LANGUAGE plpgsql;

-- Existing rows (the trigger fires only on changes to title, summary, tagText or body).
UPDATE "Resource" SET "headVector" =
  setweight(to_tsvector('english', coalesce("title", '')), 'A') ||
  setweight(to_tsvector('english', coalesce("tagText", '')), 'B') ||
  setweight(to_tsvector('english', coalesce("summary", '')), 'C');

-- CreateIndex
CREATE INDEX "Resource_headVector_idx" ON "Resource" USING GIN ("headVector");
