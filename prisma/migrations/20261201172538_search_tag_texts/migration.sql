-- Library search, tag-name typo matches without a scan of every resource (issue 10). A query word
-- similar to the tag names (pg_trgm word similarity, `q <% "tagText"`) but not matching them as a
-- word is rare, yet for a word in most tag texts every row had to be tested. Tag texts come from a
-- small vocabulary: haven_search_tag_text keeps each distinct "tagText" once, so the similarity is
-- computed per distinct text (a few hundred) and the matching resources are read through the btree
-- index on "tagText". Texts only join (a stale one is harmless: resources are joined back by equality).

-- CreateIndex
CREATE INDEX "Resource_tagText_idx" ON "Resource"("tagText");

CREATE TABLE haven_search_tag_text (
  text text PRIMARY KEY,
  -- Texts that contain the query's words are skipped with this (cheap) before the similarity test.
  vector tsvector GENERATED ALWAYS AS (to_tsvector('english', text)) STORED
);

CREATE INDEX haven_search_tag_text_trgm ON haven_search_tag_text USING GIN (text gin_trgm_ops);

CREATE OR REPLACE FUNCTION haven_collect_tag_text() RETURNS trigger AS $$
BEGIN
  INSERT INTO haven_search_tag_text (text) VALUES (NEW."tagText") ON CONFLICT (text) DO NOTHING;
  RETURN NULL;
END
$$ LANGUAGE plpgsql;

CREATE TRIGGER haven_collect_tag_text_trigger
  AFTER INSERT OR UPDATE OF "tagText" ON "Resource"
  FOR EACH ROW EXECUTE FUNCTION haven_collect_tag_text();

INSERT INTO haven_search_tag_text (text)
SELECT DISTINCT "tagText" FROM "Resource"
ON CONFLICT (text) DO NOTHING;
