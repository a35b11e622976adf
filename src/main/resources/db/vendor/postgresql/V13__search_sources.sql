-- A kind filter reaches a search as the sources of that kind, and which sources carried an article lives in
-- article_source: a search so filtered tested every candidate there, one index probe each, and with a common word
-- from one source of 50 walked most of the archive (1.3 s at 1,000,000 articles). Each published article's sources
-- are kept beside its words instead, as an array with a GIN index of its own, so the filter is either a test of the
-- row a search reads anyway or an index the planner intersects with the words' (H2: the Lucene index holds them).
ALTER TABLE article_search ADD COLUMN sources TEXT[] NOT NULL DEFAULT '{}';
-- Filled by writing the table anew, not by updating each row: an update leaves the former version of every row
-- behind, which doubled the table on disk (118 to 245 MB at 1,000,000 articles) and halved how much of it the cache
-- holds. The words' index is built once after the rows rather than entry by entry.
TRUNCATE article_search;
DROP INDEX article_search_words;
INSERT INTO article_search (id, sort_at, search, sources)
SELECT a.id, a.sort_at,
       setweight(to_tsvector('her2_search', a.title), 'A')
           || setweight(to_tsvector('her2_search', a.summary_text), 'B'),
       ARRAY(SELECT s.source_id FROM article_source s WHERE s.article_id = a.id ORDER BY s.source_id)
FROM article a WHERE a.relevant = TRUE;
CREATE INDEX article_search_words ON article_search USING GIN (search);
CREATE INDEX article_search_sources ON article_search USING GIN (sources);

-- A newly published article takes the sources already stored (an article's sources are written after it); on an
-- update its sources stay as the trigger below keeps them.
CREATE OR REPLACE FUNCTION article_search_sync() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.relevant THEN
        INSERT INTO article_search (id, sort_at, search, sources)
        VALUES (NEW.id, NEW.sort_at,
                setweight(to_tsvector('her2_search', NEW.title), 'A')
                    || setweight(to_tsvector('her2_search', NEW.summary_text), 'B'),
                ARRAY(SELECT s.source_id FROM article_source s WHERE s.article_id = NEW.id ORDER BY s.source_id))
        ON CONFLICT (id) DO UPDATE SET sort_at = EXCLUDED.sort_at, search = EXCLUDED.search;
    ELSE
        DELETE FROM article_search WHERE id = NEW.id;
    END IF;
    RETURN NULL;
END
$$;

-- Each source an article gains or loses, applied to the row's current array (not recomputed from a snapshot): two
-- feeds that bring the same article at once wait for each other's row lock and both sources stay.
CREATE FUNCTION article_search_sources_sync() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        UPDATE article_search SET sources = array_remove(sources, OLD.source_id::text) WHERE id = OLD.article_id;
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        UPDATE article_search SET sources = array_append(sources, NEW.source_id::text)
        WHERE id = NEW.article_id AND NOT sources @> ARRAY[NEW.source_id::text];
    END IF;
    RETURN NULL;
END
$$;
CREATE TRIGGER article_search_sources_sync AFTER INSERT OR DELETE OR UPDATE OF article_id, source_id
    ON article_source FOR EACH ROW EXECUTE FUNCTION article_search_sources_sync();
