package org.her2feeds.tagging;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An operator's mistakes in the rules file stop start-up with the file, line and problem. */
class TopicRulesReaderTest {

    @TempDir
    Path dir;

    private static final String VALID_HEAD = """
            relevance:
              terms: [her2]
            topics:
              - slug: adc
                label: ADCs
                description: Antibody-drug conjugates.
                terms: [t-dxd]
            """;

    private Path write(String content) throws IOException {
        return Files.writeString(dir.resolve("topics.yml"), content);
    }

    private void assertFails(String content, String message) throws IOException {
        Path file = write(content);
        assertThatThrownBy(() -> Tagger.fromFile(file))
                .isInstanceOf(TopicRulesException.class)
                .isInstanceOf(IllegalStateException.class)
                .hasMessage(file + message);
    }

    @Test
    void unknownKeyIsReportedWithItsLine() throws IOException {
        assertFails(
                VALID_HEAD + """
                  - slug: tki
                    label: TKIs
                    description: Kinase inhibitors.
                    term: [lapatinib]
                """,
                " line 11: topic 'tki': unknown key 'term' (allowed: description, except, label,"
                        + " not-followed-by, not-preceded-by, slug, terms, use)");
    }

    @Test
    void duplicateSlugNamesBothLines() throws IOException {
        assertFails(VALID_HEAD + """
                  - slug: adc
                    label: Again
                    description: Again.
                    terms: [kadcyla]
                """, " line 8: duplicate topic slug 'adc' (first at line 4)");
    }

    @Test
    void emptyTermsAreRejected() throws IOException {
        assertFails(VALID_HEAD + """
                  - slug: tki
                    label: TKIs
                    description: Kinase inhibitors.
                    terms: []
                """, " line 11: topic 'tki': 'terms' is empty");
    }

    @Test
    void aTopicWithoutAnyTermIsRejected() throws IOException {
        assertFails(VALID_HEAD + """
                  - slug: tki
                    label: TKIs
                    description: Kinase inhibitors.
                """, " line 8: topic 'tki': no terms (give 'terms', or 'use' a term list)");
    }

    @Test
    void badSlugIsRejected() throws IOException {
        assertFails(
                VALID_HEAD + """
                  - slug: Side Effects
                    label: Side effects
                    description: Adverse events.
                    terms: [ild]
                """,
                " line 8: topic 'Side Effects': bad slug (use lower-case letters, digits and single hyphens)");
    }

    @Test
    void missingLabelIsRejected() throws IOException {
        assertFails(VALID_HEAD + """
                  - slug: tki
                    description: Kinase inhibitors.
                    terms: [lapatinib]
                """, " line 8: topic 'tki': missing required key 'label'");
    }

    @Test
    void unknownTermListIsRejected() throws IOException {
        assertFails(
                VALID_HEAD + """
                  - slug: tki
                    label: TKIs
                    description: Kinase inhibitors.
                    use: [tki-drugs]
                """,
                " line 11: topic 'tki': unknown term list 'tki-drugs' (declare it under 'term-lists')");
    }

    @Test
    void aTermThatIsAlsoAnExceptionIsRejected() throws IOException {
        assertFails(
                VALID_HEAD + """
                  - slug: trastuzumab
                    label: Trastuzumab
                    description: The antibody.
                    terms: [trastuzumab, trastuzumab deruxtecan]
                    except: [TRASTUZUMAB  Deruxtecan]
                """,
                " line 12: topic 'trastuzumab': 'TRASTUZUMAB  Deruxtecan' is both a term and an exception");
    }

    @Test
    void aTermThatCanNeverMatchIsRejected() throws IOException {
        assertFails(
                VALID_HEAD + """
                  - slug: tki
                    label: TKIs
                    description: Kinase inhibitors.
                    terms:
                      - lapatinib
                      - "tucatinib, capecitabine"
                """,
                " line 13: topic 'tki': term 'tucatinib, capecitabine' contains clause punctuation"
                        + " (, ; . : ! ?) that text never matches across");
    }

    @Test
    void aListWhereATextIsExpectedIsRejected() throws IOException {
        assertFails(VALID_HEAD + """
                  - slug: tki
                    label: [TKIs]
                    description: Kinase inhibitors.
                    terms: [lapatinib]
                """, " line 9: topic 'tki': 'label' must be a single text value, not a list");
    }

    @Test
    void duplicateKeysAreRejected() throws IOException {
        assertFails(VALID_HEAD + """
                  - slug: tki
                    label: TKIs
                    description: Kinase inhibitors.
                    terms: [lapatinib]
                    terms: [neratinib]
                """, " line 12: topic 'tki': duplicate key 'terms'");
    }

    @Test
    void unknownTopLevelKeyAndMissingSectionsAreRejected() throws IOException {
        assertFails(
                VALID_HEAD + "topic: []\n",
                " line 8: the rules file: unknown key 'topic' (allowed: relevance," + " term-lists, topics)");
        assertFails("relevance:\n  terms: [her2]\n", " line 1: missing 'topics' section");
    }

    @Test
    void yamlSyntaxErrorsCarryTheLine() throws IOException {
        Path file = write(VALID_HEAD + "  - slug: tki\n    label: \"unclosed\n");
        assertThatThrownBy(() -> Tagger.fromFile(file))
                .isInstanceOf(TopicRulesException.class)
                .hasMessageStartingWith(file + " line ")
                .hasMessageContaining("YAML syntax error");
    }

    @Test
    void aMissingOrEmptyFileIsNamed() throws IOException {
        Path missing = dir.resolve("nope.yml");
        assertThatThrownBy(() -> Tagger.fromFile(missing))
                .isInstanceOf(TopicRulesException.class)
                .hasMessageStartingWith(missing + ": cannot be read");
        assertFails("# nothing yet\n", ": the rules file is empty");
    }
}
