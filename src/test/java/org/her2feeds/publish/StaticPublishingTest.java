package org.her2feeds.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.rometools.rome.feed.rss.Channel;
import com.rometools.rome.io.WireFeedInput;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.her2feeds.staticsite.StaticPublisher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** The static copy: every output as a file with public URLs, renewed after changes, replaced atomically. */
class StaticPublishingTest extends ApiTestSupport {

    @Autowired
    org.her2feeds.tagging.Tagger tagger;

    @Autowired
    StaticPublisher publisher;

    @TempDir
    Path out;

    @Test
    void writesEveryFeedTheOpmlAndTheDigestsWithPublicUrls() throws Exception {
        List<Path> written = publisher.publish(out);
        assertThat(out.resolve("feed.xml")).exists();
        assertThat(out.resolve("feed.atom")).exists();
        assertThat(out.resolve("feed.json")).exists();
        assertThat(out.resolve("topics/adc/feed.xml")).exists();
        assertThat(out.resolve("topics/adc/feed.json")).exists();
        assertThat(out.resolve("feeds.opml")).exists();
        assertThat(out.resolve("digests/index.json")).exists();
        assertThat(written).contains(out.resolve("digests/2025-03-10.json"), out.resolve("digests/2025-03-08.json"));

        Channel channel = (Channel)
                new WireFeedInput().build(new StringReader(Files.readString(out.resolve("topics/adc/feed.xml"))));
        assertThat(FeedFormatsTest.atomLinks(channel).get(0).getAttributeValue("href"))
                .isEqualTo("https://her2.example.org/topics/adc/feed.xml");
        assertThat(channel.getItems())
                .extracting(item -> item.getTitle())
                .contains("Trastuzumab deruxtecan & <HER2-low> tumours");

        JsonNode index = json.readTree(out.resolve("digests/index.json").toFile());
        assertThat(index.findValuesAsString("date")).contains("2025-03-10", "2025-03-08");
        // 3 merged feeds, 3 per topic, feeds.opml, the index and one file per day of the index.
        assertThat(written).hasSize(3 + 3 * tagger.topics().size() + 1 + 1 + index.size());
        JsonNode day = json.readTree(out.resolve("digests/2025-03-10.json").toFile());
        assertThat(day.get("schemaVersion").asInt()).isEqualTo(1);
        assertThat(day.get("count").asInt()).isGreaterThanOrEqualTo(2);
        assertThat(Files.readString(out.resolve("feeds.opml")))
                .contains("xmlUrl=\"https://her2.example.org/topics/adc/feed.atom\"");
        try (var files = Files.walk(out)) {
            assertThat(files.map(Path::toString)).noneMatch(name -> name.endsWith(".tmp"));
        }
    }

    @Test
    void aChangeOfTheArchiveRenewsTheConfiguredFolder() {
        store.saveFeed(
                "wire",
                List.of(article(
                        "wire",
                        "w-static",
                        "https://wire.example/static/1",
                        "Margetuximab news for the static copy",
                        "2025-03-12T10:00:00Z",
                        "antibodies")));
        Path feed = WORK.resolve("public/feed.xml");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(feed).exists();
            assertThat(Files.readString(feed)).contains("Margetuximab news for the static copy");
            assertThat(WORK.resolve("public/digests/2025-03-12.json")).exists();
        });
    }

    @Test
    void readersOfTheFolderNeverSeeAPartFile() throws Exception {
        publisher.publish(out);
        AtomicBoolean writing = new AtomicBoolean(true);
        AtomicInteger reads = new AtomicInteger();
        CompletableFuture<Void> reader = CompletableFuture.runAsync(() -> {
            while (writing.get() || reads.get() == 0) {
                try {
                    String xml = Files.readString(out.resolve("feed.xml"), StandardCharsets.UTF_8);
                    new WireFeedInput().build(new StringReader(xml));
                    reads.incrementAndGet();
                } catch (Exception e) {
                    throw new AssertionError("a reader saw an incomplete feed.xml", e);
                }
            }
        });
        for (int i = 0; i < 10; i++) {
            publisher.publish(out);
        }
        writing.set(false);
        reader.get();
        assertThat(reads.get()).isPositive();
    }
}
