package org.her2feeds.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Documents written to attack the parser must be refused without reading local files, exhausting memory or
 * hanging. The timeouts are hang guards (a broken limit would run for minutes), not performance assertions.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class HostileInputTest {

    private static final URI FEED_URI = URI.create("https://attacker.example/feed");
    private static final String SECRET = "TOP-SECRET-7f3a9c";

    private final FeedParser parser = new FeedParser();

    @TempDir
    Path dir;

    private ParsedFeed parse(String xml) throws FeedParseException {
        return parser.parse(xml.getBytes(StandardCharsets.UTF_8), "application/xml", FEED_URI);
    }

    @Test
    void externalEntityReadingALocalFileIsRefused() throws Exception {
        Path secret = Files.writeString(dir.resolve("passwd"), SECRET);
        String xxe = "<?xml version=\"1.0\"?>\n<!DOCTYPE rss [ <!ENTITY xxe SYSTEM \"" + secret.toUri() + "\"> ]>\n"
                + "<rss version=\"2.0\"><channel><title>&xxe;</title><item><title>&xxe;</title></item></channel></rss>";

        assertThatThrownBy(() -> parse(xxe))
                .isInstanceOf(FeedParseException.class)
                .hasMessageStartingWith("DOCTYPE refused")
                .message()
                .doesNotContain(SECRET);
    }

    @Test
    void anExternalDtdIsDroppedUnreadSoItsEntitiesStayUnexpanded() throws Exception {
        Path dtd = Files.writeString(dir.resolve("evil.dtd"), "<!ENTITY leak \"" + SECRET + "\">");
        String viaDtd = "<?xml version=\"1.0\"?>\n<!DOCTYPE rss SYSTEM \"" + dtd.toUri() + "\">\n"
                + "<rss version=\"2.0\"><channel><title>t &leak;</title></channel></rss>";

        ParsedFeed feed = parse(viaDtd);

        assertThat(feed.title()).isEqualTo("t &leak;").doesNotContain(SECRET);
    }

    @Test
    void billionLaughsIsRefusedWithoutExpanding() {
        StringBuilder bomb = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n<!ENTITY lol \"lol\">\n");
        for (int i = 1; i <= 9; i++) {
            bomb.append("<!ENTITY lol").append(i).append(" \"");
            bomb.append(("&lol" + (i == 1 ? "" : i - 1) + ";").repeat(10)).append("\">\n");
        }
        bomb.append("]>\n<rss version=\"2.0\"><channel><title>&lol9;</title></channel></rss>");

        assertThatThrownBy(() -> parse(bomb.toString()))
                .isInstanceOf(FeedParseException.class)
                .hasMessageStartingWith("DOCTYPE refused");
    }

    @Test
    void deeplyNestedElementsAreRefused() {
        int depth = 200_000;
        String deep = "<rss version=\"2.0\"><channel><item><description>" + "<a>".repeat(depth) + "x"
                + "</a>".repeat(depth) + "</description></item></channel></rss>";

        assertThatThrownBy(() -> parse(deep))
                .isInstanceOf(FeedParseException.class)
                .hasMessageContaining("nested deeper than " + FeedParser.MAX_ELEMENT_DEPTH + " levels");
    }

    @Test
    void deeplyNestedAtomXhtmlContentIsRefusedBeforeRomeWalksIt() {
        int depth = 50_000;
        String deep = "<feed xmlns=\"http://www.w3.org/2005/Atom\"><entry><id>1</id><content type=\"xhtml\">"
                + "<div xmlns=\"http://www.w3.org/1999/xhtml\">" + "<div>".repeat(depth) + "</div>".repeat(depth)
                + "</div></content></entry></feed>";

        assertThatThrownBy(() -> parse(deep))
                .isInstanceOf(FeedParseException.class)
                .hasMessageContaining("nested deeper than");
    }

    @Test
    void aVeryLongAttributeIsReadInLinearTime() throws Exception {
        String value = "x".repeat(8 * 1024 * 1024);
        String feed = "<rss version=\"2.0\"><channel><title>t</title><item><title>a</title>"
                + "<enclosure url=\"https://example.org/" + value + "\" type=\"audio/mpeg\" length=\"1\"/>"
                + "</item></channel></rss>";

        assertThat(parse(feed).entries()).hasSize(1);
    }

    @Test
    void aBodyBeyondTheLimitIsRefusedUnparsed() {
        byte[] huge = new byte[FeedParser.MAX_BODY_BYTES + 1];

        assertThatThrownBy(() -> parser.parse(huge, null, FEED_URI))
                .isInstanceOf(FeedParseException.class)
                .hasMessageStartingWith("body too large");
    }

    @Test
    void binaryGarbageIsRefusedWithAFeedParseException() {
        byte[] noise = new byte[4096];
        new java.util.Random(42).nextBytes(noise);

        assertThatThrownBy(() -> parser.parse(noise, "application/rss+xml", FEED_URI))
                .isInstanceOf(FeedParseException.class);
    }
}
