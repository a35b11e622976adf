package org.her2feeds.store;

import java.time.Instant;
import java.util.Comparator;

/** An article that holds every word of a search, with the engine's score for it (higher is more relevant). */
record SearchHit(String id, Instant sortAt, float rank) {

    /** Most relevant first, then newest first, then by id: the order of a search's pages. */
    static final Comparator<SearchHit> ORDER = Comparator.comparing(SearchHit::rank, Comparator.reverseOrder())
            .thenComparing(SearchHit::sortAt, Comparator.reverseOrder())
            .thenComparing(SearchHit::id, Comparator.reverseOrder());

    ArticleFilter.Position position() {
        return new ArticleFilter.Position(rank, sortAt, id);
    }

    /** Whether this hit comes after the position in {@link #ORDER}: on a later page than the cursor's article. */
    boolean after(ArticleFilter.Position cursor) {
        SearchHit at = new SearchHit(cursor.id(), cursor.sortAt(), cursor.rank() == null ? 0f : cursor.rank());
        return ORDER.compare(this, at) > 0;
    }
}
