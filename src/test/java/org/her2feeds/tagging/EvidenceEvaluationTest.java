package org.her2feeds.tagging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.her2feeds.clean.ContentCleaner;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped evidence rules against the labelled sets of src/test/resources/evidence/, written by labellers who
 * never saw the rules: the ten sets the rules are tuned on, and the held-out set no rule was written for (when one
 * is in the repository), held to the floors it reached when first measured.
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
     * The fourth tuning set (h2-001…): written on 2026-12-06 as the second held-out set by a labeller who never saw
     * the rules, measured twice then (type 0.933 / 0.933, trials 0.839 / 0.963 then 0.857 / 0.963, drugs 1 / 1, every
     * notice's DOI or PMID read, stories F1 0.810 / 0.810), and tuned on since.
     */
    private static final Path TUNING_4 = Path.of("src/test/resources/evidence/evidence-tuning-4.yml");

    /**
     * What trial extraction reaches on the tuning set (0.987 / 0.987; the goal is 0.95): these floors keep it there.
     */
    private static final double TUNING_TRIAL_PRECISION_FLOOR = 0.98;

    private static final double TUNING_TRIAL_RECALL_FLOOR = 0.98;

    /**
     * The fifth tuning set (h3-001…, 139 items): written on 2026-12-06 as the third held-out set by a labeller who
     * read only the labelling guide, measured several times then (its first 120 items before and after the fourth
     * tuning: type 0.942 / 0.942, trials 0.914 / 0.831 then 0.917 / 0.857, stories F1 0.895 then 0.879; all 139
     * after: type 0.950, trials 0.888 / 0.845, drugs 1 / 1, every notice's DOI or PMID read, stories F1 0.850), and
     * tuned on since. Trials reach 0.988 / 0.976 since the names read from the sentence (a results verb or noun
     * attached to the name, a headline's closing "in NAME", a registry title's id before the name), the approvals a
     * trial had already won told as history and trials implied by the catalogue; type 0.964; stories F1 0.942 since a
     * filing is an event of its own and notices naming different articles are not linked by words. It meets every
     * goal.
     */
    private static final Path TUNING_5 = Path.of("src/test/resources/evidence/evidence-tuning-5.yml");

    /**
     * The sixth tuning set (h4-001…, 200 items, 27 stories): written on 2026-12-06 as the fourth held-out set by a
     * labeller who read only the labelling guide, never the rules, code or other item files. Measured twice while held
     * out (summary lines only), with the rules before and after the fifth tuning: type 0.960 then 0.970, trials 0.935 /
     * 0.927 then 0.936 / 0.944, drugs 1 / 1, notices 16 of 16 with every DOI or PMID read, stories F1 0.851 then
     * 0.879; retired as held out and tuned on since 2026-12-06. Trials reach 0.992 / 0.976, stories F1 0.961 and type
     * 0.980 since a time, a drug's history or a result confirmed "since", "after" or "seen in" a trial is background,
     * as is a trial still ongoing or awaited as confirmatory data, a drug's brand in capitals is no trial, a decision's
     * "green light" is a decision word, news naming a paper's journal covers it and a preprint's journal version is
     * found by the words of its abstract. It meets every goal.
     */
    private static final Path TUNING_6 = Path.of("src/test/resources/evidence/evidence-tuning-6.yml");

    /**
     * The seventh tuning set (h5-001…, 242 items, 34 stories, 20 notices): written on 2026-12-06 as the fifth held-out
     * set by a labeller who read only the labelling guide, never the rules, code or other item files. Measured twice
     * while held out (summary lines only), with the rules before and after the sixth tuning: type 0.917 then 0.921,
     * trials 0.941 / 0.846 then 0.947 / 0.846, drugs 1.000 / 0.997, every notice's kind and every DOI or PMID read
     * (one notice seen where none is labelled), stories F1 0.761 then 0.767; retired as held out and tuned on since
     * 2026-12-07. Since the seventh tuning it reaches type 0.926, trials 0.968 / 0.905, stories F1 0.829 (precision
     * 0.944, recall 0.739; since the eighth, F1 0.834, precision 0.958; since the fifteenth, F1 0.859) and sees no
     * notice where none is labelled. It does NOT meet the goals for trial recall and story F1: most trials it misses
     * are only implied by news that names neither the trial nor, often, the drug ("the antibody-drug conjugate", "a
     * bispecific"), and most stories it misses have such a member. These floors,
     * just under what it reaches, hold it there until it does; trial precision is held to the goal, which it meets.
     */
    private static final Path TUNING_7 = Path.of("src/test/resources/evidence/evidence-tuning-7.yml");

    /**
     * The eighth tuning set (h6-001…, 236 items, 37 stories, 20 notices): written on 2026-12-07 as the sixth held-out
     * set by a labeller who read only the labelling guide, never the rules, code or other item files. Measured twice
     * while held out (summary lines only), with the rules before and after the seventh tuning, with the same figures
     * both times: type 0.953, trials 0.904 / 0.831, drugs 1 / 1, every notice's kind, 14 of 15 DOIs or PMIDs, stories
     * F1 0.708 (precision 0.651, recall 0.775); retired as held out and tuned on since 2026-12-07. Its stories were
     * joined too eagerly: a congress preview naming two trials bridged their readouts, a cost model and two analyses
     * of one trial joined its readout, "HER2-ultralow" counted as two shared words and notices shared their formula.
     * Since the eighth tuning it reaches trials 0.913 / 0.853, every notice's DOI or PMID read and stories F1 0.877
     * (precision 0.973, recall 0.798): under the goals for trials and stories (most trials it misses are named outside
     * the catalogue in forms no rule reads, or only implied). Since the thirteenth tuning (a congress preview reports
     * on none of the trials it names) trial precision is 0.943; since the fifteenth (a series' trials listed by
     * number, more places names stand, trials pending; lay news naming a readout's whole regimen and site) trials
     * 0.961 / 0.904 and stories F1 0.923; since the seventeenth (more background wordings) trial precision 0.976.
     * These floors, just under what it reaches, hold it there.
     */
    private static final Path TUNING_8 = Path.of("src/test/resources/evidence/evidence-tuning-8.yml");

    private static final Floors TUNING_8_FLOORS = new Floors(0.97, 0.91, 0.92);

    /**
     * The ninth tuning set (h7-001…, 240 items, 42 stories, 20 notices): written on 2026-12-07 as the seventh held-out
     * set by a labeller who read only the labelling guide, never the rules, code or other item files. Measured twice
     * while held out (summary lines only), with the rules before and after the eighth tuning: type 0.913, trials
     * 0.934 / 0.841 then 0.934 / 0.848, drugs 0.998 / 1, every notice's kind, 13 of 15 DOIs or PMIDs, one notice seen
     * where none is labelled, stories F1 0.707 (precision 0.649) then 0.767 (precision 0.757); retired as held out and
     * tuned on since 2026-12-07. Since the ninth tuning ("PubMed ID" read as a PMID, names retyped in mixed case, with
     * a space or after a foreign word for a trial, an advisory opinion told apart from the decision it leads to) it
     * reaches every notice's DOI or PMID, none seen where none is labelled, trials 0.965 / 0.921 and stories F1 0.904
     * (precision 0.979, recall 0.839): trial recall just under its goal (trials only implied by lay news the catalogue
     * does not describe). Since the seventeenth tuning trial precision is 0.979. These floors, just under what it
     * reaches (the goal for stories), hold it there.
     */
    private static final Path TUNING_9 = Path.of("src/test/resources/evidence/evidence-tuning-9.yml");

    private static final Floors TUNING_9_FLOORS = new Floors(0.98, 0.92, EvidenceEvaluation.STORY_F1_GOAL);

    /**
     * The tenth tuning set (h8-001…, 240 items, 41 stories, 20 notices): written on 2026-12-07 as the eighth held-out
     * set by a labeller who read only the labelling guide, never the rules, code or other item files. Measured twice
     * while held out (summary lines only), with the rules before and after the ninth tuning: type 0.921, trials 0.941 /
     * 0.921 then 0.934 / 0.921, drugs 1 / 1, every notice's kind and title, 14 then 15 of 15 DOIs or PMIDs, none seen
     * where none is labelled, stories F1 0.766 (precision 0.755, recall 0.778) then 0.773 (0.789 / 0.758); retired as
     * held out and tuned on since 2026-12-07. Since the tenth tuning (an indication's setting, a report's tumour site,
     * a journal named with its joining words, a decision's maker in lay news, names shortened, in title case or before
     * a design, pending trials as background) it reaches trials 0.964 / 0.957 and stories F1 0.950 (precision 0.932,
     * recall 0.970): every goal; since the thirteenth tuning trial precision is 0.993 (a congress preview reports on
     * none of the trials it names). These floors, just under what it reaches, hold it there.
     */
    private static final Path TUNING_10 = Path.of("src/test/resources/evidence/evidence-tuning-10.yml");

    private static final Floors TUNING_10_FLOORS = new Floors(0.99, 0.95, 0.95);

    /**
     * The eleventh tuning set (h9-001…, 240 items, 43 stories, 16 notices): written on 2026-12-07 as the ninth held-out
     * set by a labeller who read only the labelling guide, never the rules, code or other item files. Measured twice
     * while held out (summary lines only), with the rules before and after the tenth tuning: type 0.929, trials 0.906 /
     * 0.926 then 0.907 / 0.934, drugs 1 / 1, every notice's kind, 10 of 12 DOIs or PMIDs, stories F1 0.845 both times;
     * retired as held out and tuned on since 2026-12-07. Since the eleventh tuning (identifiers among a notice's
     * keywords, a journal's article type before its title's trial words, a patient's first-person title, names in
     * mixed case with one capital or a number after the hyphen, background trials measured against, stood beside or
     * expected, coverage naming its trial kept from papers naming none) it reaches type 0.983, every notice's DOI or
     * PMID, trials 0.964 / 0.978 and stories F1 0.970 (precision 0.990, recall 0.951): every goal; trial precision
     * 0.978 since the thirteenth tuning. These floors, just under what it reaches, hold it there.
     */
    private static final Path TUNING_11 = Path.of("src/test/resources/evidence/evidence-tuning-11.yml");

    private static final Floors TUNING_11_FLOORS = new Floors(0.97, 0.97, 0.96);

    /**
     * The twelfth tuning set (h10-001…, 240 items, 41 stories, 16 notices): written on 2026-12-07 as the tenth
     * held-out set by a labeller who read only the labelling guide. Measured twice while held out (summary lines
     * only), with the rules before and after the eleventh tuning: type 0.929 then 0.933, trials 0.878 / 0.852 then
     * 0.891 / 0.852, DOI or PMID 9 then 10 of 10, stories F1 0.662 both times; retired as held out on 2026-12-07 and
     * tuned on since (the twelfth tuning: trials 0.928 / 0.859, stories F1 0.706; the thirteenth: trials 0.952 /
     * 0.889, stories F1 0.755; the fifteenth: trials 0.984 / 0.904; the seventeenth: trials 0.992 / 0.911, stories F1
     * 0.785), still below
     * the goals for trial recall and stories; these floors are just under what it reaches.
     */
    private static final Path TUNING_12 = Path.of("src/test/resources/evidence/evidence-tuning-12.yml");

    private static final Floors TUNING_12_FLOORS = new Floors(0.99, 0.91, 0.78, 0, 1, 0, 0.97);

    /**
     * The thirteenth tuning set (h11-001…, 240 items, 40 stories, 16 notices): written on 2026-12-07 as the eleventh
     * held-out set by a labeller who read only the labelling guide. Measured twice while held out (summary lines
     * only), with the rules of the eleventh and of the twelfth tuning: the same figures both times (type 0.921, trials
     * 0.881 / 0.915, 11 of 12 DOIs or PMIDs, stories F1 0.756); retired as held out on 2026-12-07 and tuned on since
     * (the thirteenth tuning: trials 0.960 / 0.930, every notice's DOI or PMID read, stories F1 0.843), still below
     * the goals for trial recall and stories; these floors are just under what it reaches. Since the eighteenth tuning
     * (a regulator's feed is the regulator named first in it) stories F1 0.862.
     */
    private static final Path TUNING_13 = Path.of("src/test/resources/evidence/evidence-tuning-13.yml");

    private static final Floors TUNING_13_FLOORS = new Floors(0.97, 0.93, 0.86, 0, 0, 0, 0.97);

    /**
     * The fourteenth tuning set (h12-001…, 240 items, 28 stories, 16 notices): written on 2026-12-07 as the twelfth
     * held-out set by a labeller who read only the labelling guide. Measured twice while held out (summary lines
     * only), with the rules of the twelfth and of the thirteenth tuning: trials 0.912 / 0.919 then 0.927 / 0.927, the
     * rest the same both times (type 0.913, 11 of 12 DOIs or PMIDs, 15 of 16 notices with their kind, stories F1
     * 0.811); retired as held out on 2026-12-07 and tuned on since (the fourteenth tuning: news telling who retracts
     * a paper, reviews, guidelines, laboratory papers and cases without their usual title words, NICE's final draft
     * guidance as a decision, an endpoint's initials no trial's name), reaching type 0.971, trials 0.935 / 0.927,
     * every notice's kind and DOI or PMID, stories F1 0.822; since the fifteenth (trials listed by number, more
     * places names stand; lay news naming a readout's whole regimen and site reports the readout of those days)
     * trials 0.944 / 0.960 and stories F1 0.855; since the seventeenth (more places names stand; news naming a maker
     * and its drug joins the drug's one readout of those days) trials 0.960 / 0.960 and stories F1 0.904. These
     * floors, just under what it reaches, hold it there.
     */
    private static final Path TUNING_14 = Path.of("src/test/resources/evidence/evidence-tuning-14.yml");

    private static final Floors TUNING_14_FLOORS = new Floors(0.95, 0.95, 0.90);

    /**
     * The fifteenth tuning set (h13-001…, 240 items, 28 stories, 16 notices): written on 2026-12-07 as the thirteenth
     * held-out set by a labeller who read only the labelling guide. Measured twice while held out (summary lines
     * only), with the rules of the thirteenth and of the fourteenth tuning: type 0.963 then 0.967, the rest the same
     * both times (trials 0.947 / 0.947, stories F1 0.873, every notice recognised with its kind and its DOI or PMID
     * read); retired as held out on 2026-12-07 when the fourteenth was written. These floors, just under what it
     * reached while held out, keep tuning on it from losing what unseen rules already gave. The sixteenth tuning
     * (tuned on it) raised trials to 0.992 / 0.970 (recall 0.9697): the trial floors follow, rounded down. The
     * eighteenth (a model built on trials is another analysis) raised stories F1 to 0.943.
     */
    private static final Path TUNING_15 = Path.of("src/test/resources/evidence/evidence-tuning-15.yml");

    private static final Floors TUNING_15_FLOORS = new Floors(0.99, 0.96, 0.94, 0, 0, 0);

    /**
     * The sixteenth tuning set (h14-001…, 240 items, 28 stories, 16 notices): written on 2026-12-07 as the fourteenth
     * held-out set by a labeller who read only the labelling guide. Measured twice while held out (summary lines
     * only), with the rules of the fourteenth and of the sixteenth tuning: type 0.929 then 0.933, stories F1 0.806
     * then 0.815, the rest the same both times (trials 0.910 / 0.902, drugs 1 / 1, every notice recognised with its
     * kind and its DOI or PMID read); retired as held out on 2026-12-07. These floors, just under what it reached
     * while held out, keep tuning on it from losing what unseen rules already gave. The seventeenth tuning (tuned on
     * it, trials and types on one branch, stories on another) raised trials to 0.983 / 0.951 and stories F1 to
     * 0.947 (0.942 / 0.855 / 0.897 from stories alone): the floors follow, rounded down.
     */
    private static final Path TUNING_16 = Path.of("src/test/resources/evidence/evidence-tuning-16.yml");

    private static final Floors TUNING_16_FLOORS = new Floors(0.98, 0.95, 0.94, 0, 0, 0, 0.97);

    /**
     * The seventeenth tuning set (h15-001…, 240 items, 28 stories, 16 notices): written on 2026-12-07 as the fifteenth
     * held-out set by a labeller who read only the labelling guide. Measured twice while held out (summary lines
     * only), with the rules of the sixteenth and of the eighteenth tuning: type 0.867 then 0.921, trials 0.911 / 0.925
     * then 0.912 / 0.932, the rest the same both times (drugs 0.997 / 0.988, 14 of 16 notices with their kind, 11 of
     * 13 DOIs or PMIDs read, stories 0.871 / 0.804 / 0.836); retired as held out on 2026-12-08. The nineteenth tuning
     * (tuned on it) reached every notice's kind and DOI or PMID, trials 0.925 / 0.932 and stories F1 0.888: these
     * floors, just under that, hold it there.
     */
    private static final Path TUNING_17 = Path.of("src/test/resources/evidence/evidence-tuning-17.yml");

    private static final Floors TUNING_17_FLOORS = new Floors(0.92, 0.93, 0.88, 0, 0, 0, 0.92);

    /**
     * The held-out set no rule is written for, written by a labeller who read only the labelling guide (the
     * sixteenth, 2026-12-08). Between retiring one held-out set and writing the next, this is empty and the test is
     * skipped.
     */
    private static final Optional<Path> HELD_OUT =
            Optional.of(Path.of("src/test/resources/evidence/evidence-holdout-16.yml"));

    /**
     * What the sixteenth held-out set reached when first measured, with the rules of the eighteenth tuning (type 0.921,
     * trials 0.935 / 0.860, drugs 1 / 1, 14 of 16 notices with their kind, 10 of 13 DOIs or PMIDs read, none taken
     * where none is labelled, stories 0.869 / 0.746 / 0.803), and a second and last time with those of the nineteenth
     * (type 0.925, 15 of 16 notices with their kind, 11 of 13 DOIs or PMIDs, stories 0.883 / 0.746 / 0.809, the rest
     * the same). Trials, notices and stories miss the goals on it, so these floors, just under the second figures,
     * keep later rules from losing them.
     */
    private static final Floors HELD_OUT_FLOORS = new Floors(0.93, 0.85, 0.80, 2, 0, 1, 0.92);

    private static final Floors TUNING_7_FLOORS =
            new Floors(EvidenceEvaluation.EXTRACTION_GOAL, 0.90, 0.85, 0, 0, 0, 0.98);

    private static Tagger tagger;

    /** The labelled items are written as feeds give them; the service tags what its cleaner makes of them. */
    private static final UnaryOperator<String> AS_READ = new ContentCleaner()::plainText;

    @BeforeAll
    static void load() {
        tagger = Tagger.fromFiles(Path.of("config/topics.yml"), Path.of("config/evidence.yml"));
    }

    /** Below these a set misses the goals; a set that misses one keeps the floor beside its reason instead. */
    private static final Floors GOALS = new Floors(
            EvidenceEvaluation.EXTRACTION_GOAL, EvidenceEvaluation.EXTRACTION_GOAL, EvidenceEvaluation.STORY_F1_GOAL);

    /**
     * The least a set must reach for trial precision and recall and for story F1, how many notices' DOI or PMID
     * may go unread, how many items may be taken for a notice that none is labelled, how many notices' kinds may be
     * missed and the least type accuracy (the goal unless a held-out set first measured below it; drugs and the rest
     * of notices: the goals).
     */
    private record Floors(
            double trialPrecision,
            double trialRecall,
            double storyF1,
            int identifiersUnread,
            int noticesSeenUnlabelled,
            int noticeKindsMissed,
            double typeAccuracy) {

        Floors(double trialPrecision, double trialRecall, double storyF1) {
            this(trialPrecision, trialRecall, storyF1, 0, 0);
        }

        Floors(double trialPrecision, double trialRecall, double storyF1, int identifiersUnread, int seenUnlabelled) {
            this(trialPrecision, trialRecall, storyF1, identifiersUnread, seenUnlabelled, 0);
        }

        Floors(
                double trialPrecision,
                double trialRecall,
                double storyF1,
                int identifiersUnread,
                int seenUnlabelled,
                int noticeKindsMissed) {
            this(
                    trialPrecision,
                    trialRecall,
                    storyF1,
                    identifiersUnread,
                    seenUnlabelled,
                    noticeKindsMissed,
                    EvidenceEvaluation.TYPE_ACCURACY_GOAL);
        }
    }

    @Test
    void theSeventhTuningSetKeepsWhatItReaches() {
        assertReaches(EvidenceEvaluation.run(tagger, AS_READ, TUNING_7), TUNING_7_FLOORS);
    }

    @Test
    void theEighthTuningSetKeepsWhatItReaches() {
        assertReaches(EvidenceEvaluation.run(tagger, AS_READ, TUNING_8), TUNING_8_FLOORS);
    }

    @Test
    void theNinthTuningSetKeepsWhatItReaches() {
        assertReaches(EvidenceEvaluation.run(tagger, AS_READ, TUNING_9), TUNING_9_FLOORS);
    }

    @Test
    void theTenthTuningSetMeetsEveryGoal() {
        EvidenceEvaluation tuning10 = EvidenceEvaluation.run(tagger, AS_READ, TUNING_10);
        assertReaches(tuning10, TUNING_10_FLOORS);
        assertThat(tuning10.meetsGoals()).isTrue();
    }

    @Test
    void theEleventhTuningSetMeetsEveryGoal() {
        EvidenceEvaluation tuning11 = EvidenceEvaluation.run(tagger, AS_READ, TUNING_11);
        assertReaches(tuning11, TUNING_11_FLOORS);
        assertThat(tuning11.meetsGoals()).isTrue();
    }

    @Test
    void theTwelfthTuningSetKeepsWhatItReachedWhileHeldOut() {
        assertReaches(EvidenceEvaluation.run(tagger, AS_READ, TUNING_12), TUNING_12_FLOORS);
    }

    @Test
    void theThirteenthTuningSetKeepsWhatItReachedWhileHeldOut() {
        assertReaches(EvidenceEvaluation.run(tagger, AS_READ, TUNING_13), TUNING_13_FLOORS);
    }

    @Test
    void theFourteenthTuningSetKeepsWhatItReachedWhileHeldOut() {
        assertReaches(EvidenceEvaluation.run(tagger, AS_READ, TUNING_14), TUNING_14_FLOORS);
    }

    @Test
    void theFifteenthTuningSetKeepsWhatItReachedWhileHeldOut() {
        assertReaches(EvidenceEvaluation.run(tagger, AS_READ, TUNING_15), TUNING_15_FLOORS);
    }

    @Test
    void theSixteenthTuningSetKeepsWhatItReachedWhileHeldOut() {
        assertReaches(EvidenceEvaluation.run(tagger, AS_READ, TUNING_16), TUNING_16_FLOORS);
    }

    @Test
    void theSeventeenthTuningSetKeepsWhatItReachedWhileHeldOut() {
        assertReaches(EvidenceEvaluation.run(tagger, AS_READ, TUNING_17), TUNING_17_FLOORS);
    }

    @Test
    void theHeldOutSetKeepsWhatItReachesOnTextNoRuleWasWrittenFor() {
        assumeTrue(HELD_OUT.isPresent(), "no held-out set is written yet");
        assertReaches(EvidenceEvaluation.run(tagger, AS_READ, HELD_OUT.orElseThrow()), HELD_OUT_FLOORS);
    }

    @Test
    void theSixthTuningSetMeetsEveryGoal() {
        EvidenceEvaluation tuning6 = EvidenceEvaluation.run(tagger, AS_READ, TUNING_6);
        assertReaches(tuning6, GOALS);
        assertThat(tuning6.meetsGoals()).isTrue();
    }

    @Test
    void theFifthTuningSetMeetsEveryGoal() {
        EvidenceEvaluation tuning5 = EvidenceEvaluation.run(tagger, AS_READ, TUNING_5);
        assertReaches(tuning5, GOALS);
        assertThat(tuning5.meetsGoals()).isTrue();
    }

    @Test
    void theFourthTuningSetMeetsEveryGoal() {
        EvidenceEvaluation tuning4 = EvidenceEvaluation.run(tagger, AS_READ, TUNING_4);
        assertReaches(tuning4, GOALS);
        assertThat(tuning4.meetsGoals()).isTrue();
    }

    @Test
    void theThirdTuningSetMeetsEveryGoal() {
        // Measured twice while held out: trials 0.909 / 0.909, stories F1 0.697. Its two trials only implied (h005,
        // h095) are read from DESTINY-Breast05's implied-by; its extra ones are an ISRCTN id outside the labels'
        // vocabulary and a trial a guideline names as the basis of a recommendation without results.
        EvidenceEvaluation tuning3 = EvidenceEvaluation.run(tagger, AS_READ, TUNING_3);
        assertReaches(tuning3, GOALS);
        assertThat(tuning3.meetsGoals()).isTrue();
    }

    @Test
    void theTuningSetMeetsEveryGoal() {
        EvidenceEvaluation tuning = EvidenceEvaluation.run(tagger, AS_READ, TUNING);
        assertReaches(
                tuning,
                new Floors(TUNING_TRIAL_PRECISION_FLOOR, TUNING_TRIAL_RECALL_FLOOR, EvidenceEvaluation.STORY_F1_GOAL));
        assertThat(tuning.meetsGoals()).isTrue();
    }

    @Test
    void theSupplementaryTuningSetMeetsEveryGoal() {
        // Trial recall was 0.919 while every trial the text only implies (described by drug, comparator, setting and
        // phase, never named: 5 of 62) was missed; 0.984 since the curated trials' implied-by descriptions are read.
        EvidenceEvaluation tuning2 = EvidenceEvaluation.run(tagger, AS_READ, TUNING_2);
        assertReaches(tuning2, GOALS);
        assertThat(tuning2.meetsGoals()).isTrue();
    }

    /** The goals for type, drugs and notices, and the given floors for trials and stories. */
    private static void assertReaches(EvidenceEvaluation set, Floors floors) {
        assertThat(set.typeAccuracy()).as("type accuracy").isGreaterThanOrEqualTo(floors.typeAccuracy());
        assertThat(set.drugs().precision())
                .as("drug precision")
                .isGreaterThanOrEqualTo(EvidenceEvaluation.EXTRACTION_GOAL);
        assertThat(set.drugs().recall()).as("drug recall").isGreaterThanOrEqualTo(EvidenceEvaluation.EXTRACTION_GOAL);
        assertThat(set.trials().precision()).as("trial precision").isGreaterThanOrEqualTo(floors.trialPrecision());
        assertThat(set.trials().recall()).as("trial recall").isGreaterThanOrEqualTo(floors.trialRecall());
        assertThat(set.notices().labelled()).as("the set labels notices").isPositive();
        assertThat(set.notices().kindRight())
                .as("notices recognised with their kind (the goal: all; missed at most " + floors.noticeKindsMissed()
                        + ")")
                .isGreaterThanOrEqualTo(set.notices().labelled() - floors.noticeKindsMissed());
        assertThat(set.notices().identifierRead())
                .as("notices naming their article by DOI or PMID that are read, so the store links them (the goal: all;"
                        + " unread at most " + floors.identifiersUnread() + ")")
                .isGreaterThanOrEqualTo(set.notices().byIdentifier() - floors.identifiersUnread());
        assertThat(set.notices().unlabelledSeen())
                .as("items taken for a notice where none is labelled")
                .isLessThanOrEqualTo(floors.noticesSeenUnlabelled());
        assertThat(set.stories().labelled()).as("the set labels stories").isPositive();
        assertThat(set.stories().f1()).as("pairwise story grouping F1").isGreaterThanOrEqualTo(floors.storyF1());
    }

    @Test
    void theCommandPrintsTheFiguresAndEveryDisagreementAndSucceedsWhenTheGoalsAreMet() {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        int status = EvidenceEvaluationCommand.run(
                Path.of("config/topics.yml"),
                Path.of("config/evidence.yml"),
                Path.of("config/stories.yml"),
                AS_READ,
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

    /**
     * A notice that quotes its article's title with other punctuation ("NAME - Phase II" for "NAME: Phase II") is
     * linked by the store, which compares title keys: the evaluation counts it read for the same reason, and a notice
     * quoting another title as unread.
     */
    @Test
    void aNoticeTitleCountsAsReadWhenTheStoreWouldLinkIt(@TempDir Path dir) throws Exception {
        String article = "PELICAN-7: Phase II study of a HER2 conjugate in salivary gland carcinoma";
        Path set = dir.resolve("set.yml");
        Files.writeString(set, """
                items:
                - id: "x-1"
                  source: {id: "congress", kind: "journal"}
                  title: "ARTICLE"
                  summary: "Among 41 patients with HER2-positive salivary gland carcinoma, the response rate was 48%."
                  categories: ["Meeting Abstract"]
                  link: "https://congress.example/abstracts/1"
                  doi: null
                  pmid: null
                  published: "2026-05-01T10:00:00Z"
                  type: "trial-result"
                  trials: [{id: null, acronym: "PELICAN-7"}]
                  drugs: []
                  story: null
                  notice: null
                  why: "invented"
                - id: "x-2"
                  source: {id: "congress", kind: "journal"}
                  title: "Abstract withdrawn: QUOTED"
                  summary: "The authors withdrew this abstract before the meeting because the data were not final."
                  categories: ["Withdrawn abstract"]
                  link: "https://congress.example/abstracts/1/withdrawn"
                  doi: null
                  pmid: null
                  published: "2026-05-09T10:00:00Z"
                  type: "notice"
                  trials: [{id: null, acronym: "PELICAN-7"}]
                  drugs: []
                  story: null
                  notice: {kind: "withdrawal", concerns: {title: "ARTICLE"}, target: "x-1"}
                  why: "invented"
                """.replace("ARTICLE", article).replace("QUOTED", article.replace(":", " -")));
        assertThat(EvidenceEvaluation.run(tagger, AS_READ, set).notices().titleRead())
                .isEqualTo(1);

        Files.writeString(set, Files.readString(set).replace(" - Phase II", " - Phase III"));
        assertThat(EvidenceEvaluation.run(tagger, AS_READ, set).notices().titleRead())
                .isZero();
    }
}
