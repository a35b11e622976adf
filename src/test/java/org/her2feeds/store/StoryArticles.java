package org.her2feeds.store;

import java.nio.file.Path;
import java.util.List;
import org.her2feeds.sources.SourceKind;
import org.her2feeds.tagging.Tagger;
import org.her2feeds.testsupport.TaggedArticles;

/**
 * The articles of the story scenarios, tagged by real rules, shared by the story tests on H2 and on PostgreSQL:
 * each test class builds its own, so no test sets the rules another one uses.
 */
record StoryArticles(Tagger tagger) {

    static StoryArticles taggedByTheConfiguredRules() {
        return new StoryArticles(Tagger.fromFiles(Path.of("config/topics.yml"), Path.of("config/evidence.yml")));
    }

    NewArticle item(
            String source, SourceKind kind, String guid, String title, String text, String published, String doi) {
        return new TaggedArticles(tagger).item(source, kind, guid, title, text, published, doi);
    }

    /** Stores one article without a DOI as the only item of its source's feed. */
    void save(
            ArticleStore store,
            String source,
            SourceKind kind,
            String guid,
            String title,
            String text,
            String published) {
        store.saveFeed(source, kind, List.of(item(source, kind, guid, title, text, published, null)));
    }

    /** A trial readout and the news of it; a letter and the news citing it: two stories. */
    void saveTwoStories(ArticleStore store) {
        store.saveFeed(
                "journal-a",
                SourceKind.JOURNAL,
                List.of(item(
                        "journal-a",
                        SourceKind.JOURNAL,
                        "a",
                        "Tucatinib maintenance in HER2-positive breast cancer",
                        "Results of HER2CLIMB-05 with tucatinib maintenance.",
                        "2026-02-09T00:00:00Z",
                        "10.5555/a.1")));
        store.saveFeed(
                "news-e",
                SourceKind.NEWS,
                List.of(item(
                        "news-e",
                        SourceKind.NEWS,
                        "e",
                        "HER2CLIMB-05 readout reported",
                        "News on the HER2CLIMB-05 trial in HER2-positive breast cancer.",
                        "2026-02-10T00:00:00Z",
                        null)));
        store.saveFeed(
                "journal-f",
                SourceKind.JOURNAL,
                List.of(item(
                        "journal-f",
                        SourceKind.JOURNAL,
                        "f",
                        "Correspondence on a maintenance regimen",
                        "A letter on a maintenance regimen in HER2-positive disease.",
                        "2026-02-11T00:00:00Z",
                        "10.5555/f.2")));
        store.saveFeed(
                "news-b",
                SourceKind.NEWS,
                List.of(item(
                        "news-b",
                        SourceKind.NEWS,
                        "b",
                        "Pfizer's TUKYSA regimen questioned in a letter",
                        "The letter doi:10.5555/f.2 questions the regimen.",
                        "2026-02-12T00:00:00Z",
                        null)));
    }

    /** News that names the trial of the first story and cites the letter of the second. */
    void saveTheirLink(ArticleStore store) {
        store.saveFeed(
                "news-d",
                SourceKind.NEWS,
                List.of(item(
                        "news-d",
                        SourceKind.NEWS,
                        "d",
                        "HER2CLIMB-05: the letter and the reply",
                        "On HER2CLIMB-05 in HER2-positive breast cancer, see doi:10.5555/f.2.",
                        "2026-02-13T00:00:00Z",
                        null)));
    }
}
