package org.her2feeds.publish;

import com.rometools.rome.feed.rss.Channel;
import com.rometools.rome.feed.rss.Description;
import com.rometools.rome.feed.rss.Guid;
import com.rometools.rome.feed.rss.Item;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.function.Supplier;
import org.her2feeds.http.Rendered;
import org.her2feeds.http.RequestLimits;
import org.her2feeds.sources.SourceCatalog;
import org.her2feeds.store.Story;
import org.her2feeds.store.StoryQueries;
import org.jdom2.Element;
import org.jdom2.Namespace;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * The story feed (RSS 2.0): one item per story, newest coverage first. The item's GUID is the story's id, so a
 * reader keeps one item per story; its date is when the story last gained a member, and its description lists the
 * members, so the item changes when new coverage arrives.
 */
@Component
public class StoryFeed {

    /** Where the story feed is served, and listed in feeds.opml. */
    static final String PATH = "/stories/feed.xml";

    private static final Namespace ATOM = Namespace.getNamespace("atom", "http://www.w3.org/2005/Atom");

    private final StoryQueries stories;
    private final RequestLimits limits;
    private final PublishedFeeds feeds;
    private final SourceCatalog sources;
    private final Clock clock;

    StoryFeed(StoryQueries stories, RequestLimits limits, PublishedFeeds feeds, SourceCatalog sources, Clock clock) {
        this.stories = stories;
        this.limits = limits;
        this.feeds = feeds;
        this.sources = sources;
        this.clock = clock;
    }

    /** The story feed's newest {@code limit} stories (null: the default size), linking to itself as selfUrl. */
    public Supplier<Rendered> render(Integer limit, String baseUrl, String selfUrl) {
        int size = limits.limit(limit);
        return () -> {
            List<Story> newest = stories.page(null, size);
            Instant updated = newest.stream()
                    .map(Story::updated)
                    .max(Comparator.naturalOrder())
                    .orElse(clock.instant());
            Channel channel = new Channel("rss_2.0");
            channel.setTitle(XmlText.of(feeds.storiesTitle()));
            channel.setLink(baseUrl + "/");
            channel.setDescription("Articles from several sources that report one event: a trial readout, a "
                    + "regulator's decision, a paper, a notice. One item per story.");
            channel.setLanguage("en");
            channel.setTtl((int) Math.max(1, sources.shortestInterval().toMinutes()));
            channel.setLastBuildDate(Date.from(updated));
            channel.setPubDate(Date.from(updated));
            channel.setForeignMarkup(new ArrayList<>(List.of(new Element("link", ATOM)
                    .setAttribute("href", selfUrl)
                    .setAttribute("type", FeedFormat.RSS.mediaType())
                    .setAttribute("rel", "self"))));
            channel.setItems(newest.stream().map(StoryFeed::item).collect(ArrayList::new, List::add, List::addAll));
            String xml = XmlFeedOutput.write(channel, newest.size());
            return Rendered.of(xml.getBytes(StandardCharsets.UTF_8), FeedFormat.RSS.contentType(), updated);
        };
    }

    private static Item item(Story story) {
        Item item = new Item();
        item.setTitle(XmlText.of(story.title()));
        if (story.url() != null) {
            item.setLink(story.url());
        }
        Guid guid = new Guid();
        guid.setPermaLink(false);
        guid.setValue(story.id());
        item.setGuid(guid);
        StringBuilder html = new StringBuilder("<p>")
                .append(HtmlUtils.htmlEscape(story.summary()))
                .append("</p><ul>");
        for (Story.Member member : story.members()) {
            String title = HtmlUtils.htmlEscape(member.title());
            html.append("<li>");
            if (member.url() != null) {
                html.append("<a href=\"")
                        .append(HtmlUtils.htmlEscape(member.url()))
                        .append("\">");
                html.append(title).append("</a>");
            } else {
                html.append(title);
            }
            html.append(" (").append(HtmlUtils.htmlEscape(member.type())).append(", ");
            html.append(HtmlUtils.htmlEscape(member.source())).append(")</li>");
        }
        html.append("</ul>");
        Description description = new Description();
        description.setType("text/html");
        description.setValue(XmlText.of(html.toString()));
        item.setDescription(description);
        item.setPubDate(Date.from(story.updated()));
        return item;
    }
}
