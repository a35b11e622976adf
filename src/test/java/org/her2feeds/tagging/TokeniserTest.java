package org.her2feeds.tagging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TokeniserTest {

    private static List<String> texts(String text) {
        return Tokeniser.tokenise(TextNormaliser.normalise(text)).stream()
                .map(Token::text)
                .toList();
    }

    private static List<Join> joins(String text) {
        return Tokeniser.tokenise(TextNormaliser.normalise(text)).stream()
                .map(Token::joinBefore)
                .toList();
    }

    @Test
    void signsWrittenAgainstAWordAreTokensOfTheirOwn() {
        assertThat(texts("HR+/HER2-")).containsExactly("hr", "+", "her2", "-");
        assertThat(joins("HR+/HER2-")).containsExactly(Join.BREAK, Join.NONE, Join.SPACE, Join.NONE);
        assertThat(texts("HR+, HER2\u2212 disease")).containsExactly("hr", "+", "her2", "-", "disease");
    }

    @Test
    void aHyphenBetweenWordsIsATightJoin() {
        assertThat(texts("HER2\u2013low")).containsExactly("her2", "low");
        assertThat(joins("HER2\u2013low")).containsExactly(Join.BREAK, Join.TIGHT);
        assertThat(joins("c-erbB-2")).containsExactly(Join.BREAK, Join.TIGHT, Join.TIGHT);
    }

    @Test
    void aSpacedDashIsASeparatorNotANegativeSign() {
        assertThat(texts("HER2 \u2013 a receptor")).containsExactly("her2", "a", "receptor");
        assertThat(joins("HER2 \u2013 a receptor")).containsExactly(Join.BREAK, Join.SPACE, Join.SPACE);
    }

    @Test
    void clausePunctuationBreaksPhrasesButDecimalPointsDoNot() {
        assertThat(joins("trastuzumab, deruxtecan")).containsExactly(Join.BREAK, Join.BREAK);
        assertThat(joins("at 5.4 mg/kg")).containsExactly(Join.BREAK, Join.SPACE, Join.SPACE, Join.SPACE, Join.SPACE);
        assertThat(joins("HER2/neu (ErbB2)")).containsExactly(Join.BREAK, Join.SPACE, Join.SPACE);
    }

    @Test
    void ordinaryEnglishHer2StaysTwoWords() {
        assertThat(texts("her 2 children")).containsExactly("her", "2", "children");
        assertThat(texts("her 2-year-old")).containsExactly("her", "2", "year", "old");
    }
}
