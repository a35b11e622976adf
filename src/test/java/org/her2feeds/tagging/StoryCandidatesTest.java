package org.her2feeds.tagging;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.her2feeds.clean.ContentCleaner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Grouping compares an arriving article only with the candidates the index finds: every pair the rules link must
 * be among them, whichever of the two arrives last, or a story loses a member it had when all pairs were compared.
 */
class StoryCandidatesTest {

    private final Tagger tagger = Tagger.fromFiles(Path.of("config/topics.yml"), Path.of("config/evidence.yml"));
    private final StoryLinks links = new StoryLinks(Path.of("config/stories.yml"));

    @ParameterizedTest
    @ValueSource(
            strings = {
                "evidence-tuning.yml",
                "evidence-tuning-2.yml",
                "evidence-tuning-3.yml",
                "evidence-tuning-4.yml",
                "evidence-tuning-5.yml",
                "evidence-tuning-6.yml",
                "evidence-tuning-7.yml",
                "evidence-tuning-8.yml",
                // Its preview of a paper "in this issue of" the paper's journal.
                "evidence-tuning-15.yml",
                // News naming a maker and its drug beside the drug's one readout of those days.
                "evidence-tuning-14.yml",
                "evidence-tuning-16.yml"
            })
    void everyPairTheRulesLinkIsAmongTheCandidates(String set) {
        List<Optional<StoryProfile>> profiles = EvidenceEvaluation.profiles(
                tagger, links, new ContentCleaner()::plainText, Path.of("src/test/resources/evidence", set));
        List<String> missed = new ArrayList<>();
        int linked = 0;
        int compared = 0;
        for (int arriving = 0; arriving < profiles.size(); arriving++) {
            if (profiles.get(arriving).isEmpty()) {
                continue;
            }
            StoryProfile profile = profiles.get(arriving).get();
            StoryCandidates<Integer> stored = links.candidates();
            for (int other = 0; other < profiles.size(); other++) {
                if (other != arriving && profiles.get(other).isPresent()) {
                    stored.add(other, profiles.get(other).get());
                }
            }
            List<Integer> candidates = stored.of(profile);
            compared += candidates.size();
            for (int other = 0; other < profiles.size(); other++) {
                if (other == arriving || profiles.get(other).isEmpty()) {
                    continue;
                }
                if (links.link(profiles.get(other).get(), profile, stored).isPresent()) {
                    linked++;
                    if (!candidates.contains(other)) {
                        missed.add(other + " for " + arriving);
                    }
                }
            }
        }
        assertThat(linked).as("linked pairs in %s", set).isPositive();
        assertThat(missed).as("linked pairs the index did not offer").isEmpty();
        // And it does narrow the comparison: far fewer candidates than all pairs.
        assertThat(compared).isLessThan(profiles.size() * profiles.size() / 2);
        System.out.printf(
                "[stories] %s: %d linked (directed), %d candidates offered of %d%n",
                set, linked, compared, profiles.size() * (profiles.size() - 1));
    }

    /**
     * A news item that names the paper in running prose, well past its first paragraphs, is found whichever of the
     * two arrives first, and whether it quotes the title exactly or bends its last word ("carcinomas").
     */
    @ParameterizedTest(name = "{0} arrives last, quote ends \"{1}\"")
    @CsvSource(
            delimiter = '|',
            value = {
                "news|carcinoma, the authors wrote.",
                "news|carcinomas, as the agency summed it up.",
                "paper|carcinoma, the authors wrote.",
                "paper|carcinomas, as the agency summed it up."
            })
    void aTitleQuotedDeepInALongNewsTextIsACandidateWhicheverArrivesLast(String last, String ending) {
        StoryProfile paper = profile(
                "Disitamab vedotin with toripalimab in previously untreated HER2-expressing urothelial carcinoma",
                "In this open-label phase 3 study, the combination lengthened progression-free survival.",
                "",
                "journal",
                "bladder-journal",
                "2027-09-14");
        String report = "Delegates queued for coffee between sessions while organisers moved the poster hall to the "
                + "second floor, and several speakers ran over their allotted time before the evening reception. ";
        StoryProfile news = profile(
                "Congress notebook: a busy Sunday in Madrid",
                "Our correspondent's diary of the third day.",
                report.repeat(16)
                        + "Among the late-breaking papers was one titled disitamab vedotin with toripalimab in "
                        + "previously untreated HER2-expressing urothelial "
                        + ending,
                "news",
                "congress-diary",
                "2027-09-15");
        assertThat(news.words())
                .as("no word of the quote is among the news item's own")
                .doesNotContain("urothelial");
        assertThat(links.link(paper, news)).hasValue("quotes the title of the other");

        StoryCandidates<String> index = links.candidates();
        if ("news".equals(last)) {
            index.add("paper", paper);
            assertThat(index.of(news)).contains("paper");
        } else {
            index.add("news", news);
            assertThat(index.of(paper)).contains("news");
        }
    }

    /**
     * Looking a quote up by its words must not offer every text that merely uses them: in a window of reports that
     * all name the drug, the subtype and the disease, only the one that quotes the title (bent or not) is offered,
     * whichever of the two is looked up.
     */
    @Test
    void onlyTheTextsHoldingATitlesInnerWordsInARowAreOfferedForIt() {
        String title = "trastuzumab deruxtecan after endocrine therapy in her2 low breast cancer";
        List<String> words = new ArrayList<>(Arrays.asList(title.split(" ")));
        Random random = new Random(15);
        StoryCandidates<Integer> texts = links.candidates();
        StoryCandidates<Integer> titles = links.candidates();
        for (int i = 0; i < 300; i++) {
            Collections.shuffle(words, random);
            String shuffled = String.join(" ", words);
            texts.add(i, bare(i, "", "report " + i + " on " + shuffled + " and more"));
            titles.add(i, bare(i, shuffled, shuffled));
        }
        String quoting = "a long diary of the meeting where " + title + "s were discussed";
        texts.add(300, bare(300, "", quoting));
        titles.add(300, bare(300, title, title));

        assertThat(texts.of(bare(301, title, title))).containsExactly(300);
        assertThat(titles.of(bare(301, "", quoting))).containsExactly(300);
    }

    /**
     * A feed's series of titles that differ only in their last word ("big study 1" to "big study 10000") all hold
     * the same inner words: the last of them is offered only the titles its text really quotes ("study 1" is quoted
     * in "study 10", cut within its last word), and finds them without checking every title of the series, or
     * storing such a feed is quadratic.
     */
    @Test
    void theLastOfASeriesOfTitlesDifferingInTheirLastWordIsOfferedOnlyWhatItQuotes() {
        StoryCandidates<Integer> index = links.candidates();
        for (int i = 1; i < 10_000; i++) {
            index.add(i, series(i));
        }
        long checksBefore = index.exactChecks;

        List<Integer> offered = index.of(series(10_000));

        System.out.printf(
                "[stories] last of a series of 10000 titles: %d offered, %d exact checks%n",
                offered.size(), index.exactChecks - checksBefore);
        assertThat(offered).containsExactly(1, 10, 100, 1000);
        assertThat(index.exactChecks - checksBefore).as("exact checks").isLessThan(30);
    }

    /**
     * A journal's papers answer to its name for the news that names it ("published in the Gazette of Oncology"), not
     * to one another: a feed of 2,000 papers of one journal on one day offers none of them to the others, and the news
     * naming the journal is offered its papers of those days only.
     */
    @Test
    void aJournalsPapersAreOfferedToTheNewsNamingItNotToOneAnother() {
        StoryCandidates<Integer> index = links.candidates();
        for (int i = 0; i < 2_000; i++) {
            StoryProfile paper = paper(i, "2027-09-15T08:00:00Z", Set.of());
            assertThat(index.of(paper)).as("paper %d", i).isEmpty();
            index.add(i, paper);
        }
        index.add(2_000, paper(2_000, "2027-10-20T08:00:00Z", Set.of()));
        StoryProfile news = paper(2_001, "2027-09-16T08:00:00Z", Set.of("gazette oncology"));
        assertThat(index.of(news)).hasSize(2_000).doesNotContain(2_000);
    }

    /** A journal's paper (or, with venues, an article naming that journal) sharing nothing else with another. */
    private static StoryProfile paper(int i, String at, Set<String> venues) {
        String title = "paper number " + i + " of volume " + (i * 7);
        return new StoryProfile(
                Instant.parse(at),
                venues.isEmpty() ? "gazette-oncology-etoc" : "pharma-wire",
                venues.isEmpty() ? "journal" : "news",
                venues.isEmpty() ? "trial-result" : "news",
                "result",
                Set.of(),
                Set.of(),
                Set.of(),
                Set.of(),
                Set.of(),
                title,
                title,
                Set.of(),
                Set.of(),
                Set.of(),
                Set.of(),
                Set.of(),
                venues,
                Set.of());
    }

    private static StoryProfile series(int i) {
        String title = "trastuzumab deruxtecan in her2 positive breast cancer big study " + i;
        return bare(i, title, title + " her2 positive metastatic breast cancer cohort " + i);
    }

    /** A result that shares nothing with another but, maybe, a quoted title. */
    private static StoryProfile bare(int minute, String titleKey, String textKey) {
        return new StoryProfile(
                Instant.parse("2027-09-15T08:00:00Z").plusSeconds(minute * 60L),
                "source-" + minute,
                "news",
                "news",
                "result",
                Set.of(),
                Set.of(),
                Set.of(),
                Set.of(),
                Set.of(),
                titleKey,
                textKey,
                Set.of(),
                Set.of(),
                Set.of(),
                Set.of(),
                Set.of(),
                Set.of(),
                Set.of());
    }

    private StoryProfile profile(String title, String summary, String content, String kind, String source, String day) {
        TaggableText text = new TaggableText(title, summary, content, List.of(), kind, null);
        return links.profile(text, tagger.tag(text).evidence(), source, null, null, Instant.parse(day + "T08:00:00Z"))
                .orElseThrow();
    }
}
