package org.her2feeds.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.her2feeds.tagging.TaggingResult;
import org.her2feeds.tagging.TermHit;
import org.her2feeds.tagging.TopicTag;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** Each bounding rule of {@link ColumnLimits}, on one field at a time. */
class ColumnLimitsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void aLongTitleIsCutAtAWordBoundaryWithAnEllipsis() {
        String title = "HER2 " + "trastuzumab deruxtecan ".repeat(200);
        String stored = bounded(article().title(title)).stored().title();
        assertThat(stored).hasSizeLessThanOrEqualTo(ColumnLimits.TITLE).endsWith("…");
        String kept = stored.substring(0, stored.length() - 1);
        assertThat(title).startsWith(kept);
        assertThat(title.charAt(kept.length()))
                .as("the cut falls between words")
                .isEqualTo(' ');
    }

    @Test
    void aCutNeverSplitsASurrogatePair() {
        String text = "\uD83E\uDDEC".repeat(ColumnLimits.TITLE);
        String cut = ColumnLimits.cut(text, ColumnLimits.TITLE);
        assertThat(cut).hasSizeLessThanOrEqualTo(ColumnLimits.TITLE);
        assertThat(Character.isHighSurrogate(cut.charAt(cut.length() - 2))).isFalse();
    }

    @Test
    void aConsortiumAuthorListIsCutToWhatFitsAndEndsWithEtAl() {
        List<String> authors = new ArrayList<>();
        for (int i = 0; i < 900; i++) {
            authors.add("Investigator Number " + i);
        }
        List<String> stored = bounded(article().authors(authors)).stored().authors();
        assertThat(JSON.writeValueAsString(stored).length()).isLessThanOrEqualTo(ColumnLimits.AUTHORS_JSON);
        assertThat(stored.get(stored.size() - 1)).isEqualTo(ColumnLimits.ET_AL);
        assertThat(stored.subList(0, stored.size() - 1)).isEqualTo(authors.subList(0, stored.size() - 1));
        assertThat(bounded(article().authors(List.of("A. Author", "B. Author")))
                        .stored()
                        .authors())
                .containsExactly("A. Author", "B. Author");
    }

    @Test
    void categoriesAreCutToWhatFitsWithoutAMarker() {
        List<String> categories = Collections.nCopies(2000, "Breast neoplasms \"quoted\"");
        List<String> stored = bounded(article().categories(categories)).stored().categories();
        assertThat(JSON.writeValueAsString(stored).length()).isLessThanOrEqualTo(ColumnLimits.CATEGORIES_JSON);
        assertThat(stored).isNotEmpty().allMatch(c -> c.equals("Breast neoplasms \"quoted\""));
    }

    @Test
    void aLinkThatDoesNotFitIsDroppedAndRecorded() {
        String link = "https://journal.example/a?" + "x".repeat(5000);
        ColumnLimits.Bounded bounded = bounded(article().link(link));
        assertThat(bounded.stored().link()).isNull();
        assertThat(bounded.changes()).anyMatch(change -> change.startsWith("link dropped"));
    }

    @Test
    void aLongGuidIsStoredBoundedButStillDistinctAndIdentityUsesTheFullValue() {
        String start = "urn:x:" + "g".repeat(3000);
        NewArticle one = article().guid(start + "-1").build();
        NewArticle two = article().guid(start + "-2").build();
        String storedOne = ColumnLimits.article(one, JSON).stored().guid();
        String storedTwo = ColumnLimits.article(two, JSON).stored().guid();
        assertThat(storedOne).hasSizeLessThanOrEqualTo(ColumnLimits.GUID).isNotEqualTo(storedTwo);
        assertThat(ArticleIdentity.keys(one)).extracting(IdentityKey::value).contains("s " + start + "-1");
    }

    @Test
    void unusableDoisAndPubmedIdsAreDropped() {
        ColumnLimits.Bounded bounded =
                bounded(article().doi("10.1000/" + "x".repeat(400)).pmid("PMID 123456789012345678901"));
        assertThat(bounded.stored().doi()).isNull();
        assertThat(bounded.stored().pmid()).isNull();
        assertThat(bounded(article().doi("10.1056/nejmoa2203690").pmid("0039000001"))
                        .stored())
                .extracting(NewArticle::doi, NewArticle::pmid)
                .containsExactly("10.1056/nejmoa2203690", "39000001");
        // The parser gives a DOI its normal form; one that is not in it is not repaired here, it is dropped.
        assertThat(bounded(article().doi("https://doi.org/10.1056/NEJMoa2203690"))
                        .stored()
                        .doi())
                .isNull();
    }

    @Test
    void aHugeTaggingExplanationLosesTermHitsButKeepsRelevanceAndTopics() {
        List<TermHit> hits = Collections.nCopies(5000, new TermHit("trastuzumab deruxtecan", "summary"));
        TaggingResult tagging = new TaggingResult(
                true, hits, List.of(new TopicTag("adc", "ADC", hits), new TopicTag("her2-low", "HER2-low", List.of())));
        TaggingResult stored = bounded(article().tagging(tagging)).stored().tagging();
        assertThat(JSON.writeValueAsString(stored).length()).isLessThanOrEqualTo(ColumnLimits.TAGGING_JSON);
        assertThat(stored.relevant()).isTrue();
        assertThat(stored.topics()).extracting(TopicTag::slug).containsExactly("adc", "her2-low");
        assertThat(stored.relevanceHits()).isNotEmpty();
    }

    @Test
    void nulGoesAndLoneSurrogatesBecomeReplacementCharacters() {
        // Other controls are storable; the outputs deal with them (FeedFormatsTest).
        assertThat(ColumnLimits.storable("a\u0000b\u0007c\td\ne")).isEqualTo("ab\u0007c\td\ne");
        assertThat(ColumnLimits.storable("x\uD800y\uDC00z\uD83E\uDDEC")).isEqualTo("x\uFFFDy\uFFFDz\uD83E\uDDEC");
        assertThat(bounded(article().title("\u0000\u0000 ")).rejection()).isEqualTo("no title");
    }

    @Test
    void oversizedSummaryHtmlBecomesItsEscapedTextRatherThanCutMarkup() {
        String html = "<p>" + "<a href=\"https://x.example/\">x</a>".repeat(10_000) + "</p>";
        NewArticle stored = bounded(article().summaryHtml(html).summaryText("HER2 <b> & text"))
                .stored();
        assertThat(stored.summaryHtml()).isEqualTo("<p>HER2 &lt;b&gt; &amp; text</p>");
    }

    @Test
    void aDateNoColumnCanHoldIsDroppedButTheStoreDoesNotJudgePlausibility() {
        assertThat(bounded(article().publishedAt(Instant.MIN)).stored().publishedAt())
                .isNull();
        Instant old = Instant.parse("1850-06-01T00:00:00Z");
        assertThat(bounded(article().publishedAt(old)).stored().publishedAt())
                .as("plausibility is the parser's decision")
                .isEqualTo(old);
    }

    private static ColumnLimits.Bounded bounded(Builder builder) {
        return ColumnLimits.article(builder.build(), JSON);
    }

    private static Builder article() {
        return new Builder();
    }

    /** A good item with one field changed at a time. */
    private static final class Builder {
        private String guid = "g-1";
        private String link = "https://journal.example/a/1";
        private String title = "HER2-low breast cancer";
        private String summaryHtml = "<p>Text</p>";
        private String summaryText = "Text";
        private List<String> authors = List.of("A. Author");
        private List<String> categories = List.of("Oncology");
        private Instant publishedAt = Instant.parse("2026-01-01T00:00:00Z");
        private String doi;
        private String pmid;
        private TaggingResult tagging = new TaggingResult(true, List.of(new TermHit("HER2", "title")), List.of());

        Builder guid(String value) {
            guid = value;
            return this;
        }

        Builder link(String value) {
            link = value;
            return this;
        }

        Builder title(String value) {
            title = value;
            return this;
        }

        Builder summaryHtml(String value) {
            summaryHtml = value;
            return this;
        }

        Builder summaryText(String value) {
            summaryText = value;
            return this;
        }

        Builder authors(List<String> value) {
            authors = value;
            return this;
        }

        Builder categories(List<String> value) {
            categories = value;
            return this;
        }

        Builder publishedAt(Instant value) {
            publishedAt = value;
            return this;
        }

        Builder doi(String value) {
            doi = value;
            return this;
        }

        Builder pmid(String value) {
            pmid = value;
            return this;
        }

        Builder tagging(TaggingResult value) {
            tagging = value;
            return this;
        }

        NewArticle build() {
            return new NewArticle(
                    "s",
                    guid,
                    link,
                    title,
                    summaryHtml,
                    summaryText,
                    authors,
                    categories,
                    publishedAt,
                    doi,
                    pmid,
                    tagging,
                    summaryText,
                    "",
                    null);
        }
    }
}
