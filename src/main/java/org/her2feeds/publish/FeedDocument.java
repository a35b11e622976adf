package org.her2feeds.publish;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * One feed to write, in whatever format.
 *
 * @param publisher the name the feed is published under (author and generator): {@code her2.feed.title}
 * @param selfUrl   the URL the client used, so readers can tell where they are subscribed
 * @param updatedAt when any of its articles last changed
 * @param ttl       how long a reader may wait before polling again
 */
record FeedDocument(
        String title,
        String description,
        String publisher,
        String homeUrl,
        String selfUrl,
        Instant updatedAt,
        Duration ttl,
        List<FeedArticle> articles) {}
