-- A kind filter reaches a search as the sources of that kind, and which sources carried an article lives in
-- article_source: the Lucene index now holds each published article's sources too (store/LuceneSearch), so the filter
-- is one more term of the query, where naming the sources' articles to the index cost a database read of all of
-- them per search. An article gains a source without any change to its own row, so the rows of article_source are
-- noted for the index as the article's are (PostgreSQL: the same migration keeps them on article_search).
CREATE TRIGGER article_source_search_pending AFTER INSERT, UPDATE, DELETE ON article_source FOR EACH ROW
    CALL 'org.her2feeds.store.SearchPendingTrigger';
