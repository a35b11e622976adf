package org.her2feeds.tagging;

/**
 * One configured term that matched, and where.
 *
 * @param term  the term as written in the rules file
 * @param field {@code "title"}, {@code "summary"} or {@code "category"}
 */
public record TermHit(String term, String field) {}
