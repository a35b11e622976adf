package org.her2feeds.store;

import java.time.Instant;
import java.util.Set;

/**
 * Which published articles a reader asked for. An empty topic set means any topic; a null source set means any
 * source (an empty one means none, e.g. a kind that no source has).
 *
 * @param sourceIds articles that came from at least one of these sources (how a kind filter is expressed)
 * @param text      words that must all be in the title or summary (a full-text search, ranked); null or blank for none
 * @param since     only articles filed at or after this time; null for none
 * @param before    cursor: only articles ordered after this position (older); null for the first page
 */
public record ArticleFilter(
        Set<String> topics,
        Set<String> sourceIds,
        String text,
        Instant since,
        Position before,
        EvidenceFilter evidence) {

    public static final ArticleFilter ALL = new ArticleFilter(Set.of(), null, null, null, null);

    public ArticleFilter {
        topics = topics == null ? Set.of() : Set.copyOf(topics);
        sourceIds = sourceIds == null ? null : Set.copyOf(sourceIds);
        evidence = evidence == null ? EvidenceFilter.ANY : evidence;
    }

    public ArticleFilter(Set<String> topics, Set<String> sourceIds, String text, Instant since, Position before) {
        this(topics, sourceIds, text, since, before, EvidenceFilter.ANY);
    }

    /** Whether the reader searched: the articles are then ranked by relevance, not only by date. */
    public boolean searches() {
        return text != null && !text.isBlank();
    }

    /** The conditions a search engine's matches must also meet: no words (the engine matches them), no cursor. */
    ArticleFilter forMatches() {
        return new ArticleFilter(topics, sourceIds, null, since, null, evidence);
    }

    /** The same filter for any topic: how a single-topic query, which walks that topic's index, filters the rest. */
    ArticleFilter withoutTopics() {
        return new ArticleFilter(Set.of(), sourceIds, text, since, before, evidence);
    }

    /** The same filter for any source: for an engine that tests the sources on its own rows. */
    ArticleFilter withoutSources() {
        return new ArticleFilter(topics, null, text, since, before, evidence);
    }

    /**
     * Articles of any of these publication types, naming any of these trials and any of these drugs; each set in
     * the normal form of {@code tagging.Evidence#key}, and empty for no condition.
     */
    public record EvidenceFilter(Set<String> types, Set<String> trials, Set<String> drugs) {

        public static final EvidenceFilter ANY = new EvidenceFilter(Set.of(), Set.of(), Set.of());

        public EvidenceFilter {
            types = types == null ? Set.of() : Set.copyOf(types);
            trials = trials == null ? Set.of() : Set.copyOf(trials);
            drugs = drugs == null ? Set.of() : Set.copyOf(drugs);
        }
    }

    /**
     * A place in the list's order: by filing time, then id; in a search by relevance first ({@code rank}, higher
     * first, as the engine scored it), then filing time and id. {@code rank} is null outside a search.
     */
    public record Position(Float rank, Instant sortAt, String id) {

        public Position(Instant sortAt, String id) {
            this(null, sortAt, id);
        }
    }
}
