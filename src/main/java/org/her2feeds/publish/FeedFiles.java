package org.her2feeds.publish;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

/** The feeds and {@code feeds.opml} as static files, each with its public URL as self link. */
@Component
class FeedFiles implements StaticFiles {

    private final PublishedFeeds published;
    private final FeedService feeds;
    private final FeedRenderer renderer;
    private final OpmlController.FeedOpml opml;

    FeedFiles(PublishedFeeds published, FeedService feeds, FeedRenderer renderer, OpmlController.FeedOpml opml) {
        this.published = published;
        this.feeds = feeds;
        this.renderer = renderer;
        this.opml = opml;
    }

    @Override
    public List<StaticFile> files(String baseUrl) {
        List<StaticFile> files = new ArrayList<>();
        for (PublishedFeed feed : published.all()) {
            FeedSelection selection = feeds.select(feed.topic() == null ? List.of() : List.of(feed.topic().slug()), null, null);
            FeedDocument document = feeds.feed(baseUrl, baseUrl + feed.path(), selection, feed.topic());
            files.add(new StaticFile(feed.path().substring(1), renderer.render(feed.format(), document).body()));
        }
        files.add(new StaticFile("feeds.opml", opml.feeds(baseUrl).body()));
        return files;
    }
}
