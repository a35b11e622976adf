-- Written in the SQL subset that H2 2.4 (MODE=PostgreSQL) and PostgreSQL 15 both accept (stack notes, pitfall 9).

-- What the service knows about each source between runs: validators for conditional GET, health, backoff.
CREATE TABLE source_state (
    source_id            VARCHAR(100)  NOT NULL PRIMARY KEY,
    -- The URL in sources.yml when the state was written: an operator's edit resets an adopted redirect.
    configured_url       VARCHAR(2000),
    current_url          VARCHAR(2000),
    etag                 VARCHAR(1000),
    last_modified        VARCHAR(100),
    last_attempt_at      TIMESTAMP WITH TIME ZONE,
    last_success_at      TIMESTAMP WITH TIME ZONE,
    last_status          INTEGER,
    last_error           VARCHAR(1000),
    consecutive_failures INTEGER       NOT NULL DEFAULT 0,
    next_fetch_at        TIMESTAMP WITH TIME ZONE,
    -- Why the source is not fetched although it is listed (410 Gone, paused by an operator); NULL when active.
    disabled_reason      VARCHAR(200),
    -- A permanent redirect is only followed for good once it has been seen on several consecutive fetches.
    redirect_target      VARCHAR(2000),
    redirect_streak      INTEGER       NOT NULL DEFAULT 0
);

-- The article id is chosen by the service (a hash of the article's strongest identity key at first sight), so
-- two instances that store the same article at the same moment collide on the primary key instead of
-- creating two rows, and feed GUIDs never change.
CREATE TABLE article (
    id              VARCHAR(40)    NOT NULL PRIMARY KEY,
    title           VARCHAR(2000)  NOT NULL,
    url             VARCHAR(4000),
    summary_html    VARCHAR(200000) NOT NULL,
    summary_text    VARCHAR(2000)  NOT NULL,
    authors         VARCHAR(4000)  NOT NULL,
    categories      VARCHAR(8000)  NOT NULL,
    doi             VARCHAR(300),
    pmid            VARCHAR(20),
    published_at    TIMESTAMP WITH TIME ZONE,
    first_seen_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    -- The date the article is filed under: its publication date, or first sight when that is missing or in the future.
    sort_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    digest_date     DATE           NOT NULL,
    relevant        BOOLEAN        NOT NULL,
    tagging         VARCHAR(20000) NOT NULL,
    content_hash    VARCHAR(64)    NOT NULL,
    -- The source whose version of the article is stored; only its later changes update the article.
    owner_source    VARCHAR(100)   NOT NULL
);
CREATE INDEX article_published_order ON article (relevant, sort_at, id);
CREATE INDEX article_by_day ON article (digest_date, relevant);

-- Every identity an article is known by (DOI, PubMed id, canonical link, source GUID), hashed to a fixed width
-- so long URLs stay indexable.
CREATE TABLE article_key (
    key_hash   VARCHAR(64) NOT NULL PRIMARY KEY,
    key_kind   VARCHAR(10) NOT NULL,
    article_id VARCHAR(40) NOT NULL REFERENCES article (id) ON DELETE CASCADE
);
CREATE INDEX article_key_article ON article_key (article_id);

-- Each source an article came from.
CREATE TABLE article_source (
    article_id    VARCHAR(40)   NOT NULL REFERENCES article (id) ON DELETE CASCADE,
    source_id     VARCHAR(100)  NOT NULL,
    guid          VARCHAR(2000),
    link          VARCHAR(4000),
    first_seen_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (article_id, source_id)
);
CREATE INDEX article_source_source ON article_source (source_id);

-- Published topics of relevant articles, with the article's order denormalised so a topic feed is an index range.
CREATE TABLE article_topic (
    slug       VARCHAR(64)  NOT NULL,
    article_id VARCHAR(40)  NOT NULL REFERENCES article (id) ON DELETE CASCADE,
    sort_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (slug, article_id)
);
CREATE INDEX article_topic_order ON article_topic (slug, sort_at, article_id);
CREATE INDEX article_topic_article ON article_topic (article_id);

-- Small named values shared by every instance: the articles' change counter, the rules that tagged them.
CREATE TABLE store_meta (
    name       VARCHAR(100)  NOT NULL PRIMARY KEY,
    text_value VARCHAR(1000),
    long_value BIGINT
);
INSERT INTO store_meta (name, long_value) VALUES ('articles_version', 0);
