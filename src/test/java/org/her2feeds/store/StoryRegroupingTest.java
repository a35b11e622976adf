package org.her2feeds.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.Function;
import org.her2feeds.sources.SourceKind;
import org.her2feeds.tagging.Evidence;
import org.her2feeds.tagging.TaggableText;
import org.her2feeds.tagging.TaggingResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Stories follow what is known of their members (real H2 file database, real rules): an article whose later copy
 * or re-evaluation no longer ties it to its story leaves it, one that now ties joins, the members that stay keep
 * the story's id; an archive stored before stories existed is grouped once.
 */
class StoryRegroupingTest {

    @RegisterExtension
    final H2FileStore db = new H2FileStore();

    private final StoryArticles articles = StoryArticles.taggedByTheConfiguredRules();

    static final String PAPER =
            "Trastuzumab Deruxtecan plus Pertuzumab for HER2-Positive Metastatic Breast " + "Cancer: Overall Survival";
    static final String PAPER_TEXT = "In this phase 3 trial (DESTINY-Breast09, NCT04762109), trastuzumab "
            + "deruxtecan plus pertuzumab prolonged overall survival in HER2-positive breast cancer.";
    static final String NEWS_TITLE = "DESTINY-Breast09 overall survival readout at ASCO";
    static final String NEWS_TEXT =
            "Overall survival from DESTINY-Breast09 in HER2-positive metastatic breast cancer was presented at ASCO.";
    static final String OTHER_TITLE = "Tucatinib maintenance in HER2CLIMB-05 reported";
    static final String OTHER_TEXT =
            "News on the HER2CLIMB-05 trial of tucatinib maintenance in HER2-positive breast cancer.";

    @Test
    void aNewsItemWhoseLaterCopyNoLongerNamesTheTrialLeavesTheStoryAndJoinsAgainWhenItDoes() {
        save("journal", SourceKind.JOURNAL, "j", PAPER, PAPER_TEXT, "2026-05-31T12:00:00Z");
        save("news-a", SourceKind.NEWS, "a", NEWS_TITLE, NEWS_TEXT, "2026-06-01T08:00:00Z");
        save("news-b", SourceKind.NEWS, "b", "ASCO: DESTINY-Breast09 survival data", NEWS_TEXT, "2026-06-02T08:00:00Z");
        String story = "s-" + idOf("j");
        assertThat(membersOf(story)).containsExactlyInAnyOrder("journal", "news-a", "news-b");

        // The site corrects its item: it was about another trial.
        save("news-b", SourceKind.NEWS, "b", OTHER_TITLE, OTHER_TEXT, "2026-06-02T08:00:00Z");

        assertThat(membersOf(story)).as("the story keeps its id").containsExactlyInAnyOrder("journal", "news-a");
        assertThat(db.stories.page(null, 10)).extracting(Story::id).containsExactly(story);
        assertThat(db.stories.story(story))
                .hasValueSatisfying(s -> assertThat(s.summary())
                        .isEqualTo("DESTINY-Breast09: trial result in a journal, 1 news report"));

        // And corrects it back.
        save("news-b", SourceKind.NEWS, "b", "ASCO: DESTINY-Breast09 survival data", NEWS_TEXT, "2026-06-02T08:00:00Z");

        assertThat(membersOf(story)).containsExactlyInAnyOrder("journal", "news-a", "news-b");
        assertThat(db.stories.page(null, 10)).hasSize(1);
    }

    @Test
    void whenTheArticleThatStartedAStoryLeavesItTheMembersThatStayKeepItsId() {
        save("news-a", SourceKind.NEWS, "a", NEWS_TITLE, NEWS_TEXT, "2026-06-01T08:00:00Z");
        save("journal", SourceKind.JOURNAL, "j", PAPER, PAPER_TEXT, "2026-06-01T12:00:00Z");
        save("news-b", SourceKind.NEWS, "b", "ASCO: DESTINY-Breast09 survival data", NEWS_TEXT, "2026-06-02T08:00:00Z");
        String story = "s-" + idOf("a");
        assertThat(membersOf(story)).containsExactlyInAnyOrder("journal", "news-a", "news-b");

        save("news-a", SourceKind.NEWS, "a", OTHER_TITLE, OTHER_TEXT, "2026-06-01T08:00:00Z");

        assertThat(membersOf(story)).containsExactlyInAnyOrder("journal", "news-b");
        assertThat(db.stories.page(null, 10)).extracting(Story::id).containsExactly(story);
        String own = db.jdbc
                .sql("SELECT story_id FROM story_member WHERE article_id = :id")
                .param("id", idOf("a"))
                .query(String.class)
                .single();
        assertThat(own).as("a story of its own").isNotEqualTo(story).startsWith(story + "-");
    }

    @Test
    void reevaluatedArticlesLeaveAndJoinStoriesAsTheirNewEvidenceSays() {
        save("journal", SourceKind.JOURNAL, "j", PAPER, PAPER_TEXT, "2026-05-31T12:00:00Z");
        save("news-a", SourceKind.NEWS, "a", NEWS_TITLE, NEWS_TEXT, "2026-06-01T08:00:00Z");
        String story = "s-" + idOf("j");
        assertThat(membersOf(story)).containsExactlyInAnyOrder("journal", "news-a");

        // New evidence rules no longer read the trial in the news item (nor does it share the paper's words).
        int changed = db.store.reevaluateAll(withoutTrialsIn(NEWS_TITLE));

        assertThat(changed).isEqualTo(1);
        assertThat(membersOf(story)).containsExactly("journal");
        assertThat(db.stories.page(null, 10)).isEmpty();

        // The rules are put back: the news item joins the story again, under its id.
        assertThat(db.store.reevaluateAll(articles.tagger()::tag)).isEqualTo(1);

        assertThat(membersOf(story)).containsExactlyInAnyOrder("journal", "news-a");
        assertThat(db.stories.page(null, 10)).extracting(Story::id).containsExactly(story);
    }

    @Test
    void anArchiveStoredBeforeStoriesIsGroupedOnceAsIfItsArticlesHadArrivedOneByOne() {
        save("news-a", SourceKind.NEWS, "a", NEWS_TITLE, NEWS_TEXT, "2026-06-01T08:00:00Z");
        save("journal", SourceKind.JOURNAL, "j", PAPER, PAPER_TEXT, "2026-05-31T12:00:00Z");
        save("news-b", SourceKind.NEWS, "b", OTHER_TITLE, OTHER_TEXT, "2026-06-02T08:00:00Z");
        save(
                "journal-b",
                SourceKind.JOURNAL,
                "jb",
                "Tucatinib maintenance after first-line therapy",
                OTHER_TEXT + " Results of HER2CLIMB-05.",
                "2026-06-01T09:00:00Z");
        // As an archive stored before stories existed: no story rows at all.
        db.jdbc.sql("DELETE FROM story_member").update();
        db.jdbc.sql("DELETE FROM story").update();
        assertThat(db.stories.page(null, 10)).isEmpty();

        assertThat(db.store.groupArticlesWithoutStory()).isEqualTo(4);

        List<Story> stories = db.stories.page(null, 10);
        assertThat(stories)
                .extracting(Story::id)
                .as("each named after its earliest article")
                .containsExactlyInAnyOrder("s-" + idOf("j"), "s-" + idOf("jb"));
        assertThat(membersOf("s-" + idOf("j"))).containsExactlyInAnyOrder("journal", "news-a");
        assertThat(membersOf("s-" + idOf("jb"))).containsExactlyInAnyOrder("journal-b", "news-b");

        // A second start finds nothing to do and changes nothing.
        assertThat(db.store.groupArticlesWithoutStory()).isZero();
        assertThat(db.stories.page(null, 10)).isEqualTo(stories);
    }

    /** The tagger, except that the article of this title is read without trials. */
    private Function<TaggableText, TaggingResult> withoutTrialsIn(String title) {
        return text -> {
            TaggingResult result = articles.tagger().tag(text);
            if (!text.title().equals(title)) {
                return result;
            }
            Evidence evidence = result.evidence();
            return new TaggingResult(
                    result.relevant(),
                    result.relevanceHits(),
                    result.discounted(),
                    result.topics(),
                    new Evidence(evidence.type(), List.of(), evidence.drugs(), evidence.notice()));
        };
    }

    private List<String> membersOf(String story) {
        return membersOf(db.jdbc, story);
    }

    static List<String> membersOf(JdbcClient jdbc, String story) {
        return jdbc.sql("""
                        SELECT a.owner_source FROM story_member m JOIN article a ON a.id = m.article_id
                        WHERE m.story_id = :story""").param("story", story).query(String.class).list();
    }

    private void save(String source, SourceKind kind, String guid, String title, String text, String published) {
        articles.save(db.store, source, kind, guid, title, text, published);
    }

    private String idOf(String guid) {
        return idOf(db.jdbc, guid);
    }

    static String idOf(JdbcClient jdbc, String guid) {
        return jdbc.sql("SELECT id FROM article WHERE url LIKE :url")
                .param("url", "%/" + guid)
                .query(String.class)
                .single();
    }
}
