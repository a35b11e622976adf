package org.her2feeds.tagging;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.function.UnaryOperator;

/**
 * The evidence evaluation as a command ({@code --evaluate-evidence=<set> [--her2.evidence-file=...]}): prints type
 * accuracy and trial and drug precision and recall against their goals, and every disagreement with the labels.
 */
public final class EvidenceEvaluationCommand {

    private EvidenceEvaluationCommand() {}

    /**
     * @param asRead what the service makes of a feed's title, summary or category before tagging it (the cleaner's
     *               plain text), so that the set's items are read as the service would read them from a feed
     * @return 0 when the goals are met, 1 when they are not or the inputs cannot be read
     */
    public static int run(
            Path topicsFile,
            Path evidenceFile,
            Path storiesFile,
            UnaryOperator<String> asRead,
            Path evaluationSet,
            PrintStream out) {
        try {
            Tagger tagger = Tagger.fromFiles(topicsFile, evidenceFile);
            EvidenceEvaluation evaluation =
                    EvidenceEvaluation.run(tagger, new StoryLinks(storiesFile), asRead, evaluationSet);
            out.println("Rules: " + evidenceFile + " (fingerprint " + tagger.rulesFingerprint() + ")");
            evaluation.printReport(out);
            out.println();
            evaluation.printMistakes(out);
            return evaluation.meetsGoals() ? 0 : 1;
        } catch (TopicRulesException | IllegalArgumentException e) {
            out.println("error: " + e.getMessage());
            return 1;
        }
    }
}
