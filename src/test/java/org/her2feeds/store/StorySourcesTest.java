package org.her2feeds.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.her2feeds.sources.SourceKind;
import org.her2feeds.tagging.StoryProfile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * A story counts its sources from its member rows, where grouping keeps each member's owner under the story lock,
 * whether it holds one member (summarised from that member alone, as it is written) or more (summarised from its
 * members read back): both ways give the same count. A member row that names no owner while its article does makes
 * the two sources of truth differ, and the count must follow the member rows however the story was summarised.
 */
class StorySourcesTest {

    @RegisterExtension
    final H2FileStore db = new H2FileStore();

    private final StoryArticles articles = StoryArticles.taggedByTheConfiguredRules();

    @Test
    void aStoryOfOneMemberCountsItsSourcesFromItsMemberRowAsLargerStoriesDo() {
        db.store.saveFeed(
                "onclive",
                SourceKind.NEWS,
                List.of(articles.item(
                        "onclive",
                        SourceKind.NEWS,
                        "n1",
                        "T-DXd plus pertuzumab shows survival edge in DESTINY-Breast09",
                        "Overall survival results from DESTINY-Breast09 in HER2-positive metastatic breast cancer "
                                + "were presented at ASCO.",
                        "2026-06-01T08:00:00Z",
                        "10.5555/nejmoa2601124")));
        String article =
                db.jdbc.sql("SELECT id FROM article").query(String.class).single();
        String story = StoryRows.ownId(article);
        StoredProfiles profiles = new StoredProfiles(JsonMapper.builder().build());
        StoryProfile profile = profiles.read(db.jdbc
                .sql("SELECT profile FROM story_member")
                .query(String.class)
                .single());
        StoryGrouping.Member member = new StoryGrouping.Member(article, null, profile);
        Instant now = Instant.parse("2026-06-02T00:00:00Z");
        NamedParameterJdbcTemplate named = new NamedParameterJdbcTemplate(db.pool);
        StoryRows rows = new StoryRows(db.jdbc);
        StorySummaries summaries = new StorySummaries(db.jdbc, named);

        // Taken up again, its summary written with its row: the member row names no owner, the article does.
        db.jdbc.sql("DELETE FROM story_member").update();
        found(named, profiles, rows, member, Set.of(story), now);
        assertThat(sources(story)).as("taken up with its summary").isEqualTo(memberSources(story));
        summaries.summarise(List.of(story), null);
        assertThat(sources(story)).as("summarised from its members").isEqualTo(memberSources(story));

        // Inserted with its summary.
        db.jdbc.sql("DELETE FROM story_member").update();
        db.jdbc.sql("DELETE FROM story").update();
        found(named, profiles, rows, member, Set.of(), now);
        assertThat(sources(story)).as("inserted with its summary").isEqualTo(memberSources(story));

        // Summarised as a story of its founder alone after it was written.
        db.jdbc.sql("UPDATE story SET sources = 7").update();
        summaries.founded(story, article, profile.at(), now);
        assertThat(sources(story)).as("summarised from its founder").isEqualTo(memberSources(story));
    }

    /** The article starts a story of its own in a grouping of its own, with no owner on its member row. */
    private void found(
            NamedParameterJdbcTemplate named,
            StoredProfiles profiles,
            StoryRows rows,
            StoryGrouping.Member member,
            Set<String> withRow,
            Instant now) {
        PendingStories pending = new PendingStories(named, profiles, rows, withRow, Set.of(), now);
        Map<String, StoryGrouping.Member> founded = new HashMap<>();
        String story = pending.start(member.articleId(), member.profile().at(), null, founded);
        pending.member(member, story, null, null, true);
        founded.put(story, member);
        assertThat(pending.write(founded, true)).as("written with its summary").containsExactly(story);
    }

    private int sources(String story) {
        return db.jdbc
                .sql("SELECT sources FROM story WHERE id = :id")
                .param("id", story)
                .query(Integer.class)
                .single();
    }

    private int memberSources(String story) {
        return db.jdbc
                .sql("SELECT COUNT(DISTINCT owner_source) FROM story_member WHERE story_id = :id")
                .param("id", story)
                .query(Integer.class)
                .single();
    }
}
