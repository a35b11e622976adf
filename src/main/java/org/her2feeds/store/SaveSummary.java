package org.her2feeds.store;

/**
 * What one feed's ingest did to the archive.
 *
 * @param duplicates items already stored from another source, now also attributed to this one
 */
public record SaveSummary(int added, int updated, int unchanged, int duplicates) {

    public boolean changedAnything() {
        return added + updated + duplicates > 0;
    }
}
