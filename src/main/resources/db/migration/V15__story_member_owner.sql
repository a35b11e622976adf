-- Each member's owner (the source whose copy of the article is stored, article.owner_source) kept on its member row,
-- so that a story's summary counts its sources from the member rows alone instead of reading every member's
-- article (texts and all) back each time the story grows. Kept equal to the article's owner by the code that
-- changes an owner (store/ArticleWriter, a take-over); a member whose article is deleted goes with it (the cascade).
ALTER TABLE story_member ADD COLUMN IF NOT EXISTS owner_source VARCHAR(100);
UPDATE story_member SET owner_source = (SELECT a.owner_source FROM article a WHERE a.id = story_member.article_id);
