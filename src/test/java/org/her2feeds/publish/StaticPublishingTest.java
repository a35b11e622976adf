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
        assertThat(out.resolve("stories/feed.xml")).exists();
        assertThat(out.resolve("digests/index.json")).exists();
        assertThat(written).contains(out.resolve("digests/2025-03-10.json"), out.resolve("digests/2025-03-08.json"));

        Channel channel = (Channel)
                new WireFeedInput().build(new StringReader(Files.readString(out.resolve("topics/adc/feed.xml"))));
        assertThat(FeedFormatsTest.atomLinks(channel).get(0).getAttributeValue("href"))
                .isEqualTo("https://her2.example.org/topics/adc/feed.xml");
        assertThat(channel.getItems())
                .extracting(item -> item.getTitle())
                .contains("Trastuzumab deruxtecan & <HER2-low> tumours");

        Channel stories = (Channel)
                new WireFeedInput().build(new StringReader(Files.readString(out.resolve("stories/feed.xml"))));
        assertThat(FeedFormatsTest.atomLinks(stories).get(0).getAttributeValue("href"))
                .as("the story file's self link is its public URL")
                .isEqualTo("https://her2.example.org/stories/feed.xml");

        JsonNode index = json.readTree(out.resolve("digests/index.json").toFile());
        assertThat(index.findValuesAsString("date")).contains("2025-03-10", "2025-03-08");
        // 3 merged feeds, 3 per topic, the story feed, feeds.opml, the index and one file per day of the index.
        assertThat(written).hasSize(3 + 3 * tagger.topics().size() + 1 + 1 + 1 + index.size());
        JsonNode day = json.readTree(out.resolve("digests/2025-03-10.json").toFile());
        assertThat(day.get("schemaVersion").asInt()).isEqualTo(1);
        assertThat(day.get("count").asInt()).isGreaterThanOrEqualTo(2);
        assertThat(Files.readString(out.resolve("feeds.opml")))
                .contains("xmlUrl=\"https://her2.example.org/topics/adc/feed.atom\"");
        try (var files = Files.walk(out)) {
            assertThat(files.map(Path::toString)).noneMatch(name -> name.endsWith(".tmp"));
        }
    }

    /**
     * A change rewrites what it touches and nothing else: the new day's digest, the index (after the day files) and
     * the feeds that show the article; old days stay as they were. Every file is readable by a web server of
     * another user, and files of days and topics that no longer exist go.
     */
    @Test
    void onlyWhatChangedIsWrittenReadableByAllAndStaleFilesGo() throws Exception {
        publisher.publish(out);
        try (var files = Files.walk(out)) {
            assertThat(files.filter(Files::isRegularFile)
                            .map(path -> java.nio.file.attribute.PosixFilePermissions.toString(unchecked(path))))
                    .isNotEmpty()
                    .allMatch("rw-r--r--"::equals);
        }
        assertThat(publisher.publish(out))
                .as("nothing changed, nothing written")
                .isEmpty();

        Path stale =
                Files.createDirectories(out.resolve("topics/retired-topic")).resolve("feed.xml");
        Files.writeString(stale, "<rss/>");
        Files.writeString(out.resolve("digests/1999-01-01.json"), "{}");
        Path operatorsOwn = Files.writeString(out.resolve("robots.txt"), "User-agent: *");
        store.saveFeed(
                "wire",
                List.of(article(
                        "wire",
                        "w-incremental",
                        "https://wire.example/incremental/1",
                        "Zanidatamab news for the incremental copy",
                        "2025-03-13T10:00:00Z",
                        "antibodies")));

        List<Path> written = publisher.publish(out);

        assertThat(written)
                .contains(out.resolve("digests/2025-03-13.json"), out.resolve("feed.xml"))
                .doesNotContain(out.resolve("digests/2025-03-10.json"), out.resolve("digests/2025-03-08.json"));
        assertThat(written.get(written.size() - 1)).as("the index last").isEqualTo(out.resolve("digests/index.json"));
        assertThat(stale).doesNotExist();
        assertThat(out.resolve("topics/retired-topic")).doesNotExist();
        assertThat(out.resolve("digests/1999-01-01.json")).doesNotExist();
        assertThat(operatorsOwn).exists();
    }

    private static java.util.Set<java.nio.file.attribute.PosixFilePermission> unchecked(Path path) {
        try {
            return Files.getPosixFilePermissions(path);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
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
