-- Indexes found by the benchmark (issue 8), in the subset H2 and PostgreSQL share.

-- The digest day list counts published articles per day: with relevance first, that is a range of this index
-- alone (no table rows, no unpublished articles), read once per archive version (ArticleQueries caches it).
CREATE INDEX IF NOT EXISTS article_published_days ON article (relevant, digest_date);
