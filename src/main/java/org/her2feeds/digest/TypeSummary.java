package org.her2feeds.digest;

/** A publication type as /api/types lists it. */
record TypeSummary(String slug, String label, String description) {}
