-- Full-text and fuzzy search for the library. Objects Prisma does not model carry the haven_
-- prefix; the drift test ignores them.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- Weighted document: title (A) > summary and tag names (B) > body (C).
CREATE OR REPLACE FUNCTION haven_resource_search_vector() RETURNS trigger AS $$
BEGIN
  NEW."searchVector" :=
    setweight(to_tsvector('english', coalesce(NEW."title", '')), 'A') ||
    setweight(to_tsvector('english', coalesce(NEW."summary", '') || ' ' || coalesce(NEW."tagText", '')), 'B') ||
    setweight(to_tsvector('english', coalesce(NEW."body", '')), 'C');
  RETURN NEW;
END
$$ LANGUAGE plpgsql;

CREATE TRIGGER haven_resource_search_vector_trigger
  BEFORE INSERT OR UPDATE OF "title", "summary", "tagText", "body" ON "Resource"
  FOR EACH ROW EXECUTE FUNCTION haven_resource_search_vector();

-- Typo-tolerant matching on titles and tag names.
CREATE INDEX haven_resource_title_trgm ON "Resource" USING GIN ("title" gin_trgm_ops);
CREATE INDEX haven_resource_tagtext_trgm ON "Resource" USING GIN ("tagText" gin_trgm_ops);
