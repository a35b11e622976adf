package org.her2feeds.tagging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

/**
 * An operator's mistakes in the evidence file stop start-up with the file, line and problem; and the shipped file
 * knows the same drug names as the topic rules, so the two never disagree about what a drug is called.
 */
class EvidenceRulesReaderTest {

    @TempDir
    Path dir;

    private static final String DRUGS_AND_TRIALS = """
            drugs:
              - slug: tucatinib
                label: tucatinib
                description: TKI.
                terms: [tucatinib, tukysa]
            trials:
              - slug: her2climb
                label: HER2CLIMB
                description: Tucatinib trial.
                registry: NCT02614794
                terms: [her2climb]
            """;

    private void assertFails(String types, String message) throws IOException {
        Path file = Files.writeString(dir.resolve("evidence.yml"), types + DRUGS_AND_TRIALS);
        assertThatThrownBy(() -> TopicRulesReader.readEvidence(file))
                .isInstanceOf(TopicRulesException.class)
                .hasMessage(file + message);
    }

    @Test
    void theLastTypeIsTheDefaultAndOnlyIt() throws IOException {
        assertFails(
                """
                types:
                  - slug: news
                    label: News
                    description: News.
                    kinds: [news]
                """,
                " line 2: type 'news': the last type is the default, for articles no other type fits: give it no "
                        + "terms and no kinds");
        assertFails(
                """
                types:
                  - slug: research
                    label: Research
                    description: Anything.
                  - slug: news
                    label: News
                    description: News.
                """, " line 2: type 'research': give terms or kinds (only the last type, the default, has neither)");
    }

    @Test
    void kindsFieldsAndRegistryIdsAreChecked() throws IOException {
        assertFails(
                """
                types:
                  - slug: news
                    label: News
                    description: News.
                    kinds: [blog]
                  - slug: other
                    label: Other
                    description: Other.
                """,
                " line 5: type 'news': unknown source kind 'blog' (one of journal, preprint, registry, regulator, "
                        + "news, patient)");
        assertFails("""
                types:
                  - slug: review
                    label: Review
                    description: Reviews.
                    fields: [abstract]
                    terms: [review]
                  - slug: other
                    label: Other
                    description: Other.
                """, " line 5: type 'review': unknown field 'abstract' (one of category, content, summary, title)");
        Path file = Files.writeString(
                dir.resolve("bad-registry.yml"), """
                types:
                  - slug: other
                    label: Other
                    description: Other.
                """ + DRUGS_AND_TRIALS.replace("NCT02614794", "NCT-2614794"));
        assertThatThrownBy(() -> TopicRulesReader.readEvidence(file))
                .hasMessageStartingWith(file + " line 14: trial 'her2climb': 'NCT-2614794' is not a registry id");
    }

    @Test
    void aTrialsImpliedByNamesDeclaredDrugsAndNonEmptyGroupsOfTerms() throws IOException {
        String types = """
                types:
                  - slug: other
                    label: Other
                    description: Other.
                """;
        Path unknownDrug = Files.writeString(dir.resolve("unknown-drug.yml"), types + DRUGS_AND_TRIALS + """
                    implied-by:
                      drugs: [tucatinib, capecitabine]
                """);
        assertThatThrownBy(() -> TopicRulesReader.readEvidence(unknownDrug))
                .isInstanceOf(TopicRulesException.class)
                .hasMessageContaining("trial 'her2climb' implied-by: unknown drug 'capecitabine'");
        Path noDrugs = Files.writeString(dir.resolve("no-drugs.yml"), types + DRUGS_AND_TRIALS + """
                    implied-by:
                      all-of:
                        - [placebo]
                """);
        assertThatThrownBy(() -> TopicRulesReader.readEvidence(noDrugs))
                .hasMessageContaining("trial 'her2climb' implied-by: give 'drugs'");
        Path emptyGroup = Files.writeString(dir.resolve("empty-group.yml"), types + DRUGS_AND_TRIALS + """
                    implied-by:
                      drugs: [tucatinib]
                      all-of:
                        - []
                """);
        assertThatThrownBy(() -> TopicRulesReader.readEvidence(emptyGroup))
                .hasMessageContaining("trial 'her2climb' implied-by: 'all-of' is empty");
    }

    @Test
    void theShippedEvidenceFileAndTopicRulesKnowTheSameDrugNames() throws IOException {
        Map<String, Object> topics = read("config/topics.yml");
        @SuppressWarnings("unchecked")
        Map<String, List<String>> lists = (Map<String, List<String>>) topics.get("term-lists");
        Set<String> topicNames = new TreeSet<>();
        for (String list : List.of("trastuzumab-products", "her2-antibody-drugs", "her2-adc-drugs", "her2-tki-drugs")) {
            topicNames.addAll(lists.get(list));
        }
        Set<String> evidenceNames = new TreeSet<>();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> drugs =
                (List<Map<String, Object>>) read("config/evidence.yml").get("drugs");
        for (Map<String, Object> drug : drugs) {
            @SuppressWarnings("unchecked")
            List<String> terms = (List<String>) drug.get("terms");
            evidenceNames.addAll(terms);
        }
        assertThat(evidenceNames).as("drug names of config/evidence.yml").containsAll(topicNames);
    }

    private static Map<String, Object> read(String file) throws IOException {
        return new Yaml().load(Files.readString(Path.of(file)));
    }
}
