-- Issue 14: articles judged not relevant keep only what deduplication needs once they are old enough (their keys,
-- sources, title and content hash); their texts are emptied and the row is marked purged, so re-evaluation skips
-- it. The index serves the purge that follows each fetch of a source.
ALTER TABLE article ADD COLUMN purged BOOLEAN NOT NULL DEFAULT FALSE;
CREATE INDEX IF NOT EXISTS article_purge ON article (owner_source, relevant, purged, first_seen_at);
