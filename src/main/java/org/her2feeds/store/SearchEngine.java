package org.her2feeds.store;

import java.util.List;

/**
 * Finds published articles whose title or summary holds every word of a reader's search, by a full-text index
 * rather than a scan: PostgreSQL's own (a weighted tsvector with a GIN index) or, on the embedded database, Lucene.
 */
interface SearchEngine {

    /**
     * The newest {@code depth} published articles that hold every word of {@code words} and meet {@code filter},
     * each with its relevance rank; in no particular order.
     */
    List<SearchHit> matches(String words, ArticleFilter filter, int depth);

    /** Brings an index kept beside the database up to date with the committed writes; nothing to do for one inside. */
    default void catchUp() {}
}
