package org.her2feeds.digest;

/** A topic as the portal lists it, with how many published articles carry it. */
record TopicSummary(String slug, String label, String description, long articleCount) {}
