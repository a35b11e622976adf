package org.her2feeds.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.rss.Channel;
import com.rometools.rome.feed.rss.Item;
import com.rometools.rome.io.WireFeedInput;
import java.io.StringReader;
import java.net.URI;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The structural rules of RSS 2.0, Atom 1.0 and JSON Feed 1.1 that readers and the W3C validator rely on, for any
 * content: required elements, absolute URLs, unique ids, RFC 822 / RFC 3339 dates, no control characters.
 */
public final class FeedValidity {

    private static final Pattern CONTROL = Pattern.compile("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F]");

    private FeedValidity() {}

    public static void assertValidRss(String xml) throws Exception {
        assertThat(CONTROL.matcher(xml).find()).as("control characters").isFalse();
        Channel channel = (Channel) new WireFeedInput().build(new StringReader(xml));
        assertThat(channel.getFeedType()).isEqualTo("rss_2.0");
        assertThat(channel.getTitle()).isNotBlank();
        assertThat(channel.getDescription()).isNotBlank();
        assertAbsolute(channel.getLink());
        List<String> guids = new ArrayList<>();
        for (Item item : channel.getItems()) {
            assertThat(item.getTitle()).isNotBlank();
            assertAbsolute(item.getLink());
            assertThat(item.getGuid()).isNotNull();
            guids.add(item.getGuid().getValue());
            assertThat(item.getDescription().getValue()).isNotNull();
        }
        assertThat(guids).doesNotHaveDuplicates();
        Matcher dates = Pattern.compile("<(?:pubDate|lastBuildDate)>([^<]+)</").matcher(xml);
        while (dates.find()) {
            ZonedDateTime.parse(dates.group(1), DateTimeFormatter.RFC_1123_DATE_TIME);
        }
        assertThat(xml).contains("<atom:link").contains("rel=\"self\"");
    }

    public static void assertValidAtom(String xml) throws Exception {
        assertThat(CONTROL.matcher(xml).find()).as("control characters").isFalse();
        Feed feed = (Feed) new WireFeedInput().build(new StringReader(xml));
        assertThat(feed.getFeedType()).isEqualTo("atom_1.0");
        assertThat(feed.getId()).isNotBlank();
        assertThat(feed.getTitle()).isNotBlank();
        assertThat(feed.getUpdated()).isNotNull();
        assertThat(feed.getOtherLinks()).anyMatch(link -> "self".equals(link.getRel()));
        List<String> ids = new ArrayList<>();
        for (Entry entry : feed.getEntries()) {
            assertThat(entry.getTitle()).isNotBlank();
            assertThat(entry.getUpdated()).isNotNull();
            assertThat(URI.create(entry.getId()).isAbsolute()).as(entry.getId()).isTrue();
            ids.add(entry.getId());
            entry.getAlternateLinks().forEach(link -> assertAbsolute(link.getHref()));
        }
        assertThat(ids).doesNotHaveDuplicates();
        Matcher dates = Pattern.compile("<(?:updated|published)>([^<]+)</").matcher(xml);
        while (dates.find()) {
            OffsetDateTime.parse(dates.group(1));
        }
    }

    public static void assertValidJsonFeed(String text, JsonMapper json) {
        JsonNode feed = json.readTree(text);
        assertThat(feed.get("version").asString()).isEqualTo("https://jsonfeed.org/version/1.1");
        assertThat(feed.get("title").asString()).isNotBlank();
        assertAbsolute(feed.get("feed_url").asString());
        List<String> ids = new ArrayList<>();
        for (JsonNode item : feed.get("items")) {
            ids.add(item.get("id").asString());
            assertAbsolute(item.get("url").asString());
            assertThat(item.get("title").asString()).isNotBlank();
            OffsetDateTime.parse(item.get("date_published").asString());
        }
        assertThat(ids).doesNotHaveDuplicates();
    }

    private static void assertAbsolute(String url) {
        URI uri = URI.create(url);
        assertThat(uri.isAbsolute()).as(url).isTrue();
        assertThat(uri.getScheme()).as(url).isIn("http", "https");
    }
}
