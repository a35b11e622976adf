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
 * @param hub       the WebSub hub the feed advertises, or null for none (see {@link FeedHub})
 */
record FeedDocument(
        String title,
        String description,
        String publisher,
        String homeUrl,
        String selfUrl,
        Instant updatedAt,
        Duration ttl,
        String hub,
        List<FeedArticle> articles) {

    /**
     * The same feed as it would be at any other moment: an empty feed says it was updated when it was rendered
     * (there is no article to take the date from), which is no change of what it shows.
     */
    FeedDocument timeless() {
        return articles.isEmpty()
                ? new FeedDocument(title, description, publisher, homeUrl, selfUrl, Instant.EPOCH, ttl, hub, articles)
                : this;
    }
}
