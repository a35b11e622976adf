-- An article's sources in article_search (V13) could miss one for good when a transaction published the article
-- while another added a source to it, in either order (READ COMMITTED, neither sees the other's uncommitted rows):
-- the source first, and its trigger found no search row to update while the publisher's trigger read the sources
-- without it; the article published first, and the source's update did not see the publisher's new search row.
-- Nothing orders the two: the source's foreign-key check takes only a key-share lock on the article row, which a
-- publishing update does not wait for.
--
-- Both now meet on the article row: a publishing update holds it (an update locks the row it changes), and a
-- change of the article's sources locks it here (FOR NO KEY UPDATE: the lock of an update that leaves the key
-- alone, so foreign-key checks are not held up). The one that comes second waits for the first to commit, and
-- only then runs its next statement, which in a function of this kind (VOLATILE, at READ COMMITTED) takes a new
-- snapshot: the publisher's trigger then reads the committed source, and the source's trigger finds the committed
-- search row and recomputes the whole array from article_source. Recomputing under the lock is exact because every
-- writer of the article's sources takes the same lock, so none is in flight while it reads; two feeds adding
-- sources to one article wait for each other as before.
CREATE OR REPLACE FUNCTION article_search_sources_sync() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    changed VARCHAR(40);
    wanted  TEXT[];
BEGIN
    FOR changed IN
        SELECT DISTINCT x.article_id FROM (VALUES
            (CASE WHEN TG_OP IN ('UPDATE', 'DELETE') THEN OLD.article_id END),
            (CASE WHEN TG_OP IN ('INSERT', 'UPDATE') THEN NEW.article_id END)) AS x(article_id)
        WHERE x.article_id IS NOT NULL
    LOOP
        -- No row: the article itself is being deleted in this transaction, and its search row with it.
        PERFORM 1 FROM article WHERE id = changed FOR NO KEY UPDATE;
        wanted := ARRAY(SELECT CAST(s.source_id AS TEXT) FROM article_source s WHERE s.article_id = changed
                        ORDER BY s.source_id);
        UPDATE article_search SET sources = wanted WHERE id = changed AND sources IS DISTINCT FROM wanted;
    END LOOP;
    RETURN NULL;
END
$$;
