-- The whole text that relevance reads (issue 11): the description and the full content, each bounded to 20,000
-- characters by the pipeline. Kept so that re-tagging after a rules change reads what the first tagging read,
-- not the 500-character display summary. Articles stored before this keep their summary as the description.
ALTER TABLE article ADD COLUMN description_text VARCHAR(20000) NOT NULL DEFAULT '';
ALTER TABLE article ADD COLUMN content_text VARCHAR(20000) NOT NULL DEFAULT '';
UPDATE article SET description_text = summary_text;
