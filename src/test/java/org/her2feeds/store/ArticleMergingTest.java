package org.her2feeds.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.her2feeds.sources.SourceKind;
import org.her2feeds.tagging.TaggingResult;
import org.her2feeds.tagging.TermHit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Which items are one article, and whose copy of it is shown, on the real store (H2 file database): generic links
 * do not merge articles, specific links shared across sources do, and the most authoritative kind of source owns
 * the article whatever order the copies arrive in.
 */
class ArticleMergingTest {

    @RegisterExtension
    final H2FileStore db = new H2FileStore();

    @Test
    void itemsWhoseOnlySharedLinkIsTheSitesHomePageStaySeparate() {
        db.store.saveFeed("blog", List.of(item("blog", "post-1", "https://blog.example/", "HER2 first post")));
        db.store.saveFeed("blog", List.of(item("blog", "post-2", "https://blog.example", "HER2 second post")));
        db.store.saveFeed("other", List.of(item("other", "x-1", "https://blog.example/", "HER2 other post")));

        assertThat(titles()).containsExactlyInAnyOrder("HER2 first post", "HER2 second post", "HER2 other post");
    }

    @Test
    void withinOneSourceASectionLinkDoesNotMergeItemsWithDifferentGuids() {
        SaveSummary first = db.store.saveFeed(
                "news",
                List.of(
                        item("news", "n-1", "https://news.example/her2/", "HER2 story one"),
                        item("news", "n-2", "https://news.example/her2/", "HER2 story two")));
        SaveSummary later = db.store.saveFeed(
                "news", List.of(item("news", "n-3", "https://news.example/her2/", "HER2 story three")));
        // The first item again, unchanged: still its own article, not overwritten by the others.
        SaveSummary again =
                db.store.saveFeed("news", List.of(item("news", "n-1", "https://news.example/her2/", "HER2 story one")));

        assertThat(first.added()).isEqualTo(2);
        assertThat(later.added()).isEqualTo(1);
        assertThat(again.unchanged()).isEqualTo(1);
        assertThat(titles()).containsExactlyInAnyOrder("HER2 story one", "HER2 story two", "HER2 story three");
    }

    @Test
    void acrossSourcesTheSameSpecificLinkIsStillOneArticle() {
        db.store.saveFeed(
                "wire", List.of(item("wire", "w-1", "https://journal.example/articles/42", "HER2 syndicated")));
        SaveSummary copy = db.store.saveFeed(
                "aggregator", List.of(item("aggregator", "a-9", "https://journal.example/articles/42", "HER2 copy")));

        assertThat(copy.duplicates()).isEqualTo(1);
        assertThat(all())
                .singleElement()
                .satisfies(article -> assertThat(article.origins())
                        .extracting(ArticleOrigin::sourceId)
                        .containsExactlyInAnyOrder("wire", "aggregator"));
    }

    @Test
    void aJournalArrivingAfterTheNewsTakesTheArticleOver() {
        SaveSummary news = db.store.saveFeed("news", SourceKind.NEWS, List.of(newsCopy()));
        SaveSummary journal = db.store.saveFeed("journal", SourceKind.JOURNAL, List.of(journalCopy()));
        SaveSummary newsAgain = db.store.saveFeed("news", SourceKind.NEWS, List.of(newsCopy()));

        assertThat(news.added()).isEqualTo(1);
        assertThat(journal.updated()).isEqualTo(1);
        assertThat(newsAgain.unchanged()).isEqualTo(1);
        assertJournalCopyShownWithBothSources();
    }

    @Test
    void theNewsArrivingAfterTheJournalNeverOverwritesIt() {
        db.store.saveFeed("journal", SourceKind.JOURNAL, List.of(journalCopy()));
        SaveSummary news = db.store.saveFeed("news", SourceKind.NEWS, List.of(newsCopy()));

        assertThat(news.duplicates()).isEqualTo(1);
        assertJournalCopyShownWithBothSources();
    }

    @Test
    void equallyAuthoritativeSourcesLeaveTheArticleWithTheFirst() {
        db.store.saveFeed("journal", SourceKind.JOURNAL, List.of(journalCopy()));
        db.store.saveFeed(
                "registry",
                SourceKind.REGISTRY,
                List.of(item(
                        "registry",
                        "r-1",
                        "https://registry.example/NCT1",
                        "HER2 trial record",
                        "10.1000/her2.trial")));
        assertThat(all()).singleElement().extracting(StoredArticle::title).isEqualTo("HER2 journal title");
    }

    @Test
    void aPreprintOutranksTheNewsAndIsOutrankedByTheJournal() {
        db.store.saveFeed("news", SourceKind.NEWS, List.of(newsCopy()));
        db.store.saveFeed(
                "preprints",
                SourceKind.PREPRINT,
                List.of(item(
                        "preprints",
                        "p-1",
                        "https://preprints.example/p1",
                        "HER2 preprint title",
                        "10.1000/her2.trial")));
        assertThat(all()).singleElement().extracting(StoredArticle::title).isEqualTo("HER2 preprint title");
        db.store.saveFeed("journal", SourceKind.JOURNAL, List.of(journalCopy()));
        assertThat(all()).singleElement().extracting(StoredArticle::title).isEqualTo("HER2 journal title");
    }

    private void assertJournalCopyShownWithBothSources() {
        StoredArticle article = all().get(0);
        assertThat(all()).hasSize(1);
        assertThat(article.title()).isEqualTo("HER2 journal title");
        assertThat(article.summaryText()).isEqualTo("Summary of HER2 journal title");
        assertThat(article.url()).isEqualTo("https://journal.example/doi/10.1000/her2.trial");
        // Every source stays listed with its own link; the owner first.
        assertThat(article.origins())
                .extracting(ArticleOrigin::sourceId, ArticleOrigin::link)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                                "journal", "https://journal.example/doi/10.1000/her2.trial"),
                        org.assertj.core.groups.Tuple.tuple("news", "https://news.example/2026/her2-trial-story"));
    }

    private static NewArticle journalCopy() {
        return item(
                "journal",
                "j-1",
                "https://journal.example/doi/10.1000/her2.trial",
                "HER2 journal title",
                "10.1000/her2.trial");
    }

    private static NewArticle newsCopy() {
        return item(
                "news", "n-1", "https://news.example/2026/her2-trial-story", "HER2 news title", "10.1000/her2.trial");
    }

    private List<String> titles() {
        return all().stream().map(StoredArticle::title).toList();
    }

    private List<StoredArticle> all() {
        return db.queries.newest(ArticleFilter.ALL, 100);
    }

    static NewArticle item(String source, String guid, String link, String title) {
        return item(source, guid, link, title, null);
    }

    static NewArticle item(String source, String guid, String link, String title, String doi) {
        return new NewArticle(
                source,
                guid,
                link,
                title,
                "<p>Summary of " + title + "</p>",
                "Summary of " + title,
                List.of("A. Author"),
                List.of(),
                Instant.parse("2026-01-01T00:00:00Z"),
                doi,
                null,
                new TaggingResult(true, List.of(new TermHit("HER2", "title")), List.of()),
                "Summary of " + title,
                "",
                null);
    }
}
