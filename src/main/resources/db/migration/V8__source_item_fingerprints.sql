-- Issue 12: what each source's items looked like, raw, when they were last stored, so that a feed fetched again
-- with the same items (a 200 from a publisher that ignores conditional GET) skips cleaning, tagging and writing
-- them. One row per source and raw fingerprint; rows of items that left the feed are pruned at each fetch. The
-- row goes with its article, so an article removed from the archive is read and stored again in full.
CREATE TABLE source_item (
    source_id   VARCHAR(100) NOT NULL,
    fingerprint VARCHAR(64)  NOT NULL,
    article_id  VARCHAR(40)  NOT NULL REFERENCES article (id) ON DELETE CASCADE,
    PRIMARY KEY (source_id, fingerprint)
);
CREATE INDEX source_item_article ON source_item (article_id);

-- The fingerprint of the whole document each source's feed was last stored from, with how many entries it held,
-- the ttl it asked for and how many source_item rows storing it left: the same bytes again skip even the parse, as
-- long as those rows are all still there (an article removed from the archive takes its row with it, and the feed
-- is then read in full).
CREATE TABLE source_feed (
    source_id   VARCHAR(100) NOT NULL PRIMARY KEY,
    fingerprint VARCHAR(64)  NOT NULL,
    entries     INT          NOT NULL,
    items       INT          NOT NULL,
    ttl_minutes INT
);
