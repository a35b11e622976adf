package org.her2feeds.ingest;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.her2feeds.testsupport.RemoteSources;
import org.her2feeds.testsupport.StubServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The archive grows only by what it may publish: a feed's items past her2.ingest.max-items-per-fetch are not read,
 * and articles judged not relevant lose their texts once older than her2.ingest.purge-irrelevant-after while
 * staying known, so a feed that still carries them adds nothing.
 */
class ArchiveTidinessTest extends IngestAgainstStubServer {

    @RegisterExtension
    static final StubServer remote = StubServer.perClass();

    @TempDir
    static Path work;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws IOException {
        StringBuilder many = new StringBuilder();
        for (int i = 1; i <= 12; i++) {
            many.append(item("big-" + i, "Trastuzumab deruxtecan in HER2-positive breast cancer, cohort " + i));
        }
        String mixed = item("m-1", "Trastuzumab deruxtecan in HER2-positive breast cancer")
                + item("m-2", "Prostate cancer screening in primary care")
                + item("m-3", "Pertuzumab and trastuzumab in HER2-positive early breast cancer")
                + item("m-4", "Hip replacement outcomes after ten years");
        remote.stubFor(get("/big.xml").willReturn(aResponse().withBody(rss(many.toString()))));
        remote.stubFor(get("/mixed.xml").willReturn(aResponse().withBody(rss(mixed))));
        new RemoteSources(remote, work)
                .add("big", "Big feed", "/big.xml", "journal", null)
                .add("mixed", "Mixed feed", "/mixed.xml", "journal", null)
                .topics(Files.readString(Path.of("config/topics.yml")))
                .property("her2.ingest.max-items-per-fetch", "5")
                .property("her2.ingest.purge-irrelevant-after", "1ms")
                .register(registry);
    }

    @Test
    void itemsPastTheCapAreNotRead() {
        IngestOutcome outcome = ingest.ingest("big");

        assertThat(outcome.added()).isEqualTo(5);
        assertThat(jdbc.sql("SELECT guid FROM article_source WHERE source_id = 'big' ORDER BY guid")
                        .query(String.class)
                        .list())
                .containsExactly("big-1", "big-2", "big-3", "big-4", "big-5");
    }

    @Test
    void irrelevantArticlesArePurgedAfterTheirTimeAndStayKnown() {
        IngestOutcome first = ingest.ingest("mixed");
        assertThat(first.added()).isEqualTo(4);
        assertThat(first.irrelevant()).isEqualTo(2);

        IngestOutcome second = ingest.ingest("mixed");

        assertThat(second.added()).isZero();
        assertThat(second.unchanged()).isEqualTo(4);
        List<String> rows = jdbc.sql("""
                        SELECT s.guid, a.relevant, a.purged, LENGTH(a.summary_html) > 0 FROM article a
                        JOIN article_source s ON s.article_id = a.id WHERE s.source_id = 'mixed' ORDER BY s.guid""")
                .query((rs, n) -> rs.getString(1) + " relevant=" + rs.getBoolean(2) + " purged=" + rs.getBoolean(3)
                        + " text=" + rs.getBoolean(4))
                .list();
        assertThat(rows)
                .containsExactly(
                        "m-1 relevant=true purged=false text=true",
                        "m-2 relevant=false purged=true text=false",
                        "m-3 relevant=true purged=false text=true",
                        "m-4 relevant=false purged=true text=false");
        assertThat(ingest.ingest("mixed").added())
                .as("a third fetch adds nothing either")
                .isZero();
    }

    private static String rss(String items) {
        return "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>t</title>"
                + "<link>https://journal.example/</link><description>d</description>" + items + "</channel></rss>";
    }

    private static String item(String guid, String title) {
        return "<item><title>" + title + "</title><link>https://journal.example/" + guid + "</link>"
                + "<guid isPermaLink=\"false\">" + guid + "</guid><description>&lt;p&gt;" + title
                + ".&lt;/p&gt;</description><pubDate>Tue, 24 Nov 2026 10:00:00 GMT</pubDate></item>";
    }
}
