package org.her2feeds.tagging;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A relevance term that matched but did not count, because a negative qualifier next to it makes it a negative
 * descriptor ("HER2-negative", "negative for HER2", "HER2 (−)"): part of the evidence shown with a decision.
 *
 * @param term      the term as written in the rules file
 * @param field     where it was found, as in {@link TermHit#field()}
 * @param qualifier the qualifier that cancelled it, as written in the rules file
 */
public record Discount(
        String term,

        @Schema(allowableValues = {"title", "summary", "content", "category"})
        String field,

        String qualifier) {}
