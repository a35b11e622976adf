package org.her2feeds.ingest;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.her2feeds.testsupport.RemoteSources;
import org.her2feeds.testsupport.StubServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A feed fetched again with status 200 and the same items (a publisher that ignores conditional GET, with a new
 * lastBuildDate each time) writes nothing: its entries are known by their raw fingerprints and skipped before
 * cleaning; the very same bytes are not even parsed. A changed entry is still read and updated, a new one added,
 * one that left the feed forgotten, and an entry whose article left the archive is stored again.
 */
class RefetchSkipsUnchangedItemsTest extends IngestAgainstStubServer {

    @RegisterExtension
    static final StubServer remote = StubServer.perClass();

    @TempDir
    static Path work;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws IOException {
        new RemoteSources(remote, work)
                .add("journal", "Journal", "/feed.xml", "journal", null)
                .register(registry, Duration.ofHours(1));
    }

    @Test
    void unchangedItemsAreSkippedAndChangedOnesStillUpdated() {
        serve("Mon, 30 Nov 2026 10:00:00 GMT", item(1, "first"), item(2, "second"), item(3, "third"), twinOf(3));
        IngestOutcome first = ingest.ingest("journal");
        assertThat(first.error()).isNull();
        assertThat(first.added()).isEqualTo(3);
        Map<String, Object> before = snapshot();

        // Same items, a new channel date: nothing is cleaned, tagged or written.
        serve("Tue, 01 Dec 2026 10:00:00 GMT", item(1, "first"), item(2, "second"), item(3, "third"), twinOf(3));
        IngestOutcome again = ingest.ingest("journal");
        assertThat(again.error()).isNull();
        assertThat(List.of(again.added(), again.updated(), again.duplicates(), again.rejected()))
                .containsOnly(0);
        assertThat(again.unchanged()).as("every entry, the twin too, skipped").isEqualTo(4);
        assertThat(snapshot()).as("no row of the archive written").isEqualTo(before);

        // One item changed, one new, one gone: only those are read and written.
        serve("Wed, 02 Dec 2026 10:00:00 GMT", item(1, "first"), item(2, "second, revised"), item(4, "fourth"));
        IngestOutcome changed = ingest.ingest("journal");
        assertThat(changed.error()).isNull();
        assertThat(changed.updated()).isEqualTo(1);
        assertThat(changed.added()).isEqualTo(1);
        assertThat(changed.unchanged()).isEqualTo(1);
        assertThat(summaryOf("https://journal.example/a/2")).contains("second, revised");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM source_item WHERE source_id = 'journal'")
                        .query(Long.class)
                        .single())
                .as("the fingerprints of the items the feed carries now, no more")
                .isEqualTo(3L);

        // The very same bytes again: known as a whole document, not even parsed.
        IngestOutcome same = ingest.ingest("journal");
        assertThat(same.unchanged()).isEqualTo(3);
        assertThat(same.added() + same.updated()).isZero();

        // An article removed from the archive takes its fingerprint along: the document is read again and it is back.
        jdbc.sql("DELETE FROM article WHERE url = 'https://journal.example/a/4'")
                .update();
        IngestOutcome restored = ingest.ingest("journal");
        assertThat(restored.added()).isEqualTo(1);
        assertThat(restored.unchanged()).isEqualTo(2);
    }

    private Map<String, Object> snapshot() {
        return jdbc.sql("""
                SELECT COUNT(*) AS articles, MAX(updated_at) AS updated, (SELECT COUNT(*) FROM article_source) AS
                origins, (SELECT COUNT(*) FROM article_key) AS article_keys, (SELECT COUNT(*) FROM article_topic) AS
                topics FROM article""").query().singleRow();
    }

    private String summaryOf(String url) {
        return jdbc.sql("SELECT summary_html FROM article WHERE url = :url")
                .param("url", url)
                .query(String.class)
                .single();
    }

    private static void serve(String buildDate, String... items) {
        remote.stubFor(get("/feed.xml")
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/rss+xml; charset=utf-8")
                        .withBody("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                                + "<rss version=\"2.0\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><channel>"
                                + "<title>Journal</title><link>https://journal.example/</link><description>d"
                                + "</description><lastBuildDate>" + buildDate + "</lastBuildDate>\n"
                                + String.join("\n", items) + "</channel></rss>")));
    }

    private static String item(int n, String text) {
        return "<item><guid isPermaLink=\"false\">j-" + n + "</guid><link>https://journal.example/a/" + n
                + "</link><title>HER2-positive breast cancer study " + n + "</title><description>&lt;p&gt;Trastuzumab "
                + text + "&lt;/p&gt;</description><pubDate>Mon, 30 Nov 2026 08:00:00 GMT</pubDate>"
                + "<dc:identifier>doi:10.1234/j." + n + "</dc:identifier></item>";
    }

    /** The same article listed twice in one feed (another GUID, the same DOI): stored once, both entries known. */
    private static String twinOf(int n) {
        return "<item><guid isPermaLink=\"false\">twin-" + n + "</guid><link>https://journal.example/a/" + n
                + "?view=full</link><title>HER2 study " + n + " (full text)</title><description>Other words"
                + "</description><dc:identifier>doi:10.1234/j." + n
                + "</dc:identifier></item>";
    }
}
