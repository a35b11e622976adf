package org.her2feeds.tagging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class MatchStartsTest {

    private static final List<String> PATTERNS = List.of(
            "(?<![\\w-])((?:[A-Z][a-z]{1,3})?[A-Z]{4,}(?:-[A-Z0-9]+)*)(?![\\w-])",
            "\\b(?:[Tt]rial|[Ss]tudy),?\\s+([A-Z]{4,})",
            "\\b(?i:results|data)\\s+(?:from|of)\\s+(?:the\\s+)?([A-Z]{4,})",
            "(?:(?i)ab|cd)e",
            "[(\\[]\\s*([A-Z]+)\\s*[)\\]]",
            "^\\s*(?:NCT\\d{2}\\s*:?\\s*)?([A-Z]{4,})\\s*:",
            "(?i:nct)[\\s\\u00a0-]?\\d{3}",
            "x*",
            "(?<![a-z])[XE]\\w|(?<![A-Z\\d])[YE]|(?<![\\w-])Q",
            "(?<![\\w-])[A-Z]{2}|\\bcd",
            "(?i)pre|Post",
            "a?b?",
            "(?<!\\p{L})(?i:essai|estudio)\\s+([A-Z]\\w+)",
            "[^a-z]{2}q",
            "\\Qa.b\\E|c\\.d",
            "[^a-c:]{2}x|(?i)[^q]E",
            "\\S+\\s[A-Z]|\\D\\W",
            "[^:\\s]\\s*:[^:]{0,5}?d",
            "(?<![\\w-])([A-Z]{2,}\\s[A-Z])(?=\\s*[:,]\\s|\\s+(?:phase\\s+\\S+\\s+)?(?:trial|data)\\b)");

    @Test
    void findsWhatMatcherFindsInRandomText() {
        SplittableRandom random = new SplittableRandom(7);
        String alphabet = "aAbBcCdDeEqQxXnNtTsS PrE post ESSAI estudio Trial study phase, "
                + "RESULTS data from the (NCT0\u00a01[2]):-_é";
        for (String source : PATTERNS) {
            Pattern pattern = Pattern.compile(source);
            MatchStarts starts = MatchStarts.of(pattern);
            for (int n = 0; n < 2_000; n++) {
                StringBuilder text = new StringBuilder();
                int length = random.nextInt(40);
                while (text.length() < length) {
                    int at = random.nextInt(alphabet.length());
                    text.append(alphabet, at, Math.min(alphabet.length(), at + 1 + random.nextInt(8)));
                }
                assertThat(found(starts, text.toString()))
                        .as("%s in \"%s\"", source, text)
                        .isEqualTo(foundByMatcher(pattern, text.toString()));
            }
        }
    }

    @Test
    void triesOnlyWhereAMatchCanStart() {
        assertThat(MatchStarts.of(Pattern.compile(PATTERNS.get(0))).narrowed()).isTrue();
        assertThat(MatchStarts.of(Pattern.compile(PATTERNS.get(1))).narrowed()).isTrue();
        assertThat(MatchStarts.of(Pattern.compile("(?i)x|y")).narrowed()).isTrue();
    }

    @Test
    void searchesEverywhereWhatItCannotRead() {
        // Empty at its start, a Unicode property, any character, a flag given to compile.
        for (String source : List.of("a?b?", "\\p{Lu}+", ".x")) {
            assertThat(MatchStarts.of(Pattern.compile(source)).narrowed())
                    .as(source)
                    .isFalse();
        }
        assertThat(MatchStarts.of(Pattern.compile("ab", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE))
                        .narrowed())
                .isFalse();
    }

    @Test
    void readsNegatedClassesAndComplementEscapes() {
        // The name pattern written with a space and a letter ("ORCHID B") holds "\\S" after its start.
        for (String source : List.of("[^a]b", "\\S+x", "[A-Z]{4}\\s[A-Z](?=\\s+\\S+\\s+data)")) {
            assertThat(MatchStarts.of(Pattern.compile(source)).narrowed())
                    .as(source)
                    .isTrue();
        }
        assertThat(found(MatchStarts.of(Pattern.compile("[^a]b")), "abbxéb")).containsExactly("bb@1", "éb@4");
    }

    @Test
    void readsCaseIgnoredByAFlagGivenToCompile() {
        MatchStarts starts = MatchStarts.of(Pattern.compile("ab", Pattern.CASE_INSENSITIVE));

        assertThat(starts.narrowed()).isTrue();
        assertThat(found(starts, "x Ab aB")).containsExactly("Ab@2", "aB@5");
    }

    @Test
    void anInlineFlagHoldsAcrossTheAlternativesOfItsGroup() {
        MatchStarts starts = MatchStarts.of(Pattern.compile("(?:(?i)ab|cd)e"));

        assertThat(found(starts, "x CDe ABe")).containsExactly("CDe@2", "ABe@6");
    }

    @Test
    void searchesFromAGivenStartAsMatcherDoes() {
        MatchStarts.Search search = MatchStarts.of(Pattern.compile("[A-Z]{2}")).search("AB CD EF");

        assertThat(search.find(1)).isTrue();
        assertThat(search.matcher().group()).isEqualTo("CD");
        assertThat(search.find()).isTrue();
        assertThat(search.matcher().group()).isEqualTo("EF");
        assertThat(search.find()).isFalse();
    }

    private static List<String> found(MatchStarts starts, String text) {
        List<String> found = new ArrayList<>();
        MatchStarts.Search search = starts.search(text);
        while (search.find()) {
            found.add(search.matcher().group() + "@" + search.matcher().start());
        }
        return found;
    }

    private static List<String> foundByMatcher(Pattern pattern, String text) {
        List<String> found = new ArrayList<>();
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            found.add(matcher.group() + "@" + matcher.start());
        }
        return found;
    }
}
