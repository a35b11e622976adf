package org.her2feeds.tagging;

import java.util.List;
import java.util.Set;

/**
 * When a HER2 marker ("HER2", "ERBB2", not a drug name) that no qualifier cancels still only describes a
 * population rather than naming the article's subject: inside the scope of a negation trigger ("negative for ER,
 * PR and HER2", "HER2-positive tumours were excluded", in the manner of the NegEx algorithm used for clinical
 * text), or as one subtype in a list of others ("luminal A, luminal B and HER2-enriched"). Such a mention is
 * recorded as discounted evidence and never makes an article relevant on its own. Scopes stay within the
 * sentence and stop at a contrast ("but", "whereas"), so "HER2-negative, but HER2-low" still counts.
 *
 * @param negatedAfter  triggers whose scope runs forward: markers after them are descriptors
 * @param negatedBefore triggers whose scope runs backward: markers before them are descriptors
 * @param subtypeList   other subtypes: a marker listed next to one of them (outside the title) is a comparator
 */
record DescriptorContext(
        List<TermPattern> negatedAfter, List<TermPattern> negatedBefore, List<TermPattern> subtypeList) {

    /** Words a negation's scope reaches, as in NegEx's window. */
    static final int SCOPE_TOKENS = 8;
    /** How close a subtype must stand to count as the same list. */
    static final int LIST_TOKENS = 4;

    private static final Set<String> CONTRASTS =
            Set.of("but", "whereas", "while", "although", "though", "however", "except", "unlike", "yet");

    static final DescriptorContext NONE = new DescriptorContext(List.of(), List.of(), List.of());

    DescriptorContext {
        negatedAfter = List.copyOf(negatedAfter);
        negatedBefore = List.copyOf(negatedBefore);
        subtypeList = List.copyOf(subtypeList);
    }

    boolean isEmpty() {
        return negatedAfter.isEmpty() && negatedBefore.isEmpty() && subtypeList.isEmpty();
    }

    /** Why the marker over tokens [start, end) is only a descriptor ("scope of 'negative for'"), or null. */
    String reason(List<Token> tokens, int start, int end, boolean inTitle) {
        int sentence = tokens.get(start).sentence();
        for (int k = start - 1;
                k >= 0 && k >= start - SCOPE_TOKENS && tokens.get(k).sentence() == sentence;
                k--) {
            if (CONTRASTS.contains(tokens.get(k).text())) {
                break;
            }
            TermPattern trigger = endingAt(negatedAfter, tokens, k);
            if (trigger != null) {
                return "in the scope of '" + trigger.source() + "'";
            }
        }
        for (int k = end;
                k < tokens.size() && k < end + SCOPE_TOKENS && tokens.get(k).sentence() == sentence;
                k++) {
            if (CONTRASTS.contains(tokens.get(k).text())) {
                break;
            }
            TermPattern trigger = startingAt(negatedBefore, tokens, k);
            if (trigger != null) {
                return "in the scope of '" + trigger.source() + "'";
            }
        }
        if (inTitle) {
            // A subtype list in a title names what the study compares: HER2 is part of its question.
            return null;
        }
        int from = Math.max(0, start - LIST_TOKENS - 2);
        int to = Math.min(tokens.size(), end + LIST_TOKENS);
        for (int k = from; k < to; k++) {
            if (k >= start && k < end || tokens.get(k).sentence() != sentence) {
                continue;
            }
            TermPattern mate = startingAt(subtypeList, tokens, k);
            if (mate != null && (k + mate.length() <= start || k >= end)) {
                return "listed with '" + mate.source() + "'";
            }
        }
        return null;
    }

    private static TermPattern startingAt(List<TermPattern> patterns, List<Token> tokens, int at) {
        for (TermPattern pattern : patterns) {
            if (pattern.matchesAt(tokens, at)) {
                return pattern;
            }
        }
        return null;
    }

    private static TermPattern endingAt(List<TermPattern> patterns, List<Token> tokens, int last) {
        for (TermPattern pattern : patterns) {
            int at = last - pattern.length() + 1;
            if (at >= 0 && pattern.matchesAt(tokens, at)) {
                return pattern;
            }
        }
        return null;
    }
}
