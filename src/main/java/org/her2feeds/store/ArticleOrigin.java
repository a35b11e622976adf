package org.her2feeds.store;

import java.time.Instant;

/** One source an article came from, with the GUID and link that source gave it. */
public record ArticleOrigin(String sourceId, String guid, String link, Instant firstSeenAt) {}
