package org.her2feeds.tagging;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What links two articles into one story, by the shipped rules, shown on invented articles. */
class StoryLinksTest {

    private final Tagger tagger = Tagger.fromFiles(Path.of("config/topics.yml"), Path.of("config/evidence.yml"));
    private final StoryLinks links = new StoryLinks(Path.of("config/stories.yml"));

    private StoryProfile profile(String title, String summary, String kind, String source, String day) {
        return profile(title, summary, List.of(), kind, source, day);
    }

    private StoryProfile profile(
            String title, String summary, List<String> categories, String kind, String source, String day) {
        TaggableText text = new TaggableText(title, summary, "", categories, kind, null);
        return links.profile(text, tagger.tag(text).evidence(), source, null, null, Instant.parse(day + "T08:00:00Z"))
                .orElseThrow();
    }

    @Test
    void oneRegulatorsDecisionsOnOneDrugForTwoTumourSitesAreTwoStories() {
        StoryProfile gastric = profile(
                "FDA approves zanidatamab with chemotherapy for HER2-positive gastric cancer",
                "The agency approved the bispecific for first-line disease.",
                "regulator",
                "fda",
                "2027-03-01");
        StoryProfile gastricNews = profile(
                "Jazz wins FDA nod for Ziihera in stomach cancer",
                "The FDA approved Ziihera for untreated HER2-positive disease.",
                "news",
                "biotech-wire",
                "2027-03-02");
        StoryProfile biliary = profile(
                "FDA grants full approval to zanidatamab in HER2-positive biliary tract cancer",
                "The FDA converted the accelerated approval.",
                "regulator",
                "fda",
                "2027-03-12");
        assertThat(links.link(gastric, gastricNews)).isPresent();
        assertThat(links.link(gastricNews, biliary)).as("gastric vs biliary").isEmpty();
    }

    @Test
    void aJournalsEditorialBesideItsPaperIsLinkedByTheWordsOfTheirTextsThoughItNamesNoDrug() {
        StoryProfile paper = profile(
                "Pyrotinib after Adjuvant Trastuzumab in Node-Positive Breast Cancer",
                "We randomly assigned patients with node-positive disease after adjuvant therapy to pyrotinib or "
                        + "placebo. Recurrence was lower with pyrotinib; diarrhoea was frequent.",
                "journal",
                "gazette-of-oncology",
                "2027-05-04");
        StoryProfile editorial = profile(
                "Another Year of Pills?",
                "Editorial. Extending therapy after adjuvant treatment lowers recurrence in node-positive disease, "
                        + "at the price of diarrhoea for many.",
                List.of("Editorial"),
                "journal",
                "gazette-of-oncology",
                "2027-05-04");
        StoryProfile elsewhere = profile(
                "Another Year of Pills?",
                "Editorial. Extending therapy after adjuvant treatment lowers recurrence in node-positive disease, "
                        + "at the price of diarrhoea for many.",
                List.of("Editorial"),
                "journal",
                "another-journal",
                "2027-05-04");
        assertThat(editorial.type()).isEqualTo("commentary");
        assertThat(links.link(paper, editorial))
                .hasValueSatisfying(why -> assertThat(why).startsWith("comment in the same journal sharing the words"));
        assertThat(links.link(paper, elsewhere))
                .as("another journal's editorial")
                .isEmpty();
        StoryCandidates<String> index = links.candidates();
        index.add("paper", paper);
        assertThat(index.of(editorial))
                .as("the index offers the paper beside its editorial")
                .contains("paper");
    }
}
