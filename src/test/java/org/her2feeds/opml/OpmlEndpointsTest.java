package org.her2feeds.opml;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.her2feeds.publish.ApiTestSupport;
import org.her2feeds.tagging.Tagger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The OPML lists are served, and a reader importing them gets every feed and every source. */
class OpmlEndpointsTest extends ApiTestSupport {

    @Autowired
    Tagger tagger;

    @Test
    void feedsOpmlListsEveryFeedInEveryFormatAndTheStoryFeed() throws Exception {
        HttpResponse<byte[]> response = get("/feeds.opml");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("text/x-opml;charset=utf-8");
        assertThat(response.headers().firstValue("ETag")).isPresent();
        Path file = Files.createTempFile(WORK, "feeds", ".opml");
        Files.write(file, response.body());
        List<String> urls =
                OpmlReader.subscriptions(file).stream().map(OpmlOutline::xmlUrl).toList();
        // Links come from her2.publish.base-url (ApiTestSupport), never from the request's Host header.
        String base = "https://her2.example.org";
        assertThat(urls)
                .contains(
                        base + "/feed.xml",
                        base + "/feed.atom",
                        base + "/feed.json",
                        base + "/topics/adc/feed.xml",
                        base + "/topics/adc/feed.atom",
                        base + "/topics/adc/feed.json",
                        base + "/stories/feed.xml");
        // Every format of the merged and each topic's feed, and the story feed (RSS only).
        assertThat(urls).hasSize(3 * (1 + tagger.topics().size()) + 1).doesNotHaveDuplicates();
        for (String feed : urls.subList(0, 6)) {
            assertThat(get(feed.substring(base.length())).statusCode()).as(feed).isEqualTo(200);
        }
        assertThat(get("/stories/feed.xml").statusCode()).isEqualTo(200);
    }

    @Test
    void sourcesOpmlListsTheConfiguredSources() throws Exception {
        HttpResponse<byte[]> response = get("/sources.opml");
        Path file = Files.createTempFile(WORK, "sources", ".opml");
        Files.write(file, response.body());
        assertThat(OpmlReader.subscriptions(file))
                .extracting(OpmlOutline::xmlUrl)
                .containsExactly(
                        "https://journal.example/rss", "https://preprints.example/rss", "https://wire.example/atom");
    }
}
