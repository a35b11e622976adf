package org.her2feeds.store;

/**
 * What one feed's ingest did to the archive.
 *
 * @param updated    stored articles changed: by the source that owns them, or taken over by a more authoritative one
 * @param duplicates items already stored from another source, now also attributed to this one
 * @param rejected   items that could not be stored (no title, or a database error on the item alone); the rest of
 *                   the feed is stored all the same
 * @param bounded    items stored with a field cut or dropped to fit its column (see {@link ColumnLimits})
 */
public record SaveSummary(int added, int updated, int unchanged, int duplicates, int rejected, int bounded) {

    public static final SaveSummary NOTHING = new SaveSummary(0, 0, 0, 0, 0, 0);

    boolean changedAnything() {
        return added + updated + duplicates > 0;
    }

    SaveSummary plus(SaveSummary other) {
        return new SaveSummary(
                added + other.added,
                updated + other.updated,
                unchanged + other.unchanged,
                duplicates + other.duplicates,
                rejected + other.rejected,
                bounded + other.bounded);
    }
}
