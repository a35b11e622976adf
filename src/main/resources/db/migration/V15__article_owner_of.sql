-- Story summaries count each story's distinct sources (article.owner_source) every time a story grows: with the id
-- and the owner in one index, that count reads this index alone, not each member's whole article row (its texts;
-- on H2 most of a grown story's summary was reading article pages back from the file).
CREATE INDEX IF NOT EXISTS article_owner_of ON article (id, owner_source);
