package org.her2feeds.tagging;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A very long summary is tagged with work that grows with its length, not with its square: counted by the characters
 * the trial description check reads back from each trial word, never timed. A field is kept up to
 * {@link TaggableText#MAX_FIELD_LENGTH} characters, so the growth is measured below that.
 */
class LongSummaryTaggingTest {

    /** Every "trial" follows a trial the text names as history, so the check reads back from each one. */
    private static final String SENTENCE = "Since the KATHERINE trial, adjuvant trastuzumab emtansine has been given. ";

    private static Evidence read(EvidenceRules rules, int length) {
        String summary = SENTENCE.repeat(length / SENTENCE.length() + 1);
        TaggableText text = new TaggableText("Adjuvant care in routine practice", summary, "", List.of(), "news", null);
        return rules.read(text, TokenisedText.of(text));
    }

    @Test
    void theWorkOfReadingTrialWordsGrowsWithTheSummaryNotWithItsSquare() {
        EvidenceRules rules = new EvidenceRules(TopicRulesReader.readEvidence(Path.of("config/evidence.yml")));
        read(rules, TaggableText.MAX_FIELD_LENGTH / 10);
        long small = rules.lookedBack.sumThenReset();
        read(rules, TaggableText.MAX_FIELD_LENGTH);
        long large = rules.lookedBack.sumThenReset();
        assertThat(small).as("every trial word is read back from").isPositive();
        // Ten times the text: about ten times the work; a quadratic check would read about a hundred times as much.
        assertThat(large).isBetween(8 * small, 12 * small);

        // A 200 KB summary is read as far as a field is kept, with no more work than that much text takes.
        Evidence evidence = read(rules, 200_000);
        assertThat(rules.lookedBack.sum()).isLessThanOrEqualTo(large);
        assertThat(evidence.trials())
                .as("KATHERINE is only the history of the text")
                .isEmpty();
        assertThat(evidence.drugs()).extracting(DrugMention::inn).containsExactly("trastuzumab emtansine");
    }
}
