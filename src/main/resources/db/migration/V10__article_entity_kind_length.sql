-- Notice keys ('notice-title', 'notice-pmid') are longer than the first kinds of filter key.
ALTER TABLE article_entity ALTER COLUMN kind SET DATA TYPE VARCHAR(20);
