package org.her2feeds.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.her2feeds.sources.SourceKind;
import org.her2feeds.tagging.Evidence;
import org.her2feeds.tagging.TaggingResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Articles from several sources that report one event become one story as they are stored (real H2 file database,
 * real rules): a stable id, the journal's title over the news sites', first and last seen, and an id that still
 * resolves after its story was joined into an older one.
 */
class StoryGroupingTest {

    @RegisterExtension
    final H2FileStore db = new H2FileStore();

    private final StoryArticles articles = StoryArticles.taggedByTheConfiguredRules();

    @Test
    void aJournalPaperAndTheNewsAboutItAreOneStoryTitledByTheJournal() {
        db.store.saveFeed(
                "onclive",
                SourceKind.NEWS,
                List.of(articles.item(
                        "onclive",
                        SourceKind.NEWS,
                        "n1",
                        "T-DXd plus pertuzumab shows survival edge in DESTINY-Breast09",
                        "Overall survival results from DESTINY-Breast09 in HER2-positive metastatic breast cancer were "
                                + "presented at ASCO.",
                        "2026-06-01T08:00:00Z",
                        null)));
        db.store.saveFeed(
                "nejm",
                SourceKind.JOURNAL,
                List.of(articles.item(
                        "nejm",
                        SourceKind.JOURNAL,
                        "j1",
                        "Trastuzumab Deruxtecan plus Pertuzumab for HER2-Positive Metastatic Breast Cancer: "
                                + "Overall Survival",
                        "In this phase 3 trial (DESTINY-Breast09, NCT04762109), trastuzumab deruxtecan plus pertuzumab "
                                + "prolonged overall survival in HER2-positive breast cancer.",
                        "2026-05-31T12:00:00Z",
                        "10.5555/nejmoa2601123")));
        db.store.saveFeed(
                "fda",
                SourceKind.REGULATOR,
                List.of(articles.item(
                        "fda",
                        SourceKind.REGULATOR,
                        "r1",
                        "FDA approves zongertinib for HER2-mutant lung cancer",
                        "The FDA approved zongertinib for HER2-mutant non-small cell lung cancer.",
                        "2026-02-01T12:00:00Z",
                        null)));

        List<Story> stories = db.stories.page(null, 10);
        assertThat(stories).hasSize(1);
        Story story = stories.get(0);
        assertThat(story.title()).startsWith("Trastuzumab Deruxtecan plus Pertuzumab");
        assertThat(story.members()).extracting(Story.Member::source).containsExactly("nejm", "onclive");
        assertThat(story.id()).as("named after the article that started it").isEqualTo("s-" + idOf("n1"));
        assertThat(story.firstSeen()).isEqualTo(Instant.parse("2026-05-31T12:00:00Z"));
        assertThat(story.lastSeen()).isEqualTo(Instant.parse("2026-06-01T08:00:00Z"));
        assertThat(story.label()).isEqualTo("DESTINY-Breast09");
        assertThat(story.summary()).isEqualTo("DESTINY-Breast09: trial result in a journal, 1 news report");
        assertThat(db.stories.story(story.id()))
                .hasValueSatisfying(s -> assertThat(s.members()).hasSize(2));
    }

    @Test
    void twoStoriesJoinedByALaterArticleKeepTheOlderIdAndTheOtherStillResolves() {
        articles.saveTwoStories(db.store);
        List<Story> before = db.stories.page(null, 10);
        assertThat(before).hasSize(2);

        articles.saveTheirLink(db.store);

        List<Story> after = db.stories.page(null, 10);
        assertThat(after).hasSize(1);
        assertThat(after.get(0).members()).hasSize(5);
        assertThat(after.get(0).id()).as("the older story's id").isEqualTo("s-" + idOf("a"));
        for (Story old : before) {
            assertThat(db.stories.story(old.id()))
                    .hasValueSatisfying(
                            s -> assertThat(s.id()).isEqualTo(after.get(0).id()));
        }
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void newsNamingAMakerAndItsDrugJoinsTheDrugsReadoutOnlyWhenItIsTheOneOfThoseDays(boolean secondReadout) {
        db.store.saveFeed(
                "press-wire",
                SourceKind.NEWS,
                List.of(articles.item(
                        "press-wire",
                        SourceKind.NEWS,
                        "w1",
                        "Puma Announces Phase 3 WILLOW-3 Trial of Neratinib Met Its Primary Endpoint",
                        "Puma said WILLOW-3 (NCT09911223), a phase 3 trial of neratinib after adjuvant therapy in"
                                + " HER2-positive early breast cancer, met its primary endpoint.",
                        "2027-04-12T08:00:00Z",
                        null)));
        if (secondReadout) {
            db.store.saveFeed(
                    "congress-abstracts",
                    SourceKind.JOURNAL,
                    List.of(articles.item(
                            "congress-abstracts",
                            SourceKind.JOURNAL,
                            "a1",
                            "Neratinib plus capecitabine in HER2-positive brain metastases: the phase 2 ASPEN-2 trial",
                            "ASPEN-2 (NCT09922334) tested neratinib with capecitabine; CNS response rate was 41%.",
                            "2027-04-14T08:00:00Z",
                            null)));
        }
        db.store.saveFeed(
                "market-desk",
                SourceKind.NEWS,
                List.of(articles.item(
                        "market-desk",
                        SourceKind.NEWS,
                        "m1",
                        "Puma stock jumps as investors cheer upbeat readout",
                        "Shares of the drugmaker rose 30% after it said Nerlynx kept more women free of relapse.",
                        "2027-04-13T08:00:00Z",
                        null)));

        List<Story> stories = db.stories.page(null, 10);
        if (secondReadout) {
            assertThat(stories)
                    .as("two readouts of the maker's drug: the news could be of either")
                    .isEmpty();
        } else {
            assertThat(stories).hasSize(1);
            assertThat(stories.get(0).members())
                    .extracting(Story.Member::source)
                    .containsExactlyInAnyOrder("press-wire", "market-desk");
        }
    }

    @Test
    void aNewsItemThatLinksThePapersPageJoinsItsStory() {
        db.store.saveFeed(
                "journal-g",
                SourceKind.JOURNAL,
                List.of(articles.item(
                        "journal-g",
                        SourceKind.JOURNAL,
                        "g1",
                        "Margetuximab after two anti-HER2 lines in metastatic HER2-positive breast cancer",
                        "A cohort of patients treated with margetuximab in HER2-positive breast cancer.",
                        "2026-03-02T00:00:00Z",
                        null)));
        db.store.saveFeed(
                "news-h",
                SourceKind.NEWS,
                List.of(articles.item(
                        "news-h",
                        SourceKind.NEWS,
                        "h1",
                        "An antibody for later lines",
                        "Researchers looked back at HER2-positive breast cancer care. Read the paper: "
                                + "https://journal-g.example/g1.",
                        "2026-03-09T00:00:00Z",
                        null)));

        List<Story> stories = db.stories.page(null, 10);
        assertThat(stories).hasSize(1);
        assertThat(stories.get(0).members()).extracting(Story.Member::source).containsExactly("journal-g", "news-h");
    }

    @Test
    void registryRecordsAndIrrelevantArticlesJoinNoStory() {
        db.store.saveFeed(
                "ctgov",
                SourceKind.REGISTRY,
                List.of(articles.item(
                        "ctgov",
                        SourceKind.REGISTRY,
                        "t1",
                        "A Study of Trastuzumab Deruxtecan in HER2+ Breast Cancer " + "(DESTINY-Breast05)",
                        "Registry record NCT04622319.",
                        "2026-02-11T00:00:00Z",
                        null)));
        db.store.saveFeed(
                "news",
                SourceKind.NEWS,
                List.of(articles.item(
                        "news",
                        SourceKind.NEWS,
                        "t2",
                        "DESTINY-Breast05 starts enrolling HER2-positive patients",
                        "The DESTINY-Breast05 trial of trastuzumab deruxtecan.",
                        "2026-02-12T00:00:00Z",
                        null)));

        assertThat(db.stories.page(null, 10)).isEmpty();
    }

    @Test
    void whatAnotherInstanceGroupedMeanwhileIsSeenByTheNextFeed() {
        // Two instances on one database: each keeps its window of members between feeds.
        ArticleStore other = StoreParts.on(db.pool).store();
        db.store.saveFeed("journal-a", SourceKind.JOURNAL, List.of(journalA()));
        other.saveFeed("journal-f", SourceKind.JOURNAL, List.of(letterF()));
        articles.saveTheirLink(other);

        // Cites only the letter, which this instance never stored: found through the other instance's grouping.
        db.store.saveFeed("news-b", SourceKind.NEWS, List.of(newsCitingTheLetter()));

        List<Story> stories = db.stories.page(null, 10);
        assertThat(stories).hasSize(1);
        assertThat(stories.get(0).members()).hasSize(4);
        assertThat(stories.get(0).id()).isEqualTo("s-" + idOf("a"));
    }

    @Test
    void aStorySplitByAnotherInstanceIsSeenByTheNextFeed() {
        ArticleStore other = StoreParts.on(db.pool).store();
        db.store.saveFeed("journal-a", SourceKind.JOURNAL, List.of(journalA()));
        db.store.saveFeed("journal-f", SourceKind.JOURNAL, List.of(letterF()));
        articles.saveTheirLink(db.store);
        assertThat(db.stories.page(null, 10)).hasSize(1);

        // The other instance evaluates the archive again: the link no longer reads the trial, so the story splits
        // into the paper alone and the letter with the news citing it (as many members as before).
        other.reevaluateAll(text -> {
            TaggingResult result = articles.tagger().tag(text);
            if (!text.title().startsWith("HER2CLIMB-05: the letter")) {
                return result;
            }
            Evidence evidence = result.evidence();
            return new TaggingResult(
                    result.relevant(),
                    result.relevanceHits(),
                    result.discounted(),
                    result.topics(),
                    new Evidence(evidence.type(), List.of(), evidence.drugs(), evidence.notice()));
        });

        db.store.saveFeed("news-b", SourceKind.NEWS, List.of(newsCitingTheLetter()));

        assertThat(db.jdbc
                        .sql("SELECT story_id FROM story_member WHERE article_id = :id")
                        .param("id", idOf("b"))
                        .query(String.class)
                        .single())
                .as("the letter's story, as split by the other instance")
                .isEqualTo("s-" + idOf("f"));
    }

    /**
     * A story counts the sources whose copies it shows: when the journal in the story takes the news site's article
     * over (the same DOI), the story holds one source's copies only and is no longer listed.
     */
    @Test
    void aTakeOverByASourceAlreadyInTheStoryLeavesItOneSource() {
        String title = "T-DXd plus pertuzumab shows survival edge in DESTINY-Breast09";
        String text = "Overall survival results from DESTINY-Breast09 in HER2-positive metastatic breast cancer were "
                + "presented at ASCO.";
        db.store.saveFeed(
                "onclive",
                SourceKind.NEWS,
                List.of(articles.item(
                        "onclive",
                        SourceKind.NEWS,
                        "n1",
                        title,
                        text,
                        "2026-06-01T08:00:00Z",
                        "10.5555/nejmoa2601124")));
        NewArticle paper = articles.item(
                "nejm",
                SourceKind.JOURNAL,
                "j1",
                "Trastuzumab Deruxtecan plus Pertuzumab for HER2-Positive Metastatic Breast Cancer: Overall Survival",
                "In this phase 3 trial (DESTINY-Breast09, NCT04762109), trastuzumab deruxtecan plus pertuzumab "
                        + "prolonged overall survival in HER2-positive breast cancer.",
                "2026-05-31T12:00:00Z",
                "10.5555/nejmoa2601123");
        db.store.saveFeed("nejm", SourceKind.JOURNAL, List.of(paper));
        assertThat(db.stories.page(null, 10)).as("two sources' copies").hasSize(1);
        String news = idOf("n1");

        db.store.saveFeed(
                "nejm",
                SourceKind.JOURNAL,
                List.of(
                        paper,
                        articles.item(
                                "nejm",
                                SourceKind.JOURNAL,
                                "j2",
                                title,
                                text,
                                "2026-06-01T08:00:00Z",
                                "10.5555/nejmoa2601124")));

        assertThat(db.jdbc
                        .sql("SELECT owner_source FROM article WHERE id = :id")
                        .param("id", news)
                        .query(String.class)
                        .single())
                .as("the journal's copy of the news site's article")
                .isEqualTo("nejm");
        String wrongCounts = """
                SELECT COUNT(*) FROM story s WHERE s.members > 0 AND s.sources <> (
                    SELECT COUNT(DISTINCT a.owner_source) FROM story_member m
                    JOIN article a ON a.id = m.article_id WHERE m.story_id = s.id)""";
        assertThat(db.jdbc.sql(wrongCounts).query(Integer.class).single())
                .as("stories whose source count is not that of their members' owners")
                .isZero();
        assertThat(db.stories.page(null, 10)).as("one source's copies only").isEmpty();
    }

    /**
     * Grouping writes a feed's stories and members in batches: within one feed, a story started by one item, joined
     * by the next and joined into an older story by a later one ends as when each was stored alone, and a story
     * that keeps its one member is written with that member's title, times and source.
     */
    @Test
    void storiesStartedJoinedAndMergedWithinOneFeedEndAsFeedByFeed() {
        List<NewArticle> items = List.of(
                item(
                        "a",
                        "Tucatinib maintenance in HER2-positive breast cancer",
                        "Results of HER2CLIMB-05 with tucatinib maintenance.",
                        "2026-02-09T00:00:00Z",
                        "10.5555/a.1"),
                item(
                        "e",
                        "HER2CLIMB-05 readout reported",
                        "News on the HER2CLIMB-05 trial in HER2-positive breast cancer.",
                        "2026-02-10T00:00:00Z",
                        null),
                item(
                        "f",
                        "Correspondence on a maintenance regimen",
                        "A letter on a maintenance regimen in HER2-positive disease.",
                        "2026-02-11T00:00:00Z",
                        "10.5555/f.2"),
                item(
                        "b",
                        "Pfizer's TUKYSA regimen questioned in a letter",
                        "The letter doi:10.5555/f.2 questions the regimen.",
                        "2026-02-12T00:00:00Z",
                        null),
                item(
                        "d",
                        "HER2CLIMB-05: the letter and the reply",
                        "On HER2CLIMB-05 in HER2-positive breast cancer, see doi:10.5555/f.2.",
                        "2026-02-13T00:00:00Z",
                        null),
                item(
                        "z",
                        "FDA approves zongertinib for HER2-mutant lung cancer",
                        "The FDA approved zongertinib for HER2-mutant non-small cell lung cancer.",
                        "2026-02-12T06:00:00Z",
                        null));
        // Listed in no particular order: grouping takes a feed's items by the time they were seen.
        db.store.saveFeed(
                "digest",
                SourceKind.NEWS,
                List.of(items.get(4), items.get(1), items.get(5), items.get(3), items.get(0), items.get(2)));

        String older = "s-" + idOf("a");
        assertThat(db.jdbc
                        .sql("SELECT DISTINCT story_id FROM story_member WHERE article_id <> :z")
                        .param("z", idOf("z"))
                        .query(String.class)
                        .list())
                .as("every linked item in the older story")
                .containsExactly(older);
        assertThat(storyRow(older))
                .containsExactly("Tucatinib maintenance in HER2-positive breast cancer", idOf("a"), "5", "1", null);
        assertThat(db.jdbc
                        .sql("SELECT merged_into FROM story WHERE id = :id")
                        .param("id", "s-" + idOf("f"))
                        .query(String.class)
                        .single())
                .as("the letter's story, joined into the older one within the feed")
                .isEqualTo(older);
        String alone = "s-" + idOf("z");
        assertThat(storyRow(alone))
                .containsExactly("FDA approves zongertinib for HER2-mutant lung cancer", idOf("z"), "1", "1", null);
        assertThat(db.jdbc
                        .sql("SELECT first_seen_at = last_seen_at FROM story WHERE id = :id")
                        .param("id", alone)
                        .query(Boolean.class)
                        .single())
                .isTrue();
    }

    /**
     * Two stories joined by an article keep the one whose first member came first, counting a member that joined
     * earlier in the same feed: an item seen before both stories, that joins the later one, makes it the older.
     */
    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void theOlderOfTwoJoinedStoriesCountsAMemberJustAddedInTheSameFeed(boolean oneFeed) {
        db.store.saveFeed(
                "digest",
                SourceKind.NEWS,
                List.of(
                        item(
                                "a",
                                "Correspondence on a maintenance regimen",
                                "A letter on a maintenance regimen in HER2-positive disease.",
                                "2026-02-10T00:00:00Z",
                                "10.5555/a.1"),
                        item(
                                "b",
                                "A reply on dosing schedules",
                                "A reply on dosing schedules in HER2-positive disease.",
                                "2026-02-12T00:00:00Z",
                                "10.5555/b.2")));
        NewArticle early = item(
                "c",
                "Dosing schedules debated",
                "The reply doi:10.5555/b.2 on dosing in HER2-positive disease.",
                "2026-02-09T00:00:00Z",
                null);
        NewArticle both = item(
                "d",
                "The letter and the reply",
                "On HER2-positive disease, see doi:10.5555/a.1 and doi:10.5555/b.2.",
                "2026-02-14T00:00:00Z",
                null);
        if (oneFeed) {
            db.store.saveFeed("digest", SourceKind.NEWS, List.of(both, early));
        } else {
            db.store.saveFeed("digest", SourceKind.NEWS, List.of(early));
            db.store.saveFeed("digest", SourceKind.NEWS, List.of(both));
        }

        String kept = "s-" + idOf("b");
        assertThat(db.jdbc
                        .sql("SELECT DISTINCT story_id FROM story_member")
                        .query(String.class)
                        .list())
                .as("the story first seen with the early item keeps its id")
                .containsExactly(kept);
        assertThat(storyRow("s-" + idOf("a"))).last().isEqualTo(kept);
        assertThat(storyRow(kept)).containsExactly("Dosing schedules debated", idOf("c"), "4", "1", null);
    }

    /**
     * An article deleted and stored again finds the story row named after it, left without members: it takes it up
     * again, summarised as its one member's, as a new story would be.
     */
    @Test
    void anArticleStoredAgainAfterItsDeletionTakesUpItsStory() {
        NewArticle approval = item(
                "z",
                "FDA approves zongertinib for HER2-mutant lung cancer",
                "The FDA approved zongertinib for HER2-mutant non-small cell lung cancer.",
                "2026-02-12T06:00:00Z",
                null);
        db.store.saveFeed("digest", SourceKind.NEWS, List.of(approval));
        String id = idOf("z");
        List<String> first = storyRow("s-" + id);
        db.jdbc.sql("DELETE FROM article WHERE id = :id").param("id", id).update();
        db.jdbc
                .sql("UPDATE story SET title = 'stale', members = 0 WHERE id = :id")
                .param("id", "s-" + id)
                .update();

        db.store.saveFeed("digest", SourceKind.NEWS, List.of(approval));

        assertThat(idOf("z")).isEqualTo(id);
        assertThat(storyRow("s-" + id))
                .isEqualTo(first)
                .containsExactly("FDA approves zongertinib for HER2-mutant lung cancer", id, "1", "1", null);
        assertThat(db.jdbc
                        .sql("SELECT COUNT(*) FROM story")
                        .query(Integer.class)
                        .single())
                .isOne();
    }

    private NewArticle item(String guid, String title, String text, String published, String doi) {
        return articles.item("digest", SourceKind.NEWS, guid, title, text, published, doi);
    }

    private List<String> storyRow(String id) {
        return db.jdbc
                .sql("SELECT title, lead_article_id, members, sources, merged_into FROM story WHERE id = :id")
                .param("id", id)
                .query((rs, row) -> java.util.Arrays.asList(
                        rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)))
                .single();
    }

    @Test
    void aMemberDeletedWithItsArticleIsNoLongerLinkedTo() {
        db.store.saveFeed("journal-a", SourceKind.JOURNAL, List.of(journalA()));
        db.jdbc.sql("DELETE FROM article WHERE id = :id").param("id", idOf("a")).update();

        articles.saveTheirLink(db.store);

        assertThat(db.jdbc
                        .sql("SELECT story_id FROM story_member WHERE article_id = :id")
                        .param("id", idOf("d"))
                        .query(String.class)
                        .single())
                .as("a story of its own, not the deleted article's")
                .isEqualTo("s-" + idOf("d"));
    }

    /**
     * A conference diary names a paper by its title (one word bent to the plural) near the end of a long entry: the
     * two are one story whether the diary arrives after the paper or before it.
     */
    @ParameterizedTest(name = "the paper arrives first: {0}")
    @ValueSource(booleans = {true, false})
    void aNewsItemQuotingAPapersTitleDeepInItsTextJoinsThePapersStoryWhicheverArrivesFirst(boolean paperFirst) {
        NewArticle paper = articles.item(
                "journal-k",
                SourceKind.JOURNAL,
                "k1",
                "Zanidatamab and chemotherapy before surgery for HER2-positive oesophageal adenocarcinoma",
                "In this single-arm phase 2 study, most patients went on to resection.",
                "2026-04-20T00:00:00Z",
                null);
        String day = "Queues at the registration desk were long again, the shuttle buses from the hotels ran late, "
                + "and the plenary hall filled well before the opening address of the morning. ";
        NewArticle diary = articles.item(
                "news-k",
                SourceKind.NEWS,
                "k2",
                "Diary from the gastrointestinal symposium, day two",
                day.repeat(18)
                        + "In the afternoon the authors of zanidatamab and chemotherapy before surgery for "
                        + "HER2-positive oesophageal adenocarcinomas answered questions from the floor.",
                "2026-04-21T00:00:00Z",
                null);
        List<NewArticle> order = paperFirst ? List.of(paper, diary) : List.of(diary, paper);
        for (NewArticle article : order) {
            db.store.saveFeed(
                    article.sourceId(), article == paper ? SourceKind.JOURNAL : SourceKind.NEWS, List.of(article));
        }

        List<Story> stories = db.stories.page(null, 10);
        assertThat(stories).hasSize(1);
        assertThat(stories.get(0).members())
                .extracting(Story.Member::source)
                .containsExactlyInAnyOrder("journal-k", "news-k");
    }

    private NewArticle journalA() {
        return articles.item(
                "journal-a",
                SourceKind.JOURNAL,
                "a",
                "Tucatinib maintenance in HER2-positive breast cancer",
                "Results of HER2CLIMB-05 with tucatinib maintenance.",
                "2026-02-09T00:00:00Z",
                "10.5555/a.1");
    }

    private NewArticle letterF() {
        return articles.item(
                "journal-f",
                SourceKind.JOURNAL,
                "f",
                "Correspondence on a maintenance regimen",
                "A letter on a maintenance regimen in HER2-positive disease.",
                "2026-02-11T00:00:00Z",
                "10.5555/f.2");
    }

    private NewArticle newsCitingTheLetter() {
        return articles.item(
                "news-b",
                SourceKind.NEWS,
                "b",
                "Pfizer's TUKYSA regimen questioned in a letter",
                "The letter doi:10.5555/f.2 questions the regimen.",
                "2026-02-12T00:00:00Z",
                null);
    }

    private String idOf(String guid) {
        return db.queries.newest(ArticleFilter.ALL, 100).stream()
                .filter(a -> a.url().endsWith("/" + guid))
                .findFirst()
                .orElseThrow()
                .id();
    }
}
