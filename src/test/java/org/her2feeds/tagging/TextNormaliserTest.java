package org.her2feeds.tagging;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TextNormaliserTest {

    @ParameterizedTest(name = "U+{0}")
    @ValueSource(
            strings = {"2010", "2011", "2012", "2013", "2014", "2015", "2212", "2043", "FE58", "FE63", "FF0D", "002D"})
    void everyDashAndMinusSignBecomesAHyphenMinus(String codePoint) {
        String dash = Character.toString(Integer.parseInt(codePoint, 16));

        assertThat(TextNormaliser.normalise("HER2" + dash + "low")).isEqualTo("her2-low");
    }

    @ParameterizedTest(name = "U+{0}")
    @ValueSource(strings = {"00A0", "2007", "2009", "200A", "202F", "3000", "0009"})
    void everyKindOfSpaceBecomesASpace(String codePoint) {
        String space = Character.toString(Integer.parseInt(codePoint, 16));

        assertThat(TextNormaliser.normalise("trastuzumab" + space + "deruxtecan"))
                .isEqualTo("trastuzumab deruxtecan");
    }

    @ParameterizedTest(name = "U+{0}")
    @ValueSource(strings = {"207A", "208A", "FE62", "FF0B"})
    void superscriptSmallAndFullwidthPlusBecomePlus(String codePoint) {
        String plus = Character.toString(Integer.parseInt(codePoint, 16));

        assertThat(TextNormaliser.normalise("HER2" + plus)).isEqualTo("her2+");
    }

    @Test
    void fullwidthLettersAndSuperscriptDigitsFoldToAscii() {
        assertThat(TextNormaliser.normalise("ＨＥＲ２-positive")).isEqualTo("her2-positive");
        assertThat(TextNormaliser.normalise("HER²")).isEqualTo("her2");
    }

    @Test
    void softHyphensAndZeroWidthCharactersDisappear() {
        assertThat(TextNormaliser.normalise("Tras\u00ADtuzumab")).isEqualTo("trastuzumab");
        assertThat(TextNormaliser.normalise("HER\u200B2")).isEqualTo("her2");
    }

    @Test
    void lowerCasesWithoutLocaleSurprises() {
        assertThat(TextNormaliser.normalise("TUCATINIB IN HER2CLIMB")).isEqualTo("tucatinib in her2climb");
    }

    @Test
    void lowerCasesTextBeyondAsciiAsStringDoes() {
        // Greek's final sigma depends on its neighbours, the dotted capital I lower-cases to two characters.
        String text = "ΟΔΥΣΣΕΥΣ Στο İstanbul: HER2–LOW Ärzte\u00ADBERICHT";

        assertThat(TextNormaliser.normalise(text)).isEqualTo("οδυσσευς στο i\u0307stanbul: her2-low ärztebericht");
    }
}
