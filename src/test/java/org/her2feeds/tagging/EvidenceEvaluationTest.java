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
    /** The supplementary tuning set (t001…), written later by another labeller who had not seen the rules either. */
    private static final Path TUNING_2 = Path.of("src/test/resources/evidence/evidence-tuning-2.yml");

    private static final Path HELD_OUT = Path.of("src/test/resources/evidence/evidence-holdout.yml");

    /**
     * What trial extraction reaches on the tuning set (0.987 / 0.987; the goal is 0.95): these floors keep it there.
     */
    private static final double TUNING_TRIAL_PRECISION_FLOOR = 0.98;

    private static final double TUNING_TRIAL_RECALL_FLOOR = 0.98;

    /**
     * The held-out set, measured once after the rules were tuned (0.909 / 0.909, below the goal of 0.95; before,
     * 0.833 / 0.682): these floors keep what it reaches from getting worse. Never tune a rule on it.
     */
    private static final double HELD_OUT_TRIAL_PRECISION_FLOOR = 0.90;

    private static final double HELD_OUT_TRIAL_RECALL_FLOOR = 0.90;

    /**
     * Trial recall on the supplementary tuning set: 0.919, every miss a trial the text only implies (described by
     * drug, disease and phase, never named: 5 of 62), which no rule reads; the floor keeps the rest.
     */
    private static final double TUNING_2_TRIAL_RECALL_FLOOR = 0.91;

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
        assertThat(heldOut.trials().precision()).isGreaterThanOrEqualTo(HELD_OUT_TRIAL_PRECISION_FLOOR);
        assertThat(heldOut.trials().recall()).isGreaterThanOrEqualTo(HELD_OUT_TRIAL_RECALL_FLOOR);
        assertThat(heldOut.notices().labelled()).isPositive();
        assertThat(heldOut.notices().kindRight()).isEqualTo(heldOut.notices().labelled());
        assertThat(heldOut.notices().identifierRead())
                .as("every notice that names its article by DOI or PMID is read, so the store links it")
                .isEqualTo(heldOut.notices().byIdentifier());
        assertThat(heldOut.notices().unlabelledSeen()).isZero();
    }

    @Test
    void theTuningSetMeetsEveryGoal() {
        EvidenceEvaluation tuning = EvidenceEvaluation.run(tagger, TUNING);
        assertThat(tuning.typeAccuracy()).isGreaterThanOrEqualTo(EvidenceEvaluation.TYPE_ACCURACY_GOAL);
        assertThat(tuning.drugs().precision()).isGreaterThanOrEqualTo(EvidenceEvaluation.EXTRACTION_GOAL);
        assertThat(tuning.drugs().recall()).isGreaterThanOrEqualTo(EvidenceEvaluation.EXTRACTION_GOAL);
        assertThat(tuning.trials().precision()).isGreaterThanOrEqualTo(TUNING_TRIAL_PRECISION_FLOOR);
        assertThat(tuning.trials().recall()).isGreaterThanOrEqualTo(TUNING_TRIAL_RECALL_FLOOR);
        assertThat(tuning.notices().labelled()).isPositive();
        assertThat(tuning.notices().kindRight()).isEqualTo(tuning.notices().labelled());
        assertThat(tuning.notices().identifierRead())
                .as("every notice that names its article by DOI or PMID is read, so the store links it")
                .isEqualTo(tuning.notices().byIdentifier());
        assertThat(tuning.notices().unlabelledSeen()).isZero();
        assertThat(tuning.stories().labelled())
                .as("the tuning set labels stories")
                .isPositive();
        assertThat(tuning.stories().f1())
                .as("pairwise story grouping F1")
                .isGreaterThanOrEqualTo(EvidenceEvaluation.STORY_F1_GOAL);
        assertThat(tuning.meetsGoals()).isTrue();
    }

    @Test
    void theSupplementaryTuningSetMeetsTheTuningGoalsButTrialRecall() {
        EvidenceEvaluation tuning = EvidenceEvaluation.run(tagger, TUNING_2);
        assertThat(tuning.typeAccuracy()).isGreaterThanOrEqualTo(EvidenceEvaluation.TYPE_ACCURACY_GOAL);
        assertThat(tuning.drugs().precision()).isGreaterThanOrEqualTo(EvidenceEvaluation.EXTRACTION_GOAL);
        assertThat(tuning.drugs().recall()).isGreaterThanOrEqualTo(EvidenceEvaluation.EXTRACTION_GOAL);
        assertThat(tuning.trials().precision()).isGreaterThanOrEqualTo(EvidenceEvaluation.EXTRACTION_GOAL);
        assertThat(tuning.trials().recall()).isGreaterThanOrEqualTo(TUNING_2_TRIAL_RECALL_FLOOR);
        assertThat(tuning.notices().labelled()).isPositive();
        assertThat(tuning.notices().kindRight()).isEqualTo(tuning.notices().labelled());
        assertThat(tuning.notices().identifierRead())
                .as("every notice that names its article by DOI or PMID is read, so the store links it")
                .isEqualTo(tuning.notices().byIdentifier());
        assertThat(tuning.notices().unlabelledSeen()).isZero();
        assertThat(tuning.stories().labelled()).isPositive();
        assertThat(tuning.stories().f1())
                .as("pairwise story grouping F1")
                .isGreaterThanOrEqualTo(EvidenceEvaluation.STORY_F1_GOAL);
    }

    @Test
    void theCommandPrintsTheFiguresAndEveryDisagreementAndSucceedsWhenTheGoalsAreMet() {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        int status = EvidenceEvaluationCommand.run(
                Path.of("config/topics.yml"),
                Path.of("config/evidence.yml"),
                TUNING,
                new PrintStream(buffer, true, StandardCharsets.UTF_8));
        String report = buffer.toString(StandardCharsets.UTF_8);
        assertThat(report)
                .contains(
                        "Type accuracy: ",
                        "Trials: precision ",
                        "Drugs:  precision ",
                        "Notices: ",
                        "Stories (pairs of items): precision ",
                        "Disagreements");
        assertThat(status).as("the tuning set meets every goal").isZero();
    }
}
