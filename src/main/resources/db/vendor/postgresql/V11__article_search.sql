-- Issue 14: ?q= searches with PostgreSQL's full-text engine instead of LIKE over every article. Only PostgreSQL
-- reads this folder (spring.flyway.locations: db/vendor/{vendor}); the embedded database searches with Lucene.
-- A configuration of its own, copied from english (stemming, English stop words), so that how words are read can be
-- tuned later without touching the queries. Its parser leaves tokens with digits (HER2, DS-8201, NCT04784715)
-- unstemmed, and stemming the rest is the same on both sides, so drug names match as written.
CREATE TEXT SEARCH CONFIGURATION her2_search (COPY = english);

-- The searchable part of each published article, narrow: a search reads one row per match to date it, and rows of
-- the article table (all its texts) are several times wider, so on a large archive a common word's matches would be
-- read from disk rather than from the buffer cache. The title weighs A and the display summary B, so that ts_rank
-- puts a title match before a passing mention.
CREATE TABLE article_search (
    id      VARCHAR(40) NOT NULL PRIMARY KEY REFERENCES article (id) ON DELETE CASCADE,
    sort_at TIMESTAMP WITH TIME ZONE NOT NULL,
    search  tsvector NOT NULL
);
CREATE INDEX article_search_words ON article_search USING GIN (search);
CREATE INDEX article_search_order ON article_search (sort_at, id);

-- Kept by the database itself in the writing transaction, so every write path (new articles, updates, merges,
-- re-evaluation, purge) keeps it current with no code of its own.
CREATE FUNCTION article_search_sync() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.relevant THEN
        INSERT INTO article_search (id, sort_at, search)
        VALUES (NEW.id, NEW.sort_at,
                setweight(to_tsvector('her2_search', NEW.title), 'A')
                    || setweight(to_tsvector('her2_search', NEW.summary_text), 'B'))
        ON CONFLICT (id) DO UPDATE SET sort_at = EXCLUDED.sort_at, search = EXCLUDED.search;
    ELSE
        DELETE FROM article_search WHERE id = NEW.id;
    END IF;
    RETURN NULL;
END
$$;
CREATE TRIGGER article_search_sync AFTER INSERT OR UPDATE OF title, summary_text, relevant, sort_at ON article
    FOR EACH ROW EXECUTE FUNCTION article_search_sync();

INSERT INTO article_search (id, sort_at, search)
SELECT id, sort_at,
       setweight(to_tsvector('her2_search', title), 'A') || setweight(to_tsvector('her2_search', summary_text), 'B')
FROM article WHERE relevant = TRUE;
