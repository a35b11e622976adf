package org.her2feeds.store;

/** Published after a commit that changed what readers see, so outputs rendered from the archive are renewed. */
public record ArticlesChanged(long version) {}
