-- The publication type, trials and drugs of each published article, derived from its tagging (the tagging JSON
-- stays the source of truth; see store/TaggingIndex), so that ?type=, ?trial= and ?drug= are index probes.
CREATE TABLE article_entity (
    kind       VARCHAR(10)  NOT NULL,
    entity     VARCHAR(200) NOT NULL,
    article_id VARCHAR(40)  NOT NULL REFERENCES article (id) ON DELETE CASCADE,
    PRIMARY KEY (kind, entity, article_id)
);
CREATE INDEX article_entity_article ON article_entity (article_id);
