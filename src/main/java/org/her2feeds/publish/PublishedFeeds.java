package org.her2feeds.publish;

import java.util.ArrayList;
import java.util.List;
import org.her2feeds.tagging.Tagger;
import org.her2feeds.tagging.TopicDefinition;
import org.springframework.stereotype.Component;

/** Every feed the service publishes: the merged feed and one per topic, each in every format. */
@Component
public class PublishedFeeds {

    private final Tagger tagger;
    private final FeedProperties properties;

    PublishedFeeds(Tagger tagger, FeedProperties properties) {
        this.tagger = tagger;
        this.properties = properties;
    }

    public List<PublishedFeed> all() {
        List<PublishedFeed> feeds = new ArrayList<>();
        for (FeedFormat format : FeedFormat.values()) {
            feeds.add(new PublishedFeed(properties.title(), null, format, "/" + format.fileName()));
        }
        for (TopicDefinition topic : tagger.topics()) {
            for (FeedFormat format : FeedFormat.values()) {
                feeds.add(new PublishedFeed(
                        properties.title() + " – " + topic.label(),
                        topic,
                        format,
                        "/topics/" + topic.slug() + "/" + format.fileName()));
            }
        }
        return feeds;
    }
}
