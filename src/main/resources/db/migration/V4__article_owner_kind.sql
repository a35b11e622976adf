-- The kind of publisher (journal, preprint, news...) of the source whose copy of the article is stored, as it was when
-- that source took the article: a copy from a more authoritative kind takes the article over (store/CopyAuthority).
-- NULL for articles stored before this column existed; they rank like a source of no stated kind.
ALTER TABLE article ADD COLUMN owner_kind VARCHAR(20);
