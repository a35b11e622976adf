/**
 * Relevance, topic and evidence tagging (publication type, trials, drugs, what a notice concerns) of cleaned
 * article text, driven by the rules files {@code config/topics.yml} and {@code config/evidence.yml}
 * (properties {@code her2.topics-file}, {@code her2.evidence-file}).
 *
 * <h2>How text is read</h2>
 * Title, summary and each category are matched separately. Text is normalised (NFKC; every dash and minus
 * sign, U+2010–2015, U+2212, U+FE63, U+FF0D ..., to {@code -}; every kind of space to a space; superscript and
 * fullwidth plus to {@code +}; soft hyphens and zero-width characters removed; lower case) and split into
 * words of letters and digits. A hyphen between two words is a tight join; a {@code +} or {@code -} written
 * directly after a word is a sign token, so {@code HR+/HER2-} reads as {@code hr + her2 -}.
 *
 * <h2>How a term is written</h2>
 * A hyphen in a term requires a tight join ({@code her-2} matches "HER–2", not "her 2"); a space matches any
 * separator except clause punctuation ({@code , ; . : ! ?}); a sign after a word must follow it directly
 * ({@code "her2+"}); a trailing {@code *} matches any word starting with the text before it ({@code nct*}).
 * Synonyms are more terms in the same list; named {@code term-lists} can be shared with {@code use:}.
 * Exclusions: {@code except} phrases win over shorter terms at the same place for their own rule only
 * (so "trastuzumab deruxtecan" tags {@code adc} but not {@code trastuzumab}); {@code not-followed-by} and
 * {@code not-preceded-by} qualifiers cancel a match next to them (so "HER2-negative" alone is not relevant).
 *
 * <h2>Matching</h2>
 * All terms of all rules are compiled into one token trie; each text position is walked once and, per rule,
 * the longest match wins. Cost grows with text length, not with the number of terms.
 *
 * <h2>What is published</h2>
 * An article is relevant when the relevance rule matches. Topics are computed for every article but are meant
 * to be published only for relevant ones. Each topic carries the configured terms that matched and the field
 * they matched in. {@link org.her2feeds.tagging.Tagger#rulesFingerprint()} changes when the compiled rules do,
 * so stored articles can be re-tagged.
 *
 * <p>Quality is measured by {@link org.her2feeds.tagging.TopicsEvaluation} against the labelled set in
 * {@code src/test/resources/tagging/} (labelling rules in {@code LABELLING.md} there).
 */
package org.her2feeds.tagging;
