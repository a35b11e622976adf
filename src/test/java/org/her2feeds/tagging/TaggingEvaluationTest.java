package org.her2feeds.tagging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The shipped rules against the labelled set: the quality bar of the issue. */
class TaggingEvaluationTest {

    private static final Path RULES = Path.of("config/topics.yml");
    private static final Path SET = Path.of("src/test/resources/tagging/evaluation-set.yml");

    @Test
    void shippedRulesMeetTheQualityBarOnTheEvaluationSet() {
        TopicsEvaluation evaluation = TopicsEvaluation.run(Tagger.fromFile(RULES), SET);
        evaluation.printReport(System.out);

        assertThat(evaluation.articleCount()).isGreaterThanOrEqualTo(220);
        assertThat(evaluation.relevance().precision())
                .as("relevance precision")
                .isGreaterThanOrEqualTo(TopicsEvaluation.MIN_RELEVANCE_PRECISION);
        assertThat(evaluation.relevance().recall())
                .as("relevance recall")
                .isGreaterThanOrEqualTo(TopicsEvaluation.MIN_RELEVANCE_RECALL);
        assertThat(evaluation.topicsMicro().f1())
                .as("topic micro-F1")
                .isGreaterThanOrEqualTo(TopicsEvaluation.MIN_TOPIC_MICRO_F1);
    }

    @Test
    void commandPrintsTheReportAndReturnsZeroWhenTheBarIsMet() {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        int status = TopicsEvaluationCommand.run(RULES, SET, new PrintStream(buffer, true, StandardCharsets.UTF_8));
        String report = buffer.toString(StandardCharsets.UTF_8);
        System.out.println(report.lines()
                .filter(l -> l.startsWith("Throughput"))
                .findFirst()
                .orElse(""));

        assertThat(status).isZero();
        assertThat(report).contains("Relevance: precision", "micro", "Thresholds:", "met", "Throughput");
        // Every decision is printed with its evidence, including the HER2 mentions discounted as negative.
        assertThat(report)
                .contains("Decisions (id, relevant, evidence):")
                .containsPattern("(?m)^  r001 relevant matched \\[.*'trastuzumab deruxtecan' \\(title\\)")
                .containsPattern("(?m)^  n\\d+ not-relevant matched \\[\\]; discounted \\[.*discounted by '");
    }

    @Test
    void commandReturnsOneWithTheReasonWhenTheRulesCannotBeRead() {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        int status = TopicsEvaluationCommand.run(
                Path.of("no/such/topics.yml"), SET, new PrintStream(buffer, true, StandardCharsets.UTF_8));

        assertThat(status).isEqualTo(1);
        assertThat(buffer.toString(StandardCharsets.UTF_8)).contains("error: no/such/topics.yml: cannot be read");
    }
}
