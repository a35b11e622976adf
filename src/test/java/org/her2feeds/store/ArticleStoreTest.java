package org.her2feeds.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.her2feeds.tagging.TaggingResult;
import org.her2feeds.tagging.TermHit;
import org.her2feeds.tagging.TopicTag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What saving a feed does to the archive, counted, on the real store (H2 file database) without the application:
 * new, updated, unchanged and duplicate items, where an article is filed, and the re-evaluation of the archive.
 */
class ArticleStoreTest {

    private static final Instant PUBLISHED = Instant.parse("2026-01-01T10:00:00Z");
    private static final TaggingResult HER2_LOW = tagged("her2-low");
    private static final TaggingResult HER2_POSITIVE = tagged("her2-positive");

    @RegisterExtension
    final H2FileStore db = new H2FileStore();

    @Test
    void aFeedIsAddedThenUnchangedAndAChangedItemIsUpdated() {
        List<NewArticle> feed = List.of(
                item("s", "g-1", "HER2 one", PUBLISHED, HER2_LOW), item("s", "g-2", "HER2 two", PUBLISHED, HER2_LOW));

        assertThat(counts(db.store.saveFeed("s", feed))).containsExactly(2, 0, 0, 0);
        long version = db.jdbc
                .sql("SELECT long_value FROM store_meta WHERE name = 'articles_version'")
                .query(Long.class)
                .single();
        assertThat(counts(db.store.saveFeed("s", feed))).containsExactly(0, 0, 2, 0);
        assertThat(db.jdbc
                        .sql("SELECT long_value FROM store_meta WHERE name = 'articles_version'")
                        .query(Long.class)
                        .single())
                .as("an unchanged feed changes no version")
                .isEqualTo(version);

        SaveSummary changed = db.store.saveFeed(
                "s", List.of(item("s", "g-1", "HER2 one, corrected", PUBLISHED, HER2_LOW), feed.get(1)));

        assertThat(counts(changed)).containsExactly(0, 1, 1, 0);
        assertThat(all()).extracting(StoredArticle::title).containsExactlyInAnyOrder("HER2 one, corrected", "HER2 two");
    }

    @Test
    void theSameArticleTwiceInAFeedIsStoredOnceAndAnotherSourcesCopyIsADuplicate() {
        NewArticle first = item("a", "a-1", "HER2 trial", PUBLISHED, HER2_LOW, "10.5555/trial.1");
        NewArticle again = item("a", "a-2", "HER2 trial (again)", PUBLISHED, HER2_LOW, "10.5555/trial.1");

        assertThat(counts(db.store.saveFeed("a", List.of(first, again)))).containsExactly(1, 0, 0, 0);
        NewArticle copy = item("b", "b-1", "HER2 trial, reported", PUBLISHED, HER2_LOW, "10.5555/trial.1");
        assertThat(counts(db.store.saveFeed("b", List.of(copy)))).containsExactly(0, 0, 0, 1);
        // The second source is now known to carry it: its copy again is nothing new.
        assertThat(counts(db.store.saveFeed("b", List.of(copy)))).containsExactly(0, 0, 1, 0);

        assertThat(all()).singleElement().satisfies(article -> {
            assertThat(article.title()).isEqualTo("HER2 trial");
            assertThat(article.origins()).extracting(ArticleOrigin::sourceId).containsExactly("a", "b");
        });
    }

    @Test
    void anArticleIsFiledByItsPublicationDateOrWhenFirstSeenWhenTheDateIsMissingOrInTheFuture() {
        Instant before = Instant.now();
        Instant future = before.plus(Duration.ofDays(3));
        db.store.saveFeed(
                "s",
                List.of(
                        item("s", "dated", "HER2 dated", PUBLISHED, HER2_LOW),
                        item("s", "undated", "HER2 undated", null, HER2_LOW),
                        item("s", "future", "HER2 future", future, HER2_LOW)));
        Instant after = Instant.now();

        StoredArticle dated = byTitle("HER2 dated");
        assertThat(dated.publishedAt()).isEqualTo(PUBLISHED);
        assertThat(dated.sortAt()).isEqualTo(PUBLISHED);
        assertThat(dated.digestDate()).isEqualTo(LocalDate.of(2026, 1, 1));
        for (String title : List.of("HER2 undated", "HER2 future")) {
            StoredArticle article = byTitle(title);
            assertThat(article.publishedAt()).as(title).isNull();
            assertThat(article.sortAt())
                    .as(title)
                    .isEqualTo(article.firstSeenAt())
                    .isBetween(before, after);
            assertThat(article.digestDate()).as(title).isEqualTo(LocalDate.ofInstant(article.sortAt(), ZoneOffset.UTC));
        }
    }

    @Test
    void anUpdatedCopyReplacesTheTaggingIndexAndKeepsItsFirstSight() {
        db.store.saveFeed("s", List.of(item("s", "g-1", "HER2 story", PUBLISHED, HER2_LOW)));
        Instant firstSeen = byTitle("HER2 story").firstSeenAt();

        assertThat(db.store
                        .saveFeed("s", List.of(item("s", "g-1", "HER2 story", PUBLISHED, HER2_POSITIVE)))
                        .updated())
                .isEqualTo(1);

        assertThat(topicRows()).containsExactly("her2-positive");
        assertThat(byTitle("HER2 story").firstSeenAt()).isEqualTo(firstSeen);
        assertThat(db.queries.newest(new ArticleFilter(java.util.Set.of("her2-low"), null, null, null, null), 10))
                .isEmpty();
    }

    @Test
    void reevaluationRetagsChangedArticlesOnlyAndKeepsTheTaggingIndexInStep() {
        db.store.saveFeed(
                "s",
                List.of(
                        item("s", "g-1", "HER2 one", PUBLISHED, HER2_LOW),
                        item("s", "g-2", "HER2 two", PUBLISHED, HER2_LOW)));

        assertThat(db.store.reevaluateAll(text -> text.title().endsWith("one") ? HER2_POSITIVE : HER2_LOW))
                .isEqualTo(1);
        assertThat(db.store.reevaluateAll(text -> text.title().endsWith("one") ? HER2_POSITIVE : HER2_LOW))
                .as("the same rules again change nothing")
                .isZero();
        assertThat(topicRows()).containsExactlyInAnyOrder("her2-positive", "her2-low");
        assertThat(db.jdbc
                        .sql("SELECT COUNT(*) FROM article_topic t JOIN article a ON a.id = t.article_id WHERE "
                                + "t.sort_at <> a.sort_at")
                        .query(Long.class)
                        .single())
                .isZero();

        assertThat(db.store.reevaluateAll(text -> new TaggingResult(false, List.of(), List.of())))
                .isEqualTo(2);
        assertThat(all()).isEmpty();
        assertThat(topicRows()).isEmpty();
    }

    /**
     * A fetch stores a new version of an article (tagged by the rules in force) while the start-up re-evaluation
     * has read the old one: the re-evaluation must not write tags computed from the old text over it.
     */
    @Test
    void anUpdateLandingDuringReevaluationKeepsItsOwnTags() {
        db.store.saveFeed("s", List.of(item("s", "g-1", "HER2 one", PUBLISHED, HER2_LOW)));
        java.util.concurrent.atomic.AtomicBoolean fetched = new java.util.concurrent.atomic.AtomicBoolean();

        db.store.reevaluateAll(text -> {
            if (fetched.compareAndSet(false, true)) {
                db.store.saveFeed("s", List.of(item("s", "g-1", "HER2 one, revised", PUBLISHED, HER2_POSITIVE)));
            }
            return tagged("from-" + text.title().replace(' ', '-').replace(",", ""));
        });

        StoredArticle article = byTitle("HER2 one, revised");
        assertThat(article.topicSlugs()).containsExactly("her2-positive");
        assertThat(topicRows()).containsExactly("her2-positive");
    }

    @Test
    void irrelevantArticlesArePurgedAfterTheirTimeButStillRecognised() {
        TaggingResult irrelevant = new TaggingResult(false, List.of(), List.of());
        List<NewArticle> feed = List.of(
                item("s", "g-1", "HER2 one", PUBLISHED, HER2_LOW),
                item("s", "g-2", "Prostate two", PUBLISHED, irrelevant),
                item("t", "g-3", "Prostate three", PUBLISHED, irrelevant));
        db.store.saveFeed("s", feed.subList(0, 2));
        db.store.saveFeed("t", feed.subList(2, 3));

        assertThat(db.store.purgeIrrelevant("s", Instant.now().minusSeconds(3600)))
                .as("not old enough yet")
                .isZero();
        assertThat(db.store.purgeIrrelevant("s", Instant.now().plusSeconds(1))).isEqualTo(1);

        assertThat(db.jdbc
                        .sql("SELECT title, LENGTH(summary_html) + LENGTH(summary_text) + LENGTH(description_text)"
                                + " + LENGTH(content_text), purged FROM article ORDER BY title")
                        .query((rs, n) ->
                                rs.getString(1) + "|" + (rs.getInt(2) > 0 ? "text" : "none") + "|" + rs.getBoolean(3))
                        .list())
                .containsExactly("HER2 one|text|false", "Prostate three|text|false", "Prostate two|none|true");
        assertThat(counts(db.store.saveFeed("s", feed.subList(0, 2))))
                .as("a purged article is still known: seen again, it is unchanged, not new")
                .containsExactly(0, 0, 2, 0);
        assertThat(db.store.reevaluateAll(text -> HER2_LOW))
                .as("a purged article has no text left to judge; only the other one is re-tagged")
                .isEqualTo(1);
        assertThat(all()).extracting(StoredArticle::title).containsExactlyInAnyOrder("HER2 one", "Prostate three");
        assertThat(db.store.purgeIrrelevant("s", Instant.now().plusSeconds(1))).isZero();
    }

    private static List<Integer> counts(SaveSummary summary) {
        return List.of(summary.added(), summary.updated(), summary.unchanged(), summary.duplicates());
    }

    private List<String> topicRows() {
        return db.jdbc.sql("SELECT slug FROM article_topic").query(String.class).list();
    }

    private StoredArticle byTitle(String title) {
        return all().stream()
                .filter(article -> article.title().equals(title))
                .findFirst()
                .orElseThrow();
    }

    private List<StoredArticle> all() {
        return db.queries.newest(ArticleFilter.ALL, 100);
    }

    private static TaggingResult tagged(String topic) {
        return new TaggingResult(
                true,
                List.of(new TermHit("HER2", "title")),
                List.of(new TopicTag(topic, topic, List.of(new TermHit("HER2", "title")))));
    }

    private static NewArticle item(String source, String guid, String title, Instant published, TaggingResult tagging) {
        return item(source, guid, title, published, tagging, null);
    }

    private static NewArticle item(
            String source, String guid, String title, Instant published, TaggingResult tagging, String doi) {
        return new NewArticle(
                source,
                guid,
                "https://" + source + ".example/" + guid,
                title,
                "<p>" + title + "</p>",
                title,
                List.of("A. Author"),
                List.of(),
                published,
                doi,
                null,
                tagging,
                title,
                "",
                null);
    }
}
