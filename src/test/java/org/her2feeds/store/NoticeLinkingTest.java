package org.her2feeds.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.her2feeds.tagging.Evidence;
import org.her2feeds.tagging.Notice;
import org.her2feeds.tagging.PublicationType;
import org.her2feeds.tagging.TaggingResult;
import org.her2feeds.tagging.TermHit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A correction, retraction or expression of concern marks the article it names, by DOI, PubMed id or title, on the
 * real store (H2 file database); a notice that arrives before its article applies when the article arrives.
 */
class NoticeLinkingTest {

    @RegisterExtension
    final H2FileStore db = new H2FileStore();

    private static final Instant PUBLISHED = Instant.parse("2026-03-01T10:00:00Z");

    @Test
    void aRetractionNamingTheDoiMarksTheArticleRetractedWithTheNoticesLink() {
        db.store.saveFeed("journal", List.of(article("a-1", "HER2 in salivary duct carcinoma", "10.5555/sdc.1", null)));
        db.store.saveFeed(
                "journal",
                List.of(notice(
                        "n-1",
                        "Retraction notice to: HER2 in salivary duct carcinoma",
                        new Notice(Notice.RETRACTION, List.of("10.5555/sdc.1"), List.of(), null))));

        ArticleStatus status = statusOf("HER2 in salivary duct carcinoma").orElseThrow();
        assertThat(status.kind()).isEqualTo(ArticleStatus.RETRACTED);
        assertThat(status.notice().url()).isEqualTo("https://journal.example/n-1");
        assertThat(statusOf("Retraction notice to: HER2 in salivary duct carcinoma"))
                .as("a notice is not marked by itself")
                .isEmpty();
    }

    @Test
    void aNoticeThatArrivesFirstAppliesWhenItsArticleArrives() {
        db.store.saveFeed(
                "journal",
                List.of(notice(
                        "n-2",
                        "Expression of concern: Neratinib and the gut microbiome",
                        new Notice(Notice.CONCERN, List.of(), List.of(), "Neratinib and the gut microbiome"))));
        db.store.saveFeed("journal", List.of(article("a-2", "Neratinib and the gut-microbiome", null, null)));

        assertThat(statusOf("Neratinib and the gut-microbiome"))
                .as("matched by title, whatever the punctuation")
                .hasValueSatisfying(status -> assertThat(status.kind()).isEqualTo(ArticleStatus.CONCERN));
    }

    @Test
    void aRetractionOutranksACorrectionAndAnUnnamedArticleStaysUnmarked() {
        db.store.saveFeed(
                "journal",
                List.of(
                        article("a-3", "Pyrotinib in HER2-positive gastric cancer", null, "99100003"),
                        article("a-4", "Tucatinib in HER2-positive colorectal cancer", null, null)));
        db.store.saveFeed(
                "journal",
                List.of(
                        notice(
                                "n-3",
                                "Correction",
                                new Notice(Notice.CORRECTION, List.of(), List.of("99100003"), null)),
                        notice(
                                "n-4",
                                "Retraction",
                                new Notice(Notice.RETRACTION, List.of(), List.of("99100003"), null))));

        assertThat(statusOf("Pyrotinib in HER2-positive gastric cancer"))
                .hasValueSatisfying(status -> assertThat(status.kind()).isEqualTo(ArticleStatus.RETRACTED));
        assertThat(statusOf("Tucatinib in HER2-positive colorectal cancer")).isEmpty();
    }

    private Optional<ArticleStatus> statusOf(String title) {
        return db.queries.newest(ArticleFilter.ALL, 100).stream()
                .filter(a -> a.title().equals(title))
                .findFirst()
                .orElseThrow()
                .status();
    }

    static NewArticle article(String guid, String title, String doi, String pmid) {
        return item(guid, title, doi, pmid, tagging("trial-result", null));
    }

    static NewArticle notice(String guid, String title, Notice notice) {
        return item(guid, title, null, null, tagging("notice", notice));
    }

    private static TaggingResult tagging(String type, Notice notice) {
        return new TaggingResult(
                true,
                List.of(new TermHit("HER2", "title")),
                List.of(),
                List.of(),
                new Evidence(new PublicationType(type, type, List.of(), null), List.of(), List.of(), notice));
    }

    private static NewArticle item(String guid, String title, String doi, String pmid, TaggingResult tagging) {
        return new NewArticle(
                "journal",
                guid,
                "https://journal.example/" + guid,
                title,
                "<p>" + title + "</p>",
                title,
                List.of(),
                List.of(),
                PUBLISHED,
                doi,
                pmid,
                tagging,
                title,
                "",
                null);
    }
}
