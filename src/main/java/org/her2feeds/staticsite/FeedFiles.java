package org.her2feeds.staticsite;

import java.util.ArrayList;
import java.util.List;
import org.her2feeds.opml.SubscriptionLists;
import org.her2feeds.publish.FeedService;
import org.her2feeds.publish.PublishedFeed;
import org.her2feeds.publish.PublishedFeeds;
import org.her2feeds.publish.StoryFeed;
import org.her2feeds.store.ArticleQueries;
import org.springframework.stereotype.Component;

/** The feeds, the story feed and {@code feeds.opml} as static files, each with its public URL as self link. */
@Component
class FeedFiles implements StaticFiles {

    private final PublishedFeeds published;
    private final FeedService feeds;
    private final SubscriptionLists opml;
    private final ArticleQueries queries;
    private final StoryFeed stories;

    FeedFiles(
            PublishedFeeds published,
            FeedService feeds,
            SubscriptionLists opml,
            ArticleQueries queries,
            StoryFeed stories) {
        this.stories = stories;
        this.queries = queries;
        this.published = published;
        this.feeds = feeds;
        this.opml = opml;
    }

    @Override
    public List<StaticFile> files(String baseUrl) {
        List<StaticFile> files = new ArrayList<>();
        // Feeds change only when published articles do; rendered then (an empty feed's date is the render time,
        // so comparing bytes alone would rewrite it every time).
        String archive = baseUrl + "|" + queries.dayMarks().hashCode();
        for (PublishedFeed feed : published.all()) {
            String self = baseUrl + feed.path();
            var output = feeds.published(feed, baseUrl, self);
            files.add(new StaticFile(
                    feed.path().substring(1), archive, () -> output.get().body()));
        }
        // Stories change only when published articles do (a story gains a member as one is stored).
        String storiesPath = published.storiesPath();
        var storyFeed = stories.render(null, baseUrl, baseUrl + storiesPath);
        files.add(new StaticFile(
                storiesPath.substring(1), archive, () -> storyFeed.get().body()));
        // The list of feeds changes only with the topics and the base URL; its creation date would differ each time.
        String feedList = baseUrl + "|"
                + String.join(
                        ",", published.all().stream().map(PublishedFeed::path).toList());
        files.add(
                new StaticFile("feeds.opml", feedList, () -> opml.feeds(baseUrl).body()));
        return files;
    }
}
