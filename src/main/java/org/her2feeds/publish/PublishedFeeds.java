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

    /** The title of the merged feed (topic null) or of one topic's feed, as the feeds and every list of them say. */
    public String title(TopicDefinition topic) {
        return topic == null ? properties.title() : properties.title() + " – " + topic.label();
    }

    /** The title of the story feed. */
    public String storiesTitle() {
        return properties.title() + " – Stories";
    }

    /** Where the story feed is served (RSS 2.0 only: one item per story). */
    public String storiesPath() {
        return StoryFeed.PATH;
    }

    public List<PublishedFeed> all() {
        List<PublishedFeed> feeds = new ArrayList<>();
        for (FeedFormat format : FeedFormat.values()) {
            feeds.add(new PublishedFeed(title(null), null, format, "/" + format.fileName()));
        }
        for (TopicDefinition topic : tagger.topics()) {
            for (FeedFormat format : FeedFormat.values()) {
                feeds.add(new PublishedFeed(
                        title(topic), topic, format, "/topics/" + topic.slug() + "/" + format.fileName()));
            }
        }
        return feeds;
    }
}
