package org.her2feeds.tagging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The one-pass key gives what the story rules' regex gave, character for character: stored profiles (title and text
 * keys) and every rule phrase compared through it stay the same.
 */
class TextKeyTest {

    private static final Pattern NOT_KEY = Pattern.compile("(?:[^a-z0-9.]|\\.(?![0-9]))+");

    private static String byRegex(String text) {
        return NOT_KEY.matcher(text.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
    }

    @Test
    void everyCharacterIsKeptOrMadeASpaceAsByTheRegex() {
        for (char c = 0; c < Character.MAX_VALUE; c++) {
            for (String text : new String[] {
                "" + c, "Ab" + c + "Cd", c + "x." + c + "1 ", "v" + c + ".5" + c, "." + c + "9." + c + "." + c
            }) {
                assertThat(TextKey.of(text)).as("U+%04X in %s", (int) c, text).isEqualTo(byRegex(text));
            }
        }
    }

    @Test
    void textsAndTheirHeadsAreAsByTheRegex() {
        String alphabet = "aZ09.. -,;:()\n\tİıKΣσςß\u0307é日\uD83D\uDE00";
        Random random = new Random(12);
        for (int round = 0; round < 20_000; round++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(40);
            for (int i = 0; i < length; i++) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String expected = byRegex(text.toString());
            assertThat(TextKey.of(text.toString())).as(text.toString()).isEqualTo(expected);
            int head = random.nextInt(30);
            assertThat(TextKey.head(text.toString(), head))
                    .as("%d of %s", head, text)
                    .isEqualTo(expected.length() > head ? expected.substring(0, head) : expected);
        }
    }

    @Test
    void aTitleBecomesWordsAndNumbersSeparatedBySpaces() {
        assertThat(TextKey.of("  T-DXd: HR 0.64 (95% CI, 0.47-0.87) in DESTINY-Breast09... "))
                .isEqualTo("t dxd hr 0.64 95 ci 0.47 0.87 in destiny breast09");
    }
}
