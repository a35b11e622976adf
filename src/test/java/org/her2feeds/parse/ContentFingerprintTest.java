package org.her2feeds.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.her2feeds.testsupport.SharedMaterial;
import org.junit.jupiter.api.Test;

/**
 * A re-fetched document whose only change is a feed-level date (a new lastBuildDate at every request) is known
 * without a parse: its content fingerprint stays the same. Every other change moves it, and documents with the
 * same fingerprint always parse to the same feed.
 */
class ContentFingerprintTest {

    private final FeedParser parser = new FeedParser();

    private static final String RSS = """
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel>
            <title>Journal</title><link>https://journal.example/</link>
            <lastBuildDate>%s</lastBuildDate><pubDate>%s</pubDate><dc:date>%s</dc:date>
            <item><title>HER2 %s</title><link>https://journal.example/a/1</link>
            <pubDate>Mon, 30 Nov 2026 10:00:00 GMT</pubDate>
            <description>%s</description><!--%s--></item>
            </channel></rss>
            """;

    private static final String ATOM = """
            <feed xmlns="http://www.w3.org/2005/Atom"><title>Journal</title><updated>%s</updated>
            <entry><id>urn:a:1</id><title>HER2</title><updated>%s</updated><summary>%s</summary></entry></feed>
            """;

    private String rss(String channelDate, String title, String description, String comment) {
        return RSS.formatted(channelDate, channelDate, channelDate, title, description, comment);
    }

    private Optional<String> fingerprint(String document) {
        return parser.contentFingerprint(document.getBytes(StandardCharsets.UTF_8), "application/rss+xml");
    }

    @Test
    void feedLevelDatesDoNotCount() {
        assertThat(fingerprint(rss("Mon, 30 Nov 2026 10:00:00 GMT", "trial", "Text", "c")))
                .isPresent()
                .isEqualTo(fingerprint(rss("Tue, 01 Dec 2026 11:30:00 GMT", "trial", "Text", "c")));
        assertThat(fingerprint(ATOM.formatted("2026-11-30T10:00:00Z", "2026-11-01T00:00:00Z", "s")))
                .isPresent()
                .isEqualTo(fingerprint(ATOM.formatted("2026-12-01T10:00:00Z", "2026-11-01T00:00:00Z", "s")));
    }

    @Test
    void everythingElseCounts() {
        String base = rss("Mon, 30 Nov 2026 10:00:00 GMT", "trial", "Text", "c");
        assertThat(fingerprint(rss("Mon, 30 Nov 2026 10:00:00 GMT", "trials", "Text", "c")))
                .as("an item's title")
                .isNotEqualTo(fingerprint(base));
        assertThat(fingerprint(rss("Mon, 30 Nov 2026 10:00:00 GMT", "trial", "<![CDATA[Text]]>", "c")))
                .as("text as CDATA")
                .isNotEqualTo(fingerprint(base));
        assertThat(fingerprint(rss("Mon, 30 Nov 2026 10:00:00 GMT", "trial", "Text", "d")))
                .as("a comment")
                .isNotEqualTo(fingerprint(base));
        assertThat(fingerprint(ATOM.formatted("2026-11-30T10:00:00Z", "2026-11-02T00:00:00Z", "s")))
                .as("an entry's own date")
                .isNotEqualTo(fingerprint(ATOM.formatted("2026-11-30T10:00:00Z", "2026-11-01T00:00:00Z", "s")));
        assertThat(parser.contentFingerprint(
                        base.getBytes(StandardCharsets.UTF_8), "application/rss+xml; charset=windows-1252"))
                .as("decoded as the parser decodes it")
                .isPresent()
                .isEqualTo(fingerprint(base));
    }

    @Test
    void documentsTheParserMustRepairOrRefuseAreLeftToByteComparison() {
        assertThat(fingerprint("<rss><channel><title>a &nbsp; b</title></channel></rss>"))
                .isEmpty();
        assertThat(fingerprint("<!DOCTYPE rss [<!ENTITY x \"y\">]><rss><channel><title>&x;</title></channel></rss>"))
                .isEmpty();
        assertThat(fingerprint("not xml")).isEmpty();
    }

    /**
     * Over the conformance corpus, each document's first feed-level date elements are rewritten; whenever the
     * fingerprint stays the same, the parse must too.
     */
    @Test
    void sameFingerprintSameFeedOverTheConformanceCorpus() throws IOException {
        Pattern date = Pattern.compile(
                "(<(lastBuildDate|pubDate|updated|dc:date|dcterms:modified)(?:\\s[^>]*)?>)([^<]{4,60})(</\\2>)");
        int compared = 0;
        try (Stream<Path> files = Files.walk(SharedMaterial.require(SharedMaterial.conformance()))) {
            for (Path file : files.filter(Files::isRegularFile)
                    .filter(f -> f.toString().endsWith(".xml"))
                    .sorted()
                    .toList()) {
                byte[] body = Files.readAllBytes(file);
                String text = new String(body, StandardCharsets.UTF_8);
                Matcher m = date.matcher(text);
                if (!m.find()) {
                    continue;
                }
                String changed =
                        text.substring(0, m.start(3)) + "Fri, 04 Dec 2026 08:00:00 GMT" + text.substring(m.end(3));
                byte[] changedBody = changed.getBytes(StandardCharsets.UTF_8);
                if (!new String(changedBody, StandardCharsets.UTF_8).equals(changed) || text.contains("\uFFFD")) {
                    continue;
                }
                Optional<String> before = parser.contentFingerprint(body, null);
                if (before.isEmpty() || !before.equals(parser.contentFingerprint(changedBody, null))) {
                    continue;
                }
                URI uri = URI.create("https://feeds.example/feed.xml");
                assertThat(parsed(changedBody, uri)).as(file.toString()).isEqualTo(parsed(body, uri));
                compared++;
            }
        }
        assertThat(compared).as("documents whose feed-level date changed alone").isGreaterThan(50);
    }

    private List<Object> parsed(byte[] body, URI uri) {
        try {
            return List.of(parser.parse(body, null, uri));
        } catch (FeedParseException e) {
            return List.of(e.getMessage());
        }
    }
}
