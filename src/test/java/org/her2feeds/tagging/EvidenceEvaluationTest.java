package org.her2feeds.tagging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The shipped evidence rules against the labelled sets of src/test/resources/evidence/, written by a labeller who
 * never saw the rules: the set the rules were tuned on, and the held-out set no rule was ever tuned on.
 */
class EvidenceEvaluationTest {

    private static final Path TUNING = Path.of("src/test/resources/evidence/evidence-tuning.yml");
    private static final Path HELD_OUT = Path.of("src/test/resources/evidence/evidence-holdout.yml");

    /**
     * Trial extraction does not reach its goal of 0.95 (issue 15 stays open for it): the labels count only trials an
     * article is about, while the rules find every trial it names, and the held-out set uses trials of its own that
     * no curated list knows. These floors keep what is reached from getting worse.
     */
    private static final double TRIAL_PRECISION_FLOOR_BELOW_GOAL = 0.80;

    private static final double TRIAL_RECALL_FLOOR_BELOW_GOAL = 0.65;

    private static Tagger tagger;

    @BeforeAll
    static void load() {
        tagger = Tagger.fromFiles(Path.of("config/topics.yml"), Path.of("config/evidence.yml"));
    }

    @Test
    void theHeldOutSetMeetsTheTypeDrugAndNoticeGoals() {
        EvidenceEvaluation heldOut = EvidenceEvaluation.run(tagger, HELD_OUT);
        assertThat(heldOut.typeAccuracy()).isGreaterThanOrEqualTo(EvidenceEvaluation.TYPE_ACCURACY_GOAL);
        assertThat(heldOut.drugs().precision()).isGreaterThanOrEqualTo(EvidenceEvaluation.EXTRACTION_GOAL);
        assertThat(heldOut.drugs().recall()).isGreaterThanOrEqualTo(EvidenceEvaluation.EXTRACTION_GOAL);
        assertThat(heldOut.trials().precision()).isGreaterThanOrEqualTo(TRIAL_PRECISION_FLOOR_BELOW_GOAL);
        assertThat(heldOut.trials().recall()).isGreaterThanOrEqualTo(TRIAL_RECALL_FLOOR_BELOW_GOAL);
        assertThat(heldOut.notices().labelled()).isPositive();
        assertThat(heldOut.notices().kindRight()).isEqualTo(heldOut.notices().labelled());
        assertThat(heldOut.notices().identifierRead())
                .as("every notice that names its article by DOI or PMID is read, so the store links it")
                .isEqualTo(heldOut.notices().byIdentifier());
        assertThat(heldOut.notices().unlabelledSeen()).isZero();
    }

    @Test
    void theTuningSetMeetsTheTypeDrugAndNoticeGoals() {
        EvidenceEvaluation tuning = EvidenceEvaluation.run(tagger, TUNING);
        assertThat(tuning.typeAccuracy()).isGreaterThanOrEqualTo(EvidenceEvaluation.TYPE_ACCURACY_GOAL);
        assertThat(tuning.drugs().precision()).isGreaterThanOrEqualTo(EvidenceEvaluation.EXTRACTION_GOAL);
        assertThat(tuning.drugs().recall()).isGreaterThanOrEqualTo(EvidenceEvaluation.EXTRACTION_GOAL);
        assertThat(tuning.trials().precision()).isGreaterThanOrEqualTo(TRIAL_PRECISION_FLOOR_BELOW_GOAL);
        assertThat(tuning.trials().recall()).isGreaterThanOrEqualTo(TRIAL_RECALL_FLOOR_BELOW_GOAL);
        assertThat(tuning.notices().labelled()).isPositive();
        assertThat(tuning.notices().kindRight()).isEqualTo(tuning.notices().labelled());
        assertThat(tuning.notices().identifierRead())
                .as("every notice that names its article by DOI or PMID is read, so the store links it")
                .isEqualTo(tuning.notices().byIdentifier());
        assertThat(tuning.notices().unlabelledSeen()).isZero();
    }

    @Test
    void theCommandPrintsTheFiguresAndEveryDisagreementAndFailsBelowTheGoals() {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        int status = EvidenceEvaluationCommand.run(
                Path.of("config/topics.yml"),
                Path.of("config/evidence.yml"),
                TUNING,
                new PrintStream(buffer, true, StandardCharsets.UTF_8));
        String report = buffer.toString(StandardCharsets.UTF_8);
        assertThat(report)
                .contains("Type accuracy: ", "Trials: precision ", "Drugs:  precision ", "Notices: ", "Disagreements");
        assertThat(status).as("trial extraction is below its goal").isEqualTo(1);
    }
}
