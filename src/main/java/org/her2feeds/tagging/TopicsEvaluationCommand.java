package org.her2feeds.tagging;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The evaluation report as a command ({@code --evaluate-topics=<set> [--her2.topics-file=...]}): prints the
 * precision/recall table, every misclassified article, every decision with its evidence (the terms that made it
 * and the mentions discounted as negative descriptors) and a rough throughput figure.
 */
public final class TopicsEvaluationCommand {

    private static final int WARM_UP_PASSES = 30;
    private static final int THROUGHPUT_PASSES = 100;

    private TopicsEvaluationCommand() {}

    /** @return 0 when the thresholds are met, 1 when they are not or the inputs cannot be read */
    public static int run(Path topicsFile, Path evaluationSet, PrintStream out) {
        try {
            Tagger tagger = Tagger.fromFile(topicsFile);
            TopicsEvaluation evaluation = TopicsEvaluation.run(tagger, evaluationSet);
            out.printf(Locale.ROOT, "Rules: %s (fingerprint %s)%n", topicsFile, tagger.rulesFingerprint());
            evaluation.printReport(out);
            out.println();
            evaluation.printDecisions(out);
            evaluation.measureThroughput(WARM_UP_PASSES);
            out.printf(
                    Locale.ROOT,
                    "Throughput: about %.0f articles/s (tag() on this set, %d passes after warm-up, one thread)%n",
                    evaluation.measureThroughput(THROUGHPUT_PASSES),
                    THROUGHPUT_PASSES);
            return evaluation.meetsThresholds() ? 0 : 1;
        } catch (TopicRulesException | IllegalArgumentException e) {
            out.println("error: " + e.getMessage());
            return 1;
        }
    }
}
