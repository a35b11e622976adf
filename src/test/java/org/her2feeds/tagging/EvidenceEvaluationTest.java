package org.her2feeds.tagging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The shipped evidence rules against the labelled sets of src/test/resources/evidence/, written by labellers who
 * never saw the rules: the three sets the rules are tuned on. A held-out set, never tuned on, is measured by the lead.
 */
class EvidenceEvaluationTest {

    private static final Path TUNING = Path.of("src/test/resources/evidence/evidence-tuning.yml");
    /** The supplementary tuning set (t001…), written later by another labeller who had not seen the rules either. */
    private static final Path TUNING_2 = Path.of("src/test/resources/evidence/evidence-tuning-2.yml");

    /**
     * The third tuning set (h001…): the held-out set until stop 20, measured twice then, and tuned on since 2026-12-06.
     */
    private static final Path TUNING_3 = Path.of("src/test/resources/evidence/evidence-tuning-3.yml");

    /**
     * The held-out set (h2-001…), written on 2026-12-06 by a labeller who never saw the rules, and never tuned on: no
     * rule writer reads it. Measured twice, with the rules before and after the third tuning set was tuned on: type
     * 0.933 / 0.933, trials 0.839 / 0.963 then 0.857 / 0.963, drugs 1 / 1, every notice's DOI or PMID read, stories
     * F1 0.810 / 0.810. Trial precision and story F1 miss the goals (0.95, 0.90); the floors below keep what it
     * reaches from getting worse.
     */
    private static final Path HELD_OUT_2 = Path.of("src/test/resources/evidence/evidence-holdout-2.yml");

    /**
     * What trial extraction reaches on the tuning set (0.987 / 0.987; the goal is 0.95): these floors keep it there.
     */
    private static final double TUNING_TRIAL_PRECISION_FLOOR = 0.98;

    private static final double TUNING_TRIAL_RECALL_FLOOR = 0.98;

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

    private static final double HELD_OUT_2_TRIAL_PRECISION_FLOOR = 0.85;

    private static final double HELD_OUT_2_STORY_F1_FLOOR = 0.80;

    @Test
    void theHeldOutSetMeetsTheTypeDrugTrialRecallAndNoticeGoalsAndKeepsItsFloors() {
        EvidenceEvaluation heldOut = EvidenceEvaluation.run(tagger, HELD_OUT_2);
        assertThat(heldOut.typeAccuracy()).isGreaterThanOrEqualTo(EvidenceEvaluation.TYPE_ACCURACY_GOAL);
        assertThat(heldOut.drugs().precision()).isGreaterThanOrEqualTo(EvidenceEvaluation.EXTRACTION_GOAL);
        assertThat(heldOut.drugs().recall()).isGreaterThanOrEqualTo(EvidenceEvaluation.EXTRACTION_GOAL);
        assertThat(heldOut.trials().recall()).isGreaterThanOrEqualTo(EvidenceEvaluation.EXTRACTION_GOAL);
        assertThat(heldOut.trials().precision()).isGreaterThanOrEqualTo(HELD_OUT_2_TRIAL_PRECISION_FLOOR);
        assertThat(heldOut.notices().labelled()).isPositive();
        assertThat(heldOut.notices().kindRight()).isEqualTo(heldOut.notices().labelled());
        assertThat(heldOut.notices().identifierRead())
                .as("every notice that names its article by DOI or PMID is read, so the store links it")
                .isEqualTo(heldOut.notices().byIdentifier());
        assertThat(heldOut.notices().unlabelledSeen()).isZero();
        assertThat(heldOut.stories().labelled()).isPositive();
        assertThat(heldOut.stories().f1()).isGreaterThanOrEqualTo(HELD_OUT_2_STORY_F1_FLOOR);
    }

    @Test
    void theThirdTuningSetMeetsEveryGoal() {
        // Measured twice while held out: trials 0.909 / 0.909, stories F1 0.697. Its two trial misses left are
        // trials only implied (h005, h095), its extra ones an ISRCTN id outside the labels' vocabulary and a trial a
        // guideline names as the basis of a recommendation without results.
        EvidenceEvaluation tuning3 = EvidenceEvaluation.run(tagger, TUNING_3);
        assertThat(tuning3.typeAccuracy()).isGreaterThanOrEqualTo(EvidenceEvaluation.TYPE_ACCURACY_GOAL);
        assertThat(tuning3.drugs().precision()).isGreaterThanOrEqualTo(EvidenceEvaluation.EXTRACTION_GOAL);
        assertThat(tuning3.drugs().recall()).isGreaterThanOrEqualTo(EvidenceEvaluation.EXTRACTION_GOAL);
        assertThat(tuning3.trials().precision()).isGreaterThanOrEqualTo(EvidenceEvaluation.EXTRACTION_GOAL);
        assertThat(tuning3.trials().recall()).isGreaterThanOrEqualTo(EvidenceEvaluation.EXTRACTION_GOAL);
        assertThat(tuning3.notices().labelled()).isPositive();
        assertThat(tuning3.notices().kindRight()).isEqualTo(tuning3.notices().labelled());
        assertThat(tuning3.notices().identifierRead())
                .as("every notice that names its article by DOI or PMID is read, so the store links it")
                .isEqualTo(tuning3.notices().byIdentifier());
        assertThat(tuning3.notices().unlabelledSeen()).isZero();
        assertThat(tuning3.stories().labelled()).isPositive();
        assertThat(tuning3.stories().f1())
                .as("pairwise story grouping F1")
                .isGreaterThanOrEqualTo(EvidenceEvaluation.STORY_F1_GOAL);
        assertThat(tuning3.meetsGoals()).isTrue();
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
