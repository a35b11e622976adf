-- Issue 14: ?q= searches with PostgreSQL's full-text engine instead of LIKE over every article. Only PostgreSQL
-- reads this folder (spring.flyway.locations: db/vendor/{vendor}); the embedded database searches with Lucene.
-- A configuration of its own, copied from english (stemming, English stop words), so that how words are read can be
-- tuned later without touching the queries. Its parser leaves tokens with digits (HER2, DS-8201, NCT04784715)
-- unstemmed, and stemming the rest is the same on both sides, so drug names match as written.
CREATE TEXT SEARCH CONFIGURATION her2_search (COPY = english);
-- The title weighs A and the display summary B, so ts_rank puts a title match before a passing mention. Generated,
-- so every write (insert, update, re-evaluation, merge, purge) keeps it current with no code of its own.
ALTER TABLE article ADD COLUMN search tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('her2_search', title), 'A') || setweight(to_tsvector('her2_search', summary_text), 'B')
) STORED;
-- Only published articles are searched: the index holds a fifth of the archive, and the planner never needs to
-- intersect it with the relevant articles (which cost more than the search itself on a large archive).
CREATE INDEX article_search ON article USING GIN (search) WHERE relevant = TRUE;
