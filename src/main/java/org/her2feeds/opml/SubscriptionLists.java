package org.her2feeds.opml;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.her2feeds.http.Rendered;
import org.her2feeds.publish.FeedFormat;
import org.her2feeds.publish.FeedProperties;
import org.her2feeds.publish.PublishedFeed;
import org.her2feeds.publish.PublishedFeeds;
import org.her2feeds.sources.PublicUrl;
import org.her2feeds.sources.Source;
import org.her2feeds.sources.SourceCatalog;
import org.springframework.stereotype.Component;

/** The two OPML lists: every feed this service publishes, and the sources it reads. Served and published statically. */
@Component
public class SubscriptionLists {

    private final PublishedFeeds feeds;
    private final SourceCatalog sources;
    private final FeedProperties properties;
    private final Clock clock;

    SubscriptionLists(PublishedFeeds feeds, SourceCatalog sources, FeedProperties properties, Clock clock) {
        this.feeds = feeds;
        this.sources = sources;
        this.properties = properties;
        this.clock = clock;
    }

    /** @param base the root URL the feed URLs start with, without a trailing slash */
    public Rendered feeds(String base) {
        Map<String, List<OpmlOutline>> byFeed = new LinkedHashMap<>();
        for (PublishedFeed feed : feeds.all()) {
            String description = feed.topic() == null
                    ? properties.description()
                    : feed.topic().description();
            byFeed.computeIfAbsent(feed.title(), title -> new ArrayList<>())
                    .add(OpmlOutline.feed(
                            feed.title() + " (" + label(feed.format()) + ")",
                            base + feed.path(),
                            base + "/",
                            description));
        }
        byFeed.put(
                feeds.storiesTitle(),
                List.of(OpmlOutline.feed(
                        feeds.storiesTitle() + " (RSS)",
                        base + feeds.storiesPath(),
                        base + "/",
                        "Articles from several sources that report one event, one item per story")));
        return list("feeds", byFeed);
    }

    Rendered sources() {
        Map<String, List<OpmlOutline>> byKind = new LinkedHashMap<>();
        for (Source source : sources.all()) {
            if (source.isRemote()) {
                String kind = source.kind() == null ? "other" : source.kindSlug();
                byKind.computeIfAbsent(kind, k -> new ArrayList<>())
                        .add(OpmlOutline.feed(source.title(), PublicUrl.of(source.url()), null, null));
            }
        }
        if (byKind.isEmpty()) {
            // OPML requires at least one outline in the body; a plain-text one says why there is no feed.
            return list(
                    "sources",
                    List.of(OpmlOutline.feed(
                            "No sources fetched over http or https: this service reads local files only",
                            null,
                            null,
                            null)));
        }
        return list("sources", byKind);
    }

    /** One folder per key, in insertion order. */
    private Rendered list(String what, Map<String, List<OpmlOutline>> folders) {
        return list(
                what,
                folders.entrySet().stream()
                        .map(entry -> OpmlOutline.folder(entry.getKey(), entry.getValue()))
                        .toList());
    }

    private Rendered list(String what, List<OpmlOutline> outlines) {
        return Rendered.of(
                OpmlWriter.write(properties.title() + " – " + what, clock.instant(), outlines),
                OpmlWriter.CONTENT_TYPE,
                clock.instant());
    }

    private static String label(FeedFormat format) {
        return switch (format) {
            case RSS -> "RSS";
            case ATOM -> "Atom";
            case JSON -> "JSON Feed";
        };
    }
}
