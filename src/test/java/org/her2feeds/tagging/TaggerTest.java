package org.her2feeds.tagging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TaggerTest {

    private static Tagger shipped;

    @BeforeAll
    static void loadShippedRules() {
        shipped = Tagger.fromFile(Path.of("config/topics.yml"));
    }

    private static TaggingResult tagTitle(String title) {
        return shipped.tag(new TaggableText(title, "", List.of()));
    }

    private static List<String> slugs(TaggingResult result) {
        return result.topics().stream().map(TopicTag::slug).toList();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "HER2",
                "HER-2",
                "HER\u20132",
                "HER2/neu",
                "HER2+",
                "HER2\u207A",
                "HER2-positive",
                "HER2\u2011low",
                "HER2-ultralow",
                "HER2-mutant",
                "ERBB2",
                "ErbB-2",
                "c-erbB-2",
                "ＨＥＲ２",
                "human epidermal growth factor receptor 2",
                "Herceptin",
                "Ogivri",
                "Enhertu",
                "DS-8201a",
                "RC48",
                "SHR-A1811",
                "ZW25",
                "Phesgo",
                "Tukysa",
                "zongertinib"
            })
    void spellingsOfHer2AndItsDrugsMakeAnArticleRelevant(String mention) {
        assertThat(tagTitle("New data on " + mention + " in advanced cancer").relevant())
                .isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "HR+/HER2-",
                "HR+/HER2\u2212",
                "HR+, HER2\u2013 ",
                "HER2-negative",
                "HER2 negative",
                "HER2\u00A0negative",
                "HER2\u2011negative",
                "HER2-neg",
                "HER2 non-amplified",
                "HER2-nonamplified",
                "negative for HER2",
                "ER+/HER2\uFE63"
            })
    void her2AsANegativeDescriptorAloneIsNotRelevant(String descriptor) {
        TaggingResult result = tagTitle("Palbociclib in " + descriptor + " advanced breast cancer");

        assertThat(result.relevant()).isFalse();
        assertThat(result.relevanceHits()).isEmpty();
    }

    @Test
    void aPositiveMentionBesideANegativeOneIsRelevant() {
        TaggingResult result = tagTitle("HR+/HER2- breast cancer with HER2-low expression");

        assertThat(result.relevant()).isTrue();
        assertThat(result.relevanceHits()).containsExactly(new TermHit("her2", "title"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Raising her 2 children",
                "HER 2 children",
                "her 2-year-old son",
                "her 2nd marathon",
                "Her2Go rideshare",
                "Herceptive app",
                "ERBB2IP variant",
                "EGFR (HER1) exon 20",
                "HER3-DXd in lung cancer",
                "patritumab deruxtecan",
                "datopotamab deruxtecan (Dato-DXd)",
                "HER4 signalling"
            })
    void ordinaryEnglishAndOtherReceptorsAreNotRelevant(String text) {
        assertThat(tagTitle(text).relevant()).isFalse();
    }

    @Test
    void anAdcNameDoesNotTagTheTrastuzumabTopicButTrastuzumabItselfDoes() {
        TaggingResult adcOnly = tagTitle("Fam-trastuzumab deruxtecan-nxki versus ado-trastuzumab emtansine");
        TaggingResult both = tagTitle("Trastuzumab deruxtecan after trastuzumab and pertuzumab");

        assertThat(slugs(adcOnly)).contains("adc", "targeted-therapy").doesNotContain("trastuzumab");
        assertThat(both.topic("trastuzumab"))
                .get()
                .extracting(TopicTag::matched)
                .isEqualTo(List.of(new TermHit("trastuzumab", "title")));
    }

    @Test
    void anExceptionMasksOnlyItsOwnTopic() {
        TaggingResult result = tagTitle("Interstitial lung disease with T-DXd");

        assertThat(slugs(result)).contains("side-effects").doesNotContain("other-cancers");
    }

    @Test
    void hitsNameTheConfiguredTermAndTheFieldItMatchedIn() {
        TaggingResult result = shipped.tag(new TaggableText(
                "Weekly roundup", "A Kanjinti launch in India.", List.of("Oncology", "HER2-positive Breast Cancer")));

        assertThat(result.relevanceHits())
                .containsExactly(new TermHit("kanjinti", "summary"), new TermHit("her2", "category"));
        assertThat(result.topic("breast-cancer"))
                .get()
                .extracting(TopicTag::matched)
                .isEqualTo(List.of(new TermHit("breast", "category")));
        assertThat(result.topic("breast-cancer"))
                .get()
                .extracting(TopicTag::label)
                .isEqualTo("Breast cancer");
    }

    @Test
    void topicsAreComputedForIrrelevantArticlesToo() {
        TaggingResult result = tagTitle("Sacituzumab govitecan in triple-negative breast cancer");

        assertThat(result.relevant()).isFalse();
        assertThat(slugs(result)).contains("breast-cancer", "adc");
    }

    @Test
    void topicsComeInRulesFileOrder() {
        assertThat(shipped.topics())
                .extracting(TopicDefinition::slug)
                .containsExactly(
                        "her2-biology",
                        "her2-testing",
                        "breast-cancer",
                        "other-cancers",
                        "trastuzumab",
                        "antibodies",
                        "adc",
                        "tki",
                        "targeted-therapy",
                        "side-effects",
                        "resistance",
                        "clinical-trials",
                        "approvals",
                        "patient-care");
        assertThat(shipped.topics()).allSatisfy(t -> assertThat(t.description()).isNotBlank());
    }

    @Test
    void termSyntaxTightJoinsAnySeparatorSignsAndPrefixes(@TempDir Path dir) throws IOException {
        Path rules = dir.resolve("topics.yml");
        Files.writeString(rules, """
                relevance:
                  terms: [her-2, "her2+", nct*, breast cancer]
                topics:
                  - slug: t
                    label: T
                    description: d
                    terms: [x]
                """);
        Tagger tagger = Tagger.fromFile(rules);

        assertThat(tagger.tag(new TaggableText("HER\u20132", "", List.of())).relevant())
                .isTrue();
        assertThat(tagger.tag(new TaggableText("her 2", "", List.of())).relevant())
                .isFalse();
        assertThat(tagger.tag(new TaggableText("HR-/HER2\u207A", "", List.of())).relevant())
                .isTrue();
        assertThat(tagger.tag(new TaggableText("HER2 + HR", "", List.of())).relevant())
                .isFalse();
        assertThat(tagger.tag(new TaggableText("NCT04294225", "", List.of())).relevant())
                .isTrue();
        assertThat(tagger.tag(new TaggableText("breast-cancer; breast/cancer", "", List.of()))
                        .relevanceHits())
                .containsExactly(new TermHit("breast cancer", "title"));
        assertThat(tagger.tag(new TaggableText("breast, cancer", "", List.of())).relevant())
                .isFalse();
    }

    @Test
    void fingerprintIsStableAcrossLoadsAndLayoutButChangesWithTheRules(@TempDir Path dir) throws IOException {
        String rules = """
                relevance:
                  terms: [her2, erbb2]
                topics:
                  - slug: adc
                    label: ADCs
                    description: Antibody-drug conjugates.
                    terms: [t-dxd, kadcyla]
                """;
        Path original = write(dir, "a.yml", rules);
        Path reordered = write(dir, "b.yml", "# a comment\n" + rules.replace("[her2, erbb2]", "[erbb2,  her2]"));
        Path newTerm = write(dir, "c.yml", rules.replace("kadcyla]", "kadcyla, enhertu]"));
        Path newLabel = write(dir, "d.yml", rules.replace("label: ADCs", "label: ADC"));

        String fingerprint = Tagger.fromFile(original).rulesFingerprint();

        assertThat(fingerprint).matches("[0-9a-f]{64}");
        assertThat(Tagger.fromFile(original).rulesFingerprint()).isEqualTo(fingerprint);
        assertThat(Tagger.fromFile(reordered).rulesFingerprint()).isEqualTo(fingerprint);
        assertThat(Tagger.fromFile(newTerm).rulesFingerprint()).isNotEqualTo(fingerprint);
        assertThat(Tagger.fromFile(newLabel).rulesFingerprint()).isNotEqualTo(fingerprint);
    }

    private static Path write(Path dir, String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }

    private static TaggingResult tagSummary(String summary) {
        return shipped.tag(new TaggableText("A study in advanced breast cancer", summary, List.of()));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Patients had human epidermal growth factor receptor 2 (HER2; also known as ERBB2)-negative disease.",
                "Tumours were ER (+), PR (+) and HER2 (\u2212).",
                "The HER2 status was negative in all patients.",
                "All tumours were negative for ER, PR and HER2 by immunohistochemistry.",
                "Patients with HER2-positive tumours were excluded.",
                "HER3 is expressed regardless of HER2 status.",
                "Survival differed between luminal A, luminal B, HER2-enriched and basal-like tumours."
            })
    void aHer2MarkerThatOnlyDescribesAPopulationIsDiscountedWithItsReason(String summary) {
        TaggingResult result = tagSummary(summary);

        assertThat(result.relevant()).as(summary).isFalse();
        assertThat(result.discounted())
                .as(summary)
                .isNotEmpty()
                .allSatisfy(d -> assertThat(d.field()).isEqualTo("summary"))
                .allSatisfy(d -> assertThat(d.qualifier()).isNotBlank());
    }

    @Test
    void aContrastEndsANegationsScopeAndAListInTheTitleIsTheStudyQuestion() {
        assertThat(tagSummary("Tumours were negative for ER and PR but HER2-positive by FISH.")
                        .relevant())
                .isTrue();
        assertThat(tagTitle("Outcomes of luminal B and HER2-enriched tumours after neoadjuvant therapy")
                        .relevant())
                .isTrue();
        // A HER2 drug named as an exclusion still concerns HER2: only markers are judged by their context.
        assertThat(tagSummary("Patients previously treated with trastuzumab were excluded.")
                        .relevant())
                .isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "p95HER2 expression and response",
                "the HER2\u039416 splice variant",
                "HER2 delta16 isoform",
                "tumour onset in MMTV-neu mice",
                "neu-transgenic mice fed a high-fat diet",
                "a rat neu vaccine model",
                "ERBB2 (Erb-B2 receptor tyrosine kinase 2) copy number"
            })
    void unusualSpellingsOfTheMarkerCount(String title) {
        assertThat(tagTitle(title).relevant()).as(title).isTrue();
    }

    @Test
    void theEvidenceNamesTheFieldOfEveryCountingTerm() {
        TaggingResult result = shipped.tag(new TaggableText(
                "Conference roundup",
                "Teaser text.",
                "The session covered trastuzumab deruxtecan in HER2-low disease.",
                List.of("Breast Neoplasms")));

        assertThat(result.relevanceHits())
                .contains(new TermHit("trastuzumab deruxtecan", "content"), new TermHit("her2", "content"));
    }
}
