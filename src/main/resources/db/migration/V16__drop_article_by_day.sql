-- Issue 12: article_by_day (digest_date, relevant) served no query article_published_days (relevant, digest_date,
-- V3) does not: every query on digest_date also asks relevant = TRUE (store/ArticleQueries: a day, a range of days,
-- the day list and marks, topic counts per day), and both are then equalities or a range on the same two columns
-- (H2's plan for a day's read moves to article_published_days with both conditions as index conditions). One
-- index less to write and commit for every article stored.
DROP INDEX IF EXISTS article_by_day;
