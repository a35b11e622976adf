package org.her2feeds.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.her2feeds.tagging.TaggingResult;
import org.her2feeds.tagging.TermHit;
import org.her2feeds.tagging.TopicTag;
import org.junit.jupiter.api.Test;

/**
 * What a reader's search ({@code ?q=}) promises on every database: ranked, word-based, all words, every form of a
 * word, paged by a cursor, combined with the other filters, and current after every kind of write. Each case is
 * one the former {@code LIKE '%q%'} scan got wrong or could not do.
 */
abstract class SearchContract {

    abstract ArticleStore store();

    abstract ArticleQueries queries();

    /** The queries of the same store, ranking at most {@code maxResults} matches (her2.search.max-results). */
    abstract ArticleQueries queries(int maxResults);

    /** After a large write: what the database's own maintenance would do before searches come (nothing on H2). */
    void statisticsTaken() {}

    private static final TaggingResult RELEVANT =
            new TaggingResult(true, List.of(new TermHit("HER2", "title")), List.of());

    /** Relevant and tagged with the gastric topic: a filter by topic finds it. */
    static final TaggingResult GASTRIC = new TaggingResult(
            true,
            List.of(new TermHit("HER2", "title")),
            List.of(),
            List.of(new TopicTag("gastric", "Gastric", List.of())),
            null);

    static NewArticle item(String guid, String title, String summary, String publishedAt) {
        return item(guid, title, summary, publishedAt, RELEVANT);
    }

    static NewArticle item(String guid, String title, String summary, String publishedAt, TaggingResult tagging) {
        return new NewArticle(
                "search",
                guid,
                "https://search.example/" + guid,
                title,
                "<p>" + summary + "</p>",
                summary,
                List.of(),
                List.of(),
                Instant.parse(publishedAt),
                null,
                null,
                tagging,
                summary,
                "",
                null);
    }

    List<String> titles(String q) {
        return titles(new ArticleFilter(Set.of(), null, q, null, null));
    }

    List<String> titles(ArticleFilter filter) {
        return queries().search(filter, 50).stream()
                .map(found -> found.article().title())
                .toList();
    }

    @Test
    void aTitleMatchRanksBeforeAPassingMentionInTheSummary() {
        store().saveFeed(
                        "search",
                        List.of(
                                item(
                                        "a",
                                        "Tucatinib for brain metastases",
                                        "Outcomes in a registry.",
                                        "2025-01-01T00:00:00Z"),
                                item(
                                        "b",
                                        "HER2 registry update",
                                        "Patients also got tucatinib.",
                                        "2025-03-01T00:00:00Z"),
                                item("c", "HER2 testing survey", "Nothing about that drug.", "2025-04-01T00:00:00Z")));

        // The LIKE scan listed matches newest first: the passing mention before the article about the drug.
        assertThat(titles("tucatinib")).containsExactly("Tucatinib for brain metastases", "HER2 registry update");
        assertThat(titles("TUCATINIB")).containsExactly("Tucatinib for brain metastases", "HER2 registry update");
    }

    @Test
    void anyFormOfAWordFindsTheOthers() {
        store().saveFeed(
                        "search",
                        List.of(
                                item("a", "A phase 3 trial of pertuzumab", "Adjuvant setting.", "2025-01-01T00:00:00Z"),
                                item(
                                        "b",
                                        "HER2 imaging",
                                        "Two ongoing trials enrolled patients.",
                                        "2025-02-01T00:00:00Z")));

        assertThat(titles("trials")).containsExactlyInAnyOrder("A phase 3 trial of pertuzumab", "HER2 imaging");
        assertThat(titles("trial")).containsExactlyInAnyOrder("A phase 3 trial of pertuzumab", "HER2 imaging");
    }

    @Test
    void wordsMatchWholeWordsNotPartsOfOtherWords() {
        store().saveFeed(
                        "search",
                        List.of(
                                item(
                                        "a",
                                        "HER2-low scoring by pathologists",
                                        "Agreement was moderate.",
                                        "2025-01-01T00:00:00Z"),
                                item(
                                        "b",
                                        "The Cypher2 toolkit for imaging",
                                        "Unrelated software.",
                                        "2025-02-01T00:00:00Z")));

        // "cypher2" holds the letters of "her2": the scan found it, a word index does not.
        assertThat(titles("her2")).containsExactly("HER2-low scoring by pathologists");
    }

    @Test
    void everyWordMustMatchInAnyOrderAndEitherField() {
        store().saveFeed(
                        "search",
                        List.of(
                                item(
                                        "a",
                                        "Neratinib and diarrhoea",
                                        "Prophylaxis with loperamide.",
                                        "2025-01-01T00:00:00Z"),
                                item(
                                        "b",
                                        "Loperamide prophylaxis",
                                        "For patients on neratinib.",
                                        "2025-02-01T00:00:00Z"),
                                item(
                                        "c",
                                        "Neratinib in the extended adjuvant setting",
                                        "ExteNET.",
                                        "2025-03-01T00:00:00Z")));

        assertThat(titles("loperamide neratinib"))
                .containsExactlyInAnyOrder("Neratinib and diarrhoea", "Loperamide prophylaxis");
        assertThat(titles("neratinib zanidatamab")).isEmpty();
        // Punctuation and signs are not words: the search neither fails nor matches on them.
        assertThat(titles("100%")).isEmpty();
        assertThat(titles("neratinib & (loperamide) | !")).hasSize(2);
    }

    @Test
    void theOtherFiltersCombineWithTheWords() {
        store().saveFeed(
                        "search",
                        List.of(
                                item("a", "Zanidatamab in biliary cancer", "Phase 2.", "2025-01-01T00:00:00Z"),
                                item("b", "Zanidatamab in gastric cancer", "Phase 3.", "2025-06-01T00:00:00Z")));

        ArticleFilter since =
                new ArticleFilter(Set.of(), null, "zanidatamab", Instant.parse("2025-03-01T00:00:00Z"), null);
        assertThat(titles(since)).containsExactly("Zanidatamab in gastric cancer");
        ArticleFilter noSource = new ArticleFilter(Set.of(), Set.of(), "zanidatamab", null, null);
        assertThat(titles(noSource)).isEmpty();
    }

    @Test
    void aCursorPagesThroughTheRankedListWithoutRepeatsWhileArticlesArrive() {
        List<NewArticle> items = new ArrayList<>();
        for (int i = 1; i <= 9; i++) {
            // Every third article names the drug in its title, the others only in the summary.
            String title = i % 3 == 0 ? "Margetuximab report " + i : "HER2 report " + i;
            items.add(item("m" + i, title, "Margetuximab was given.", "2025-01-0" + i + "T00:00:00Z"));
        }
        store().saveFeed("search", items);

        List<String> seen = new ArrayList<>();
        ArticleFilter.Position cursor = null;
        int arrival = 0;
        do {
            List<ArticleQueries.Found> page =
                    queries().search(new ArticleFilter(Set.of(), null, "margetuximab", null, cursor), 4);
            page.forEach(found -> seen.add(found.article().title()));
            cursor = page.size() == 4 ? page.get(3).position() : null;
            arrival++;
            store().saveFeed(
                            "search",
                            List.of(item(
                                    "new" + arrival,
                                    "Margetuximab news " + arrival,
                                    "Fresh.",
                                    "2025-02-0" + arrival + "T00:00:00Z")));
        } while (cursor != null);

        assertThat(seen.subList(0, 3))
                .containsExactly("Margetuximab report 9", "Margetuximab report 6", "Margetuximab report 3");
        assertThat(seen).doesNotHaveDuplicates().hasSize(9).noneMatch(title -> title.contains("news"));
    }

    @Test
    void theIndexFollowsUpdatesReevaluationAndPurge() {
        store().saveFeed(
                        "search",
                        List.of(
                                item("a", "Pyrotinib first look", "Early data.", "2025-01-01T00:00:00Z"),
                                item("b", "Pyrotinib second look", "More data.", "2025-02-01T00:00:00Z")));
        assertThat(titles("pyrotinib")).hasSize(2);

        // The source corrects a title: the old word no longer finds it, the new one does.
        store().saveFeed(
                        "search",
                        List.of(
                                item("a", "Poziotinib first look", "Early data.", "2025-01-01T00:00:00Z"),
                                item("b", "Pyrotinib second look", "More data.", "2025-02-01T00:00:00Z")));
        assertThat(titles("pyrotinib")).containsExactly("Pyrotinib second look");
        assertThat(titles("poziotinib")).containsExactly("Poziotinib first look");

        // New rules judge everything irrelevant: nothing is published, so nothing is found.
        store().reevaluateAll(text -> new TaggingResult(false, List.of(), List.of()));
        assertThat(titles("pyrotinib")).isEmpty();
        // The purge empties the texts of irrelevant articles; rules that publish them again find the titles only.
        store().purgeIrrelevant("search", Instant.now().plusSeconds(60));
        store().reevaluateAll(text -> RELEVANT);
        assertThat(titles("data")).isEmpty();
    }

    @Test
    void aFilteredSearchFindsAnOlderMatchBehindManyNewerOnesOutsideTheFilter() {
        List<NewArticle> newer = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            newer.add(item("n" + i, "Trastuzumab report " + i, "Other cancer.", "2025-03-01T00:00:00Z"));
        }
        store().saveFeed("search", newer);
        store().saveFeed(
                        "other",
                        List.of(item(
                                "old", "Trastuzumab in gastric cancer", "Older.", "2024-01-01T00:00:00Z", GASTRIC)));
        // Ten ranked at most: far fewer than the newer matches the filters leave out.
        ArticleQueries narrow = queries(10);

        for (ArticleFilter filter : List.of(
                new ArticleFilter(Set.of("gastric"), null, "trastuzumab", null, null),
                new ArticleFilter(Set.of(), Set.of("other"), "trastuzumab", null, null))) {
            assertThat(narrow.search(filter, 50))
                    .extracting(found -> found.article().title())
                    .containsExactly("Trastuzumab in gastric cancer");
        }
        assertThat(narrow.search(new ArticleFilter(Set.of(), null, "trastuzumab", null, null), 50))
                .hasSize(10);
    }

    @Test
    void aSourceFilterFindsAnArticleByASourceItGainedLater() {
        store().saveFeed(
                        "journal",
                        List.of(
                                item(
                                        "a",
                                        "Zongertinib in HER2-mutant lung cancer",
                                        "Phase 1b.",
                                        "2025-01-01T00:00:00Z"),
                                item(
                                        "b",
                                        "Zongertinib pharmacokinetics",
                                        "Healthy volunteers.",
                                        "2025-02-01T00:00:00Z")));
        ArticleFilter fromNews = new ArticleFilter(Set.of(), Set.of("news"), "zongertinib", null, null);
        ArticleFilter fromJournal = new ArticleFilter(Set.of(), Set.of("journal", "news"), "zongertinib", null, null);
        assertThat(titles(fromNews)).isEmpty();

        // A news feed carries the same article (same link): the article gains a source, its texts do not change.
        NewArticle same = item("a", "Zongertinib in HER2-mutant lung cancer", "Phase 1b.", "2025-01-01T00:00:00Z");
        assertThat(store().saveFeed("news", List.of(same)).duplicates()).isEqualTo(1);
        assertThat(titles(fromNews)).containsExactly("Zongertinib in HER2-mutant lung cancer");
        assertThat(titles(fromJournal))
                .containsExactlyInAnyOrder("Zongertinib in HER2-mutant lung cancer", "Zongertinib pharmacokinetics");
    }

    @Test
    void theNewestMatchesAreRankedWhetherTheWordIsCommonOrRare() {
        List<NewArticle> items = new ArrayList<>();
        // Enough articles that, once the planner counts them, a word of every fourth is walked to along the dates.
        for (int day = 0; day < 200; day++) {
            String words = "Weekly" + (day % 4 == 0 ? " quarterly" : "") + (day < 3 ? " founding" : "");
            items.add(item(
                    "d" + day,
                    words + " note " + day,
                    "Text.",
                    Instant.parse("2025-01-01T00:00:00Z")
                            .plusSeconds(day * 86400L)
                            .toString()));
        }
        store().saveFeed("search", items);
        statisticsTaken();
        // Ten ranked at most: the newest ten matches, whichever way the engine reaches them.
        ArticleQueries narrow = queries(10);

        assertThat(titlesOf(narrow, "weekly")).containsExactly(newestNotes(199, 1));
        assertThat(titlesOf(narrow, "quarterly")).containsExactly(newestNotes(196, 4));
        assertThat(titlesOf(narrow, "founding"))
                .containsExactly(
                        "Weekly founding note 2", "Weekly founding note 1", "Weekly quarterly founding note 0");
    }

    private static List<String> titlesOf(ArticleQueries queries, String q) {
        return queries.search(new ArticleFilter(Set.of(), null, q, null, null), 50).stream()
                .map(found -> found.article().title())
                .toList();
    }

    private static String[] newestNotes(int newest, int step) {
        List<String> titles = new ArrayList<>();
        for (int day = newest; titles.size() < 10; day -= step) {
            titles.add("Weekly" + (day % 4 == 0 ? " quarterly" : "") + (day < 3 ? " founding" : "") + " note " + day);
        }
        return titles.toArray(String[]::new);
    }
}
