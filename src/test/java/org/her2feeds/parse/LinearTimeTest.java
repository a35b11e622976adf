package org.her2feeds.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Identifier and repair code on hostile inputs of a megabyte or more. The bound is generous on purpose (a linear
 * pass over 1 MB takes milliseconds on any machine, however loaded): what it catches is a quadratic algorithm,
 * which on these inputs takes hours, not a slow machine.
 */
class LinearTimeTest {

    private static final int MB = 1 << 20;
    private static final Duration GENEROUS = Duration.ofSeconds(20);

    static Stream<Arguments> hostileInputs() {
        return Stream.of(
                Arguments.of("DOI of closing brackets", (Supplier<String>) () -> "doi:10.1234/x" + ")".repeat(MB)),
                Arguments.of("DOI of closing square brackets", (Supplier<String>) () -> "10.1234/x" + "]".repeat(MB)),
                Arguments.of(
                        "DOI of brackets then a letter", (Supplier<String>) () -> "10.1234/" + ")".repeat(MB) + "x"),
                Arguments.of("many DOI prefixes", (Supplier<String>) () -> "doi:10.1234/ ".repeat(MB / 12)),
                Arguments.of("doi label then spaces", (Supplier<String>)
                        () -> ("doi:" + " ".repeat(1000)).repeat(MB / 1000)),
                Arguments.of("many PMID labels", (Supplier<String>) () -> "PMID: 1 ".repeat(MB / 8)),
                Arguments.of(
                        "percent escapes", (Supplier<String>) () -> "https://doi.org/10.1234/" + "%29".repeat(MB / 3)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileInputs")
    void identifierExtractionIsLinear(String name, Supplier<String> input) {
        String text = input.get();
        assertThat(text.length()).isGreaterThanOrEqualTo(MB - 16);
        ArticleIds.Found found =
                assertTimeoutPreemptively(GENEROUS, () -> ArticleIds.find(List.of(text), List.of(text), text));
        assertThat(found).isNotNull();
        assertTimeoutPreemptively(GENEROUS, () -> ArticleIds.normaliseDoi(text));
    }

    static Stream<Arguments> hostileDocuments() {
        return Stream.of(
                Arguments.of(
                        "many DOCTYPEs", (Supplier<String>) () -> "<rss>" + "<!DOCTYPE x>".repeat(MB / 12) + "[</rss>"),
                Arguments.of("many ampersands", (Supplier<String>) () -> "<rss>" + "&".repeat(MB) + "</rss>"),
                Arguments.of("unterminated references", (Supplier<String>)
                        () -> "<rss>" + "&abcdefgh".repeat(MB / 9) + "</rss>"),
                Arguments.of("unterminated comment", (Supplier<String>) () -> "<rss><!--" + "-".repeat(MB)),
                Arguments.of("many declarations", (Supplier<String>) () -> "<rss>" + "<?xml ".repeat(MB / 6)),
                Arguments.of("many CDATA openers", (Supplier<String>) () -> "<rss>" + "<![CDATA[".repeat(MB / 9)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileDocuments")
    void xmlRepairIsLinear(String name, Supplier<String> input) {
        String text = input.get();
        XmlRepair repair = new XmlRepair(HtmlEntities.load());
        assertTimeoutPreemptively(GENEROUS, () -> {
            try {
                return repair.repair(text);
            } catch (FeedParseException refused) {
                return refused.getMessage();
            }
        });
    }

    /**
     * Issue 14's payload, DOCTYPEs then a '[' far away, at 12 MB: a search for the '[' from every DOCTYPE took
     * 8.7 s at 3.8 MB here, so about 90 s at this size; one pass takes well under a second.
     */
    @org.junit.jupiter.api.Test
    void aBodyOfDoctypesIsRepairedInLinearTime() {
        String text = "<rss>" + "<!DOCTYPE x>".repeat(12 * MB / 12) + "[</rss>";
        XmlRepair repair = new XmlRepair(HtmlEntities.load());
        String repaired = assertTimeoutPreemptively(GENEROUS, () -> repair.repair(text));
        assertThat(repaired).isEqualTo("<rss>[</rss>");
    }
}
