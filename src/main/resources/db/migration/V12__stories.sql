-- Stories across sources (issue 15): articles that report one event (a trial readout, a regulator's decision, a
-- paper, a notice) grouped as they are stored, by the rules of config/stories.yml (tagging/StoryLinks).
-- A story keeps the id it was given for its first member; a story joined into another keeps its row, with
-- merged_into naming the story that now holds its members, so that its id still resolves.
CREATE TABLE story (
    id              VARCHAR(48)   NOT NULL PRIMARY KEY,
    title           VARCHAR(2000) NOT NULL,
    lead_article_id VARCHAR(40),
    first_seen_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    last_seen_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    -- When the story last gained a member: what the story feed orders and dates items by.
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    members         INTEGER       NOT NULL DEFAULT 1,
    sources         INTEGER       NOT NULL DEFAULT 1,
    merged_into     VARCHAR(48)
);
CREATE INDEX story_updated ON story (updated_at, id);

-- Every published article that may belong to a story, alone or not, with what grouping needs to compare it with
-- later articles (the profile, JSON), so they are compared without reading its text again.
CREATE TABLE story_member (
    article_id  VARCHAR(40)   NOT NULL PRIMARY KEY REFERENCES article (id) ON DELETE CASCADE,
    story_id    VARCHAR(48)   NOT NULL,
    seen_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    authority   INTEGER       NOT NULL,
    type        VARCHAR(40)   NOT NULL,
    link_reason VARCHAR(1000),
    profile     VARCHAR(30000) NOT NULL
);
CREATE INDEX story_member_story ON story_member (story_id);
CREATE INDEX story_member_seen ON story_member (seen_at);

-- One row that grouping locks for the rest of its transaction: two feeds stored at once are grouped one after the
-- other, so that the second sees the members the first added (else each would miss the other's articles).
CREATE TABLE story_lock (
    id INTEGER NOT NULL PRIMARY KEY
);
INSERT INTO story_lock (id) VALUES (1);
