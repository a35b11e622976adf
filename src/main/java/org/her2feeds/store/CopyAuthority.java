package org.her2feeds.store;

import org.her2feeds.sources.SourceKind;

/**
 * Which source's copy of an article is shown when several sources carry it (one DOI, PubMed id or link): the
 * copy of the most authoritative kind of publisher. The journal, the trial registry and the regulator publish the
 * record itself; a preprint server publishes a version before review; news and patient sites report on it. A
 * source of no stated kind ranks with the reporters, and so does an owner stored before the kind was recorded.
 * Equal ranks keep the copy that arrived first, so the article does not flip between sources at every fetch.
 */
final class CopyAuthority {

    private CopyAuthority() {}

    static int rank(SourceKind kind) {
        if (kind == null) {
            return 1;
        }
        return switch (kind) {
            case JOURNAL, REGISTRY, REGULATOR -> 3;
            case PREPRINT -> 2;
            case NEWS, PATIENT -> 1;
        };
    }

    /**
     * Whether a copy from {@code newcomer} replaces the stored copy of {@code owner}: only a strictly higher rank does.
     */
    static boolean takesOver(SourceKind newcomer, SourceKind owner) {
        return rank(newcomer) > rank(owner);
    }
}
