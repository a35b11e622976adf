package org.her2feeds.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.her2feeds.store.TopicDayCount;
import org.her2feeds.tagging.TopicDefinition;
import org.junit.jupiter.api.Test;

class TopicChartBuilderTest {

    static final LocalDate LAST = LocalDate.of(2026, 11, 29);
    static final List<TopicDefinition> TOPICS = List.of(
            new TopicDefinition("testing", "HER2 testing", ""),
            new TopicDefinition("adc", "Antibody-drug conjugates", ""),
            new TopicDefinition("tki", "Tyrosine kinase inhibitors", ""));

    final TopicChartBuilder builder = new TopicChartBuilder();

    @Test
    void oneLinePerTopicWithArticlesInTheOrderOfTheRulesEachWithAPointPerDay() {
        TopicChart chart = builder.build(
                TOPICS,
                List.of(
                        new TopicDayCount("tki", LAST, 2),
                        new TopicDayCount("testing", LAST.minusDays(29), 1),
                        new TopicDayCount("testing", LAST.minusDays(3), 4)),
                LAST);

        assertThat(chart.series()).extracting(TopicChart.Series::slug).containsExactly("testing", "tki");
        assertThat(chart.series()).extracting(TopicChart.Series::styleClass).containsExactly("series-0", "series-2");
        assertThat(chart.series()).extracting(TopicChart.Series::total).containsExactly(5L, 2L);
        assertThat(chart.series())
                .allSatisfy(s -> assertThat(s.points().split(" ")).hasSize(TopicChartBuilder.DAYS));
        assertThat(chart.from()).isEqualTo("31 October 2026");
        assertThat(chart.to()).isEqualTo("29 November 2026");
        assertThat(chart.description())
                .contains("HER2 testing 5", "Tyrosine kinase inhibitors 2")
                .doesNotContain("Antibody");
    }

    @Test
    void valuesMapOntoThePlotWithTheHighestDayAtTheTopOfTheAxis() {
        TopicChart chart = builder.build(
                TOPICS,
                List.of(new TopicDayCount("testing", LAST, 4), new TopicDayCount("testing", LAST.minusDays(29), 2)),
                LAST);
        TopicChart.Box plot = chart.plot();
        double[][] points = Arrays.stream(chart.series().get(0).points().split(" "))
                .map(p -> Arrays.stream(p.split(","))
                        .mapToDouble(Double::parseDouble)
                        .toArray())
                .toArray(double[][]::new);

        assertThat(points[0][0]).isEqualTo(plot.left());
        assertThat(points[29][0]).isEqualTo(plot.right());
        assertThat(points[29][1]).isEqualTo(plot.top());
        assertThat(points[0][1]).isEqualTo((plot.top() + plot.bottom()) / 2, offset(0.1));
        assertThat(points[10][1]).isEqualTo(plot.bottom());
        assertThat(chart.yTicks()).extracting(TopicChart.Tick::label).containsExactly("0", "1", "2", "3", "4");
        assertThat(chart.series().get(0).markers())
                .extracting(TopicChart.Marker::text)
                .containsExactly(
                        "HER2 testing: 2 articles on 31 October 2026", "HER2 testing: 4 articles on 29 November 2026");
    }

    @Test
    void daysOutsideTheWindowAreIgnoredAndAnEmptyWindowSaysSo() {
        TopicChart chart = builder.build(
                TOPICS,
                List.of(new TopicDayCount("adc", LAST.minusDays(30), 3), new TopicDayCount("adc", LAST.plusDays(1), 3)),
                LAST);

        assertThat(chart.series()).isEmpty();
        assertThat(chart.description()).endsWith("No articles in these days.");
        assertThat(chart.yTicks()).extracting(TopicChart.Tick::label).containsExactly("0", "1");
        assertThat(chart.xTicks())
                .extracting(TopicChart.Tick::label)
                .containsExactly("1 Nov", "8 Nov", "15 Nov", "22 Nov", "29 Nov");
    }

    @Test
    void aTopicTheRulesNoLongerKnowStillGetsALineNamedBySlug() {
        TopicChart chart = builder.build(TOPICS, List.of(new TopicDayCount("retired-topic", LAST, 1)), LAST);

        assertThat(chart.series()).singleElement().satisfies(s -> {
            assertThat(s.label()).isEqualTo("retired-topic");
            assertThat(s.styleClass()).isEqualTo("series-3");
        });
    }

    @Test
    void axisStepsStayRoundAndFewWhateverTheMaximum() {
        assertThat(TopicChartBuilder.step(0)).isEqualTo(1);
        assertThat(TopicChartBuilder.step(4)).isEqualTo(1);
        assertThat(TopicChartBuilder.step(7)).isEqualTo(2);
        assertThat(TopicChartBuilder.step(17)).isEqualTo(5);
        assertThat(TopicChartBuilder.step(35)).isEqualTo(10);
        assertThat(TopicChartBuilder.step(1234)).isEqualTo(500);
    }
}
