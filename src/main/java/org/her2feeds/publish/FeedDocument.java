package org.her2feeds.publish;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * One feed to write, in whatever format.
 *
 * @param selfUrl   the URL the client used, so readers can tell where they are subscribed
 * @param updatedAt when any of its articles last changed
 * @param ttl       how long a reader may wait before polling again
 */
public record FeedDocument(String title, String description, String homeUrl, String selfUrl, Instant updatedAt,
        Duration ttl, List<FeedArticle> articles) {
}
