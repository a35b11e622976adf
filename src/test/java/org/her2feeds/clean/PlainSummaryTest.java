package org.her2feeds.clean;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * A summary with no '<' and no '&' skips jsoup; this holds the shortcut to exactly what the parse gives, on
 * hand-picked edge cases and on seeded random text over an alphabet of awkward characters.
 */
class PlainSummaryTest {

    private final ContentCleaner cleaner = new ContentCleaner();

    @Test
    void theShortcutGivesWhatTheParseGives() {
        List<String> cases = List.of(
                "HER2-positive breast cancer",
                "  leading and trailing  ",
                "p > 0.05 and \"quoted\" 'text'",
                "non\u00A0breaking\u00A0space",
                "\u00A0",
                "tabs\tand\r\nbreaks\fand\u000Bvertical",
                "controls\u0001\u0000\u007F\u0085 gone",
                "bom\uFEFF inside",
                "emoji \uD83E\uDDEC and lone \uD800 surrogate",
                "noncharacter \uFFFE \uFDD0 x",
                "ideographic\u3000space and\u2028line separator",
                "word ".repeat(150),
                "x".repeat(700));
        for (String text : cases) {
            assertThat(cleaner.summary(text, null)).as(text).isEqualTo(cleaner.parsedSummary(text, null));
        }
    }

    @Test
    void randomTextAgrees() {
        String alphabet = "ab Z09.,;:-–>\"'\t\n\r\u00A0\u2009\u3000\u0001\u0000\u0085\uFEFF\uFFFE\u00E9\u03B1";
        SplittableRandom random = new SplittableRandom(12);
        for (int i = 0; i < 2000; i++) {
            StringBuilder text = new StringBuilder();
            int length = 1 + random.nextInt(i % 10 == 0 ? 800 : 40);
            for (int j = 0; j < length; j++) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            if (text.toString().isBlank()) {
                continue;
            }
            assertThat(cleaner.summary(text.toString(), null))
                    .as(
                            "%s",
                            text.toString()
                                    .codePoints()
                                    .mapToObj(Integer::toHexString)
                                    .toList())
                    .isEqualTo(cleaner.parsedSummary(text.toString(), null));
        }
    }
}
