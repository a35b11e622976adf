package org.her2feeds.store;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The entries of a source's current feed that were stored before from exactly the same raw content, and the
 * recorded entries the feed no longer carries. This is the one place that says an entry fetched again is
 * unchanged: its raw fingerprint was recorded for the source when the article made from it was stored (see
 * {@link ArticleStore#knownItems}), so cleaning, tagging and writing it again could only produce what is stored.
 *
 * @param articleByFingerprint the current feed's known fingerprints, each with the article it was stored as
 * @param stale                fingerprints recorded for the source that its current feed no longer carries
 */
public record KnownItems(Map<String, String> articleByFingerprint, Set<String> stale) {

    /** Nothing known: every entry is read in full. */
    public static final KnownItems NONE = new KnownItems(Map.of(), Set.of());

    public KnownItems {
        articleByFingerprint = Map.copyOf(articleByFingerprint);
        stale = Set.copyOf(stale);
    }

    /** Whether the entry with this raw fingerprint can be skipped: the store holds what it would become. */
    public boolean isKnown(String fingerprint) {
        return fingerprint != null && articleByFingerprint.containsKey(fingerprint);
    }

    /** The articles the known entries stand for: another entry of the feed that is one of them is a duplicate. */
    Set<String> articleIds() {
        return new HashSet<>(articleByFingerprint.values());
    }
}
