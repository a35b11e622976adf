package org.her2feeds.tagging;

import java.util.ArrayList;
import java.util.List;

/**
 * An article's fields normalised and split into tokens once, so that every rule set (topics, types, drugs, trials)
 * reads the same tokens instead of tokenising the text again. A blank field has no tokens.
 */
record TokenisedText(List<Token> title, List<Token> summary, List<Token> content, List<List<Token>> categories) {

    static TokenisedText of(TaggableText text) {
        List<List<Token>> categories = new ArrayList<>(text.categories().size());
        for (String category : text.categories()) {
            categories.add(tokens(category));
        }
        return new TokenisedText(tokens(text.title()), tokens(text.summary()), tokens(text.content()), categories);
    }

    private static List<Token> tokens(String text) {
        return text == null || text.isBlank() ? List.of() : Tokeniser.tokenise(TextNormaliser.normalise(text));
    }
}
