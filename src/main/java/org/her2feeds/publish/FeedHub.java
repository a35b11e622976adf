package org.her2feeds.publish;

import java.net.URI;
import org.her2feeds.http.CachedResponses;
import org.springframework.stereotype.Component;

/**
 * Which feeds advertise the WebSub hub: exactly those whose self link is a URL the hub is told about, each published
 * feed as it is without parameters ({@link #topicUrl}). A filtered feed ({@code ?topic=}, {@code ?kind=},
 * {@code ?limit=}) advertises none: the hub is never told of its changes, and a reader that subscribed to it there
 * would wait for news that never comes instead of polling.
 */
@Component
class FeedHub {

    private final WebSubProperties properties;
    private final PublishedFeeds feeds;
    private final String base;

    FeedHub(WebSubProperties properties, PublishedFeeds feeds, CachedResponses responses) {
        this.properties = properties;
        this.feeds = feeds;
        this.base = responses.base();
        if (properties.enabled() && !WebSubProperties.isHttpUrl(URI.create(base))) {
            throw new IllegalArgumentException("her2.publish.base-url must be an absolute http or https URL when "
                    + "her2.publish.websub.hub is set (feeds advertising a hub give their public URL), not '" + base
                    + "'");
        }
    }

    /** The public root URL the topic URLs start with, without a trailing slash. */
    String base() {
        return base;
    }

    /** The WebSub topic URL of a published feed: its public URL, and the self link it carries. */
    String topicUrl(PublishedFeed feed) {
        return base + feed.path();
    }

    /** The hub a feed with this self link advertises, or null: none configured, or a feed the hub never hears of. */
    String hubFor(String selfUrl) {
        if (!properties.enabled()) {
            return null;
        }
        for (PublishedFeed feed : feeds.all()) {
            if (topicUrl(feed).equals(selfUrl)) {
                return properties.hub().toString();
            }
        }
        return null;
    }
}
