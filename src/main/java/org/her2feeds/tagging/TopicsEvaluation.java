package org.her2feeds.tagging;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Measures a {@link Tagger} against a labelled evaluation set: relevance precision and recall over all
 * articles, and per-topic precision, recall and F1 (plus micro-averaged F1) over the articles labelled
 * relevant. Used by the evaluation test and by the {@code --evaluate-topics} command.
 */
final class TopicsEvaluation {

    public static final double MIN_RELEVANCE_PRECISION = 0.97;
    public static final double MIN_RELEVANCE_RECALL = 0.97;
    public static final double MIN_TOPIC_MICRO_F1 = 0.90;

    /** Counts of true positives, false positives and false negatives. */
    public record Scores(int truePositives, int falsePositives, int falseNegatives) {

        public double precision() {
            return ratio(truePositives, truePositives + falsePositives);
        }

        public double recall() {
            return ratio(truePositives, truePositives + falseNegatives);
        }

        public double f1() {
            double p = precision();
            double r = recall();
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }

        Scores plus(Scores other) {
            return new Scores(
                    truePositives + other.truePositives,
                    falsePositives + other.falsePositives,
                    falseNegatives + other.falseNegatives);
        }

        private static double ratio(int numerator, int denominator) {
            return denominator == 0 ? 1.0 : (double) numerator / denominator;
        }
    }

    private record Outcome(LabelledArticle article, TaggingResult result) {

        Set<String> gotTopics() {
            return result.topics().stream().map(TopicTag::slug).collect(Collectors.toCollection(TreeSet::new));
        }

        boolean relevanceWrong() {
            return article.relevant() != result.relevant();
        }

        boolean topicsWrong() {
            return article.relevant() && !gotTopics().equals(new TreeSet<>(article.topics()));
        }
    }

    private final Tagger tagger;
    private final List<Outcome> outcomes;
    private final Scores relevance;
    private final Map<String, Scores> topicScores;
    private final Scores micro;

    private TopicsEvaluation(Tagger tagger, List<LabelledArticle> articles) {
        this.tagger = tagger;
        this.outcomes =
                articles.stream().map(a -> new Outcome(a, tagger.tag(a.text()))).toList();
        this.relevance = count(outcomes.stream()
                .map(o -> new boolean[] {o.article().relevant(), o.result().relevant()})
                .toList());
        this.topicScores = new LinkedHashMap<>();
        Scores total = new Scores(0, 0, 0);
        for (TopicDefinition topic : tagger.topics()) {
            Scores scores = count(outcomes.stream()
                    .filter(o -> o.article().relevant())
                    .map(o -> new boolean[] {
                        o.article().topics().contains(topic.slug()),
                        o.gotTopics().contains(topic.slug())
                    })
                    .toList());
            topicScores.put(topic.slug(), scores);
            total = total.plus(scores);
        }
        this.micro = total;
    }

    /**
     * Tags every article of the set.
     *
     * @throws IllegalArgumentException if the set cannot be read or names a topic the rules do not define
     */
    public static TopicsEvaluation run(Tagger tagger, Path evaluationSet) {
        Set<String> slugs = tagger.topics().stream().map(TopicDefinition::slug).collect(Collectors.toSet());
        return new TopicsEvaluation(tagger, EvaluationSetReader.read(evaluationSet, slugs));
    }

    public int articleCount() {
        return outcomes.size();
    }

    public int relevantArticleCount() {
        return (int) outcomes.stream().filter(o -> o.article().relevant()).count();
    }

    public Scores relevance() {
        return relevance;
    }

    /** Per topic, in rules-file order, over the articles labelled relevant. */
    public Map<String, Scores> topicScores() {
        return Map.copyOf(topicScores);
    }

    public Scores topicsMicro() {
        return micro;
    }

    /** The thresholds that are not met, in words; empty when all are. */
    public List<String> failedThresholds() {
        List<String> failed = new ArrayList<>();
        check(failed, "relevance precision", relevance.precision(), MIN_RELEVANCE_PRECISION);
        check(failed, "relevance recall", relevance.recall(), MIN_RELEVANCE_RECALL);
        check(failed, "topic micro-F1", micro.f1(), MIN_TOPIC_MICRO_F1);
        return failed;
    }

    public boolean meetsThresholds() {
        return failedThresholds().isEmpty();
    }

    /** Tags the whole set {@code passes} times and returns articles per second (a rough figure, not a benchmark). */
    public double measureThroughput(int passes) {
        List<TaggableText> texts =
                outcomes.stream().map(o -> o.article().text()).toList();
        long started = System.nanoTime();
        int tagged = 0;
        for (int pass = 0; pass < passes; pass++) {
            for (TaggableText text : texts) {
                tagger.tag(text);
                tagged++;
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        return tagged / Math.max(seconds, 1e-9);
    }

    public void printReport(PrintStream out) {
        out.printf(
                Locale.ROOT,
                "Evaluation set: %d articles, %d labelled relevant%n",
                articleCount(),
                relevantArticleCount());
        out.printf(
                Locale.ROOT,
                "Relevance: precision %.3f  recall %.3f  F1 %.3f  (TP %d, FP %d, FN %d)%n",
                relevance.precision(),
                relevance.recall(),
                relevance.f1(),
                relevance.truePositives(),
                relevance.falsePositives(),
                relevance.falseNegatives());
        out.println();
        out.printf(
                Locale.ROOT, "%-18s %9s %9s %9s %5s %5s %5s%n", "topic", "precision", "recall", "F1", "TP", "FP", "FN");
        topicScores.forEach((slug, s) -> printRow(out, slug, s));
        printRow(out, "micro", micro);
        out.println();
        List<Outcome> wrong = outcomes.stream()
                .filter(o -> o.relevanceWrong() || o.topicsWrong())
                .toList();
        out.printf(Locale.ROOT, "Misclassified articles: %d%n", wrong.size());
        for (Outcome o : wrong) {
            printMistake(out, o);
        }
        out.println();
        List<String> failed = failedThresholds();
        out.printf(
                Locale.ROOT,
                "Thresholds: relevance precision >= %.2f, recall >= %.2f, topic micro-F1 >= %.2f: %s%n",
                MIN_RELEVANCE_PRECISION,
                MIN_RELEVANCE_RECALL,
                MIN_TOPIC_MICRO_F1,
                failed.isEmpty() ? "met" : "NOT MET (" + String.join("; ", failed) + ")");
    }

    private static void printRow(PrintStream out, String name, Scores s) {
        out.printf(
                Locale.ROOT,
                "%-18s %9.3f %9.3f %9.3f %5d %5d %5d%n",
                name,
                s.precision(),
                s.recall(),
                s.f1(),
                s.truePositives(),
                s.falsePositives(),
                s.falseNegatives());
    }

    private static void printMistake(PrintStream out, Outcome o) {
        LabelledArticle a = o.article();
        out.printf(Locale.ROOT, "- %s: %s%n", a.id(), a.text().title());
        if (o.relevanceWrong()) {
            out.printf(
                    Locale.ROOT,
                    "    relevant: expected %s, got %s; %s%n",
                    a.relevant(),
                    o.result().relevant(),
                    evidence(o.result()));
        }
        if (o.topicsWrong()) {
            Set<String> expected = new TreeSet<>(a.topics());
            Set<String> got = o.gotTopics();
            Set<String> missing = new TreeSet<>(expected);
            missing.removeAll(got);
            Set<String> extra = new TreeSet<>(got);
            extra.removeAll(expected);
            out.printf(Locale.ROOT, "    topics: expected %s, got %s%n", expected, got);
            if (!missing.isEmpty()) {
                out.printf(Locale.ROOT, "    missing %s%n", missing);
            }
            for (String slug : extra) {
                out.printf(
                        Locale.ROOT,
                        "    extra %s from %s%n",
                        slug,
                        o.result().topic(slug).map(t -> describe(t.matched())).orElse("[]"));
            }
        }
        if (!a.why().isBlank()) {
            out.printf(Locale.ROOT, "    label note: %s%n", a.why());
        }
    }

    /** Every decision with its evidence, one line per article: what an operator checks a rules change against. */
    public void printDecisions(PrintStream out) {
        out.printf(Locale.ROOT, "Decisions (id, relevant, evidence):%n");
        for (Outcome o : outcomes) {
            out.printf(
                    Locale.ROOT,
                    "  %s %s %s%n",
                    o.article().id(),
                    o.result().relevant() ? "relevant" : "not-relevant",
                    evidence(o.result()));
        }
    }

    /** The terms that made the decision and the mentions discounted as negative descriptors. */
    static String evidence(TaggingResult result) {
        String matched = "matched " + describe(result.relevanceHits());
        if (result.discounted().isEmpty()) {
            return matched;
        }
        return matched
                + result.discounted().stream()
                        .map(d -> "'" + d.term() + "' (" + d.field() + ", discounted by '" + d.qualifier() + "')")
                        .collect(Collectors.joining(", ", "; discounted [", "]"));
    }

    private static String describe(List<TermHit> hits) {
        return hits.stream()
                .map(h -> "'" + h.term() + "' (" + h.field() + ")")
                .collect(Collectors.joining(", ", "[", "]"));
    }

    private static Scores count(List<boolean[]> expectedAndGot) {
        int tp = 0;
        int fp = 0;
        int fn = 0;
        for (boolean[] pair : expectedAndGot) {
            if (pair[0] && pair[1]) {
                tp++;
            } else if (pair[1]) {
                fp++;
            } else if (pair[0]) {
                fn++;
            }
        }
        return new Scores(tp, fp, fn);
    }

    private static void check(List<String> failed, String name, double value, double minimum) {
        if (value < minimum) {
            failed.add(String.format(Locale.ROOT, "%s %.3f < %.2f", name, value, minimum));
        }
    }
}
