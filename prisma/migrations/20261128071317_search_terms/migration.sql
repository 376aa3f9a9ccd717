-- Typo-tolerant search. A dictionary of the words that occur in the library (unstemmed, lower-case)
-- lets a misspelt query word ("avoidnt") be widened to the real words it resembles ("avoidant")
-- through pg_trgm similarity before full-text matching. Objects carry the haven_ prefix.
CREATE TABLE haven_search_term (
  term text PRIMARY KEY
);

CREATE INDEX haven_search_term_trgm ON haven_search_term USING GIN (term gin_trgm_ops);

-- Words only join; a word whose last resource changed stays (harmless: it can only widen a query,
-- and every result is still filtered by what the reader may see).
CREATE OR REPLACE FUNCTION haven_collect_search_terms() RETURNS trigger AS $$
BEGIN
  INSERT INTO haven_search_term (term)
  SELECT lexeme
  FROM unnest(to_tsvector('simple',
    coalesce(NEW."title", '') || ' ' || coalesce(NEW."summary", '') || ' ' ||
    coalesce(NEW."tagText", '') || ' ' || coalesce(NEW."body", '')))
  WHERE lexeme ~ '^[[:alpha:]][[:alpha:]-]{2,39}$'
  -- A fixed insert order keeps two concurrent saves from deadlocking on the same words.
  ORDER BY lexeme
  ON CONFLICT (term) DO NOTHING;
  RETURN NULL;
END
$$ LANGUAGE plpgsql;

CREATE TRIGGER haven_collect_search_terms_trigger
  AFTER INSERT OR UPDATE OF "title", "summary", "tagText", "body" ON "Resource"
  FOR EACH ROW EXECUTE FUNCTION haven_collect_search_terms();

INSERT INTO haven_search_term (term)
SELECT DISTINCT lexeme
FROM "Resource", unnest(to_tsvector('simple',
  coalesce("title", '') || ' ' || coalesce("summary", '') || ' ' ||
  coalesce("tagText", '') || ' ' || coalesce("body", '')))
WHERE lexeme ~ '^[[:alpha:]][[:alpha:]-]{2,39}$'
ON CONFLICT (term) DO NOTHING;
