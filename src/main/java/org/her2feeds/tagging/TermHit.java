package org.her2feeds.tagging;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * One configured term that matched, and where.
 *
 * @param term  the term as written in the rules file
 * @param field {@code "title"}, {@code "summary"} or {@code "category"}
 */
public record TermHit(
        String term,

        @Schema(allowableValues = {"title", "summary", "content", "category"})
        String field) {}
