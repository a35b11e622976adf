package org.her2feeds.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Realistic feeds of the kinds the service reads, through the public API. */
class FeedParserTest {

    private static final URI FEED_URI = URI.create("https://example.org/feed");
    private final FeedParser parser = new FeedParser();

    private ParsedFeed parse(String xml) throws FeedParseException {
        return parser.parse(xml.getBytes(StandardCharsets.UTF_8), "application/rss+xml", FEED_URI);
    }

    @Test
    void readsPubMedRssWithIdentifiersAuthorsAndTtl() throws Exception {
        ParsedFeed feed = parse("""
                <?xml version="1.0" encoding="UTF-8"?>
                <rss xmlns:dc="http://purl.org/dc/elements/1.1/"
                    xmlns:content="http://purl.org/rss/1.0/modules/content/" version="2.0">
                  <channel>
                    <title>pubmed: HER2 breast cancer</title>
                    <link>https://pubmed.ncbi.nlm.nih.gov/rss/search/1abc/?limit=15</link>
                    <description>NCBI: db=pubmed; Term=HER2 breast cancer</description>
                    <ttl>120</ttl>
                    <item>
                      <title>Trastuzumab Deruxtecan in HER2-Low Advanced Breast Cancer.</title>
                      <link>https://pubmed.ncbi.nlm.nih.gov/35665782/?utm_source=Other&amp;utm_medium=rss</link>
                      <description>&lt;p&gt;&lt;b&gt;BACKGROUND:&lt;/b&gt; HER2-low ...&lt;/p&gt;</description>
                      <content:encoded>&lt;p&gt;full abstract&lt;/p&gt;</content:encoded>
                      <dc:creator>Modi S</dc:creator>
                      <dc:creator>Jacot W</dc:creator>
                      <dc:creator>Modi S</dc:creator>
                      <category>Breast Neoplasms</category>
                      <pubDate>Sun, 05 Jun 2022 06:00:00 -0400</pubDate>
                      <guid isPermaLink="false">pubmed:35665782</guid>
                      <dc:identifier>pmid:35665782</dc:identifier>
                      <dc:identifier>doi:10.1056/NEJMoa2203690</dc:identifier>
                      <dc:date>2022-06-05</dc:date>
                    </item>
                  </channel>
                </rss>
                """);

        assertThat(feed.title()).isEqualTo("pubmed: HER2 breast cancer");
        assertThat(feed.link()).isEqualTo("https://pubmed.ncbi.nlm.nih.gov/rss/search/1abc/?limit=15");
        assertThat(feed.format()).isEqualTo("rss_2.0");
        assertThat(feed.ttlMinutes()).isEqualTo(120);
        assertThat(feed.repaired()).isFalse();
        assertThat(feed.entries()).hasSize(1);
        ParsedEntry entry = feed.entries().get(0);
        assertThat(entry.guid()).isEqualTo("pubmed:35665782");
        assertThat(entry.link()).isEqualTo("https://pubmed.ncbi.nlm.nih.gov/35665782/?utm_source=Other&utm_medium=rss");
        assertThat(entry.title()).isEqualTo("Trastuzumab Deruxtecan in HER2-Low Advanced Breast Cancer.");
        assertThat(entry.summaryHtml()).isEqualTo("<p><b>BACKGROUND:</b> HER2-low ...</p>");
        assertThat(entry.authors()).containsExactly("Modi S", "Jacot W");
        assertThat(entry.categories()).containsExactly("Breast Neoplasms");
        assertThat(entry.publishedAt()).isEqualTo(Instant.parse("2022-06-05T10:00:00Z"));
        assertThat(entry.updatedAt()).isNull();
        assertThat(entry.doi()).isEqualTo("10.1056/nejmoa2203690");
        assertThat(entry.pmid()).isEqualTo("35665782");
    }

    @Test
    void readsMedrxivRdfWithDoiAndSyndicationPeriod() throws Exception {
        ParsedFeed feed = parse("""
                <?xml version="1.0" encoding="UTF-8"?>
                <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
                    xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:sy="http://purl.org/rss/1.0/modules/syndication/"
                    xmlns:prism="http://prismstandard.org/namespaces/basic/2.0/">
                  <channel rdf:about="http://connect.medrxiv.org/medrxiv_xml/oncology">
                    <title>medRxiv Oncology</title>
                    <link>http://medrxiv.org</link>
                    <description>Oncology preprints</description>
                    <sy:updatePeriod>daily</sy:updatePeriod>
                    <sy:updateFrequency>2</sy:updateFrequency>
                    <items><rdf:Seq>
                    <rdf:li rdf:resource="http://medrxiv.org/cgi/content/short/2024.03.01.24303600v1?rss=1"/>
                    </rdf:Seq></items>
                  </channel>
                  <item rdf:about="http://medrxiv.org/cgi/content/short/2024.03.01.24303600v1?rss=1">
                    <title><![CDATA[HER2 status change after neoadjuvant therapy]]></title>
                    <link>http://medrxiv.org/cgi/content/short/2024.03.01.24303600v1?rss=1</link>
                    <description><![CDATA[Background: HER2-low <i>tumours</i> ...]]></description>
                    <dc:creator><![CDATA[Smith, J., Lee, K.]]></dc:creator>
                    <dc:date>2024-03-04</dc:date>
                    <dc:identifier>doi:10.1101/2024.03.01.24303600</dc:identifier>
                    <dc:title><![CDATA[HER2 status change after neoadjuvant therapy]]></dc:title>
                    <dc:publisher>Cold Spring Harbor Laboratory Press</dc:publisher>
                    <prism:publicationDate>2024-03-04</prism:publicationDate>
                  </item>
                </rdf:RDF>
                """);

        assertThat(feed.format()).isEqualTo("rss_1.0");
        assertThat(feed.ttlMinutes()).isEqualTo(720);
        ParsedEntry entry = feed.entries().get(0);
        assertThat(entry.guid()).isEqualTo("http://medrxiv.org/cgi/content/short/2024.03.01.24303600v1?rss=1");
        assertThat(entry.title()).isEqualTo("HER2 status change after neoadjuvant therapy");
        assertThat(entry.summaryHtml()).isEqualTo("Background: HER2-low <i>tumours</i> ...");
        assertThat(entry.authors()).containsExactly("Smith, J., Lee, K.");
        assertThat(entry.publishedAt()).isEqualTo(Instant.parse("2024-03-04T00:00:00Z"));
        assertThat(entry.doi()).isEqualTo("10.1101/2024.03.01.24303600");
        assertThat(entry.pmid()).isNull();
    }

    @Test
    void readsFdaRssWhoseItemsHaveNoGuidAndZoneAbbreviations() throws Exception {
        ParsedFeed feed = parse("""
                <?xml version="1.0" encoding="utf-8"?>
                <rss version="2.0" xml:base="https://www.fda.gov/" xmlns:dc="http://purl.org/dc/elements/1.1/">
                  <channel>
                    <title>Press Releases</title>
                    <link>https://www.fda.gov/</link>
                    <description>FDA press releases</description>
                    <language>en</language>
                    <item>
                      <title>FDA approves new HER2-directed therapy</title>
                      <link>https://www.fda.gov/news-events/press-announcements/fda-approves-her2</link>
                      <description>The U.S. Food and Drug Administration today approved &amp;hellip;</description>
                      <pubDate>Tue, 05 Mar 2024 10:00:00 EST</pubDate>
                      <dc:creator>FDA</dc:creator>
                    </item>
                    <item>
                      <title>Statement without a link</title>
                    </item>
                  </channel>
                </rss>
                """);

        assertThat(feed.ttlMinutes()).isNull();
        assertThat(feed.entries()).hasSize(2);
        ParsedEntry first = feed.entries().get(0);
        assertThat(first.guid()).isNull();
        assertThat(first.link()).isEqualTo("https://www.fda.gov/news-events/press-announcements/fda-approves-her2");
        assertThat(first.publishedAt()).isEqualTo(Instant.parse("2024-03-05T15:00:00Z"));
        assertThat(first.summaryHtml()).isEqualTo("The U.S. Food and Drug Administration today approved &hellip;");
        ParsedEntry bare = feed.entries().get(1);
        assertThat(bare.guid()).isNull();
        assertThat(bare.link()).isNull();
        assertThat(bare.title()).isEqualTo("Statement without a link");
        assertThat(bare.summaryHtml()).isNull();
        assertThat(bare.publishedAt()).isNull();
        assertThat(bare.authors()).isEmpty();
    }

    @Test
    void readsAtomJournalFeedKeepingRelativeLinksRaw() throws Exception {
        ParsedFeed feed = parse("""
                <?xml version="1.0" encoding="utf-8"?>
                <feed xmlns="http://www.w3.org/2005/Atom">
                  <title type="text">NEJM: Oncology</title>
                  <link rel="alternate" href="https://www.nejm.org/oncology"/>
                  <link rel="self" href="https://www.nejm.org/action/showFeed?jc=nejm&amp;type=etoc"/>
                  <id>tag:nejm.org,2024:oncology</id>
                  <updated>2024-05-30T12:00:00Z</updated>
                  <entry>
                    <title type="html">T-DXd &lt;i&gt;versus&lt;/i&gt; T-DM1</title>
                    <link rel="alternate" href="https://www.nejm.org/doi/full/10.1056/NEJMoa2115022?af=R"/>
                    <id>https://www.nejm.org/doi/10.1056/NEJMoa2115022</id>
                    <published>2022-03-24T00:00:00+01:00</published>
                    <updated>2022-03-25T08:30:00.250Z</updated>
                    <author><name>Cortés J</name></author>
                    <author><name>Kim SB</name></author>
                    <category term="Breast Cancer"/>
                    <content type="html">&lt;p&gt;Full text&lt;/p&gt;</content>
                  </entry>
                  <entry>
                    <title>Correspondence</title>
                    <link href="/doi/full/10.1056/NEJMc2200000"/>
                    <id>urn:uuid:1b4e28ba-2fa1-11d2-883f-0016d3cca427</id>
                    <updated>2022-04-01T00:00:00Z</updated>
                    <summary>Letter</summary>
                  </entry>
                </feed>
                """);

        assertThat(feed.format()).isEqualTo("atom_1.0");
        assertThat(feed.title()).isEqualTo("NEJM: Oncology");
        assertThat(feed.link()).isEqualTo("https://www.nejm.org/oncology");
        ParsedEntry first = feed.entries().get(0);
        assertThat(first.guid()).isEqualTo("https://www.nejm.org/doi/10.1056/NEJMoa2115022");
        assertThat(first.title()).isEqualTo("T-DXd <i>versus</i> T-DM1");
        assertThat(first.summaryHtml()).isEqualTo("<p>Full text</p>");
        assertThat(first.authors()).containsExactly("Cortés J", "Kim SB");
        assertThat(first.categories()).containsExactly("Breast Cancer");
        assertThat(first.publishedAt()).isEqualTo(Instant.parse("2022-03-23T23:00:00Z"));
        assertThat(first.updatedAt()).isEqualTo(Instant.parse("2022-03-25T08:30:00.250Z"));
        assertThat(first.doi()).isEqualTo("10.1056/nejmoa2115022");
        ParsedEntry second = feed.entries().get(1);
        assertThat(second.link()).isEqualTo("/doi/full/10.1056/NEJMc2200000");
        assertThat(second.summaryHtml()).isEqualTo("Letter");
        assertThat(second.publishedAt()).isNull();
        assertThat(second.updatedAt()).isEqualTo(Instant.parse("2022-04-01T00:00:00Z"));
        assertThat(second.doi()).isEqualTo("10.1056/nejmc2200000");
    }

    @Test
    void aFeedWithoutItemsIsAValidEmptyFeed() throws Exception {
        ParsedFeed feed = parse("<rss version=\"2.0\"><channel><title>Quiet</title></channel></rss>");

        assertThat(feed.title()).isEqualTo("Quiet");
        assertThat(feed.entries()).isEmpty();
    }

    @Test
    void impossibleOrInsaneDatesBecomeNullAndFutureOnesAreLeftToTheStore() throws Exception {
        ParsedFeed feed = parse("""
                <rss version="2.0"><channel><title>t</title>
                  <item><title>a</title><pubDate>2024-13-45T99:99:99Z</pubDate></item>
                  <item><title>b</title><pubDate>Thu, 01 Jan 1970 00:00:00 GMT</pubDate></item>
                  <item><title>c</title><pubDate>Mon, 01 Jan 2035 00:00:00 GMT</pubDate></item>
                  <item><title>d</title><pubDate>not a date</pubDate></item>
                  <item><title>e</title><pubDate>2024-03-05 10:00:00</pubDate></item>
                  <item><title>f</title><pubDate>05 Mar 2024</pubDate></item>
                </channel></rss>
                """);

        // 2035 is kept as stated: whether a future date is used is the store's one rule (store/Filing).
        assertThat(feed.entries())
                .extracting(ParsedEntry::publishedAt)
                .containsExactly(
                        null,
                        null,
                        Instant.parse("2035-01-01T00:00:00Z"),
                        null,
                        Instant.parse("2024-03-05T10:00:00Z"),
                        Instant.parse("2024-03-05T00:00:00Z"));
    }

    @Test
    void httpCharsetWinsOverTheXmlDeclaration() throws Exception {
        String xml = "<?xml version=\"1.0\" encoding=\"utf-8\"?><rss version=\"2.0\"><channel><title>t</title>"
                + "<item><title>caf\u00e9 \u201cHER2\u201d</title></item></channel></rss>";
        byte[] body = xml.getBytes(Charset.forName("windows-1252"));

        ParsedFeed feed = parser.parse(body, "text/xml; charset=windows-1252", FEED_URI);

        assertThat(feed.entries().get(0).title()).isEqualTo("caf\u00e9 \u201cHER2\u201d");
    }

    @Test
    void utf16InEitherByteOrderWithOrWithoutAMarkIsRead() throws Exception {
        String xml = "<?xml version=\"1.0\" encoding=\"UTF-16\"?><rss version=\"2.0\"><channel><title>t</title>"
                + "<item><title>\u00e9t\u00e9 HER2\u2212</title></item></channel></rss>";
        for (byte[] body : new byte[][] {
            ("\uFEFF" + xml).getBytes(StandardCharsets.UTF_16LE),
            ("\uFEFF" + xml).getBytes(StandardCharsets.UTF_16BE),
            xml.getBytes(StandardCharsets.UTF_16LE),
            xml.getBytes(StandardCharsets.UTF_16BE)
        }) {
            for (String contentType : new String[] {null, "application/xml", "text/xml"}) {
                ParsedFeed feed = parser.parse(body, contentType, FEED_URI);
                assertThat(feed.entries())
                        .extracting(ParsedEntry::title)
                        .as(contentType)
                        .containsExactly("\u00e9t\u00e9 HER2\u2212");
            }
        }
    }

    @Test
    void aByteOrderMarkSelectsUtf16() throws Exception {
        String xml = "<rss version=\"2.0\"><channel><title>\u00e9t\u00e9</title></channel></rss>";
        byte[] body = ("\uFEFF" + xml).getBytes(StandardCharsets.UTF_16BE);

        assertThat(parser.parse(body, null, FEED_URI).title()).isEqualTo("\u00e9t\u00e9");
    }

    @Test
    void refusesAnEmptyBody() {
        assertThatThrownBy(() -> parser.parse(new byte[0], null, FEED_URI))
                .isInstanceOf(FeedParseException.class)
                .hasMessage("empty body");
        assertThatThrownBy(() -> parser.parse(" \r\n\t".getBytes(StandardCharsets.US_ASCII), null, FEED_URI))
                .isInstanceOf(FeedParseException.class)
                .hasMessage("empty body");
    }

    @Test
    void refusesAnHtmlPageServedInsteadOfAFeed() {
        String page = "<!DOCTYPE html>\n<html lang=\"en\"><head><title>Login</title><meta charset=utf-8>"
                + "</head><body><p>Please sign in<br></body></html>";
        assertThatThrownBy(() -> parse(page))
                .isInstanceOf(FeedParseException.class)
                .hasMessage("not a feed (HTML page)");
        assertThatThrownBy(() -> parse("<html xmlns=\"http://www.w3.org/1999/xhtml\"><body/></html>"))
                .isInstanceOf(FeedParseException.class)
                .hasMessage("not a feed (HTML page)");
    }

    @Test
    void refusesJsonAndOtherXml() {
        assertThatThrownBy(() -> parse("{\"version\": \"https://jsonfeed.org/version/1.1\", \"items\": []}"))
                .isInstanceOf(FeedParseException.class)
                .hasMessageStartingWith("not a feed: looks like JSON");
        assertThatThrownBy(() -> parse("<opml version=\"2.0\"><body/></opml>"))
                .isInstanceOf(FeedParseException.class)
                .hasMessage("not a feed: root element <opml> is not RSS, RDF or Atom");
    }

    @Test
    void reportsTruncatedXmlClearly() {
        String truncated = "<rss version=\"2.0\">\n<channel>\n<title>t</title>\n<item><title>cut he";

        assertThatThrownBy(() -> parse(truncated))
                .isInstanceOf(FeedParseException.class)
                .hasMessage("truncated XML: the document ends at line 4 before its elements are closed");
    }

    @Test
    void reportsOtherXmlErrorsWithTheirLine() {
        String broken = "<rss version=\"2.0\">\n<channel>\n<title>t</title>\n<item><title>x</item>\n</channel></rss>";

        assertThatThrownBy(() -> parse(broken))
                .isInstanceOf(FeedParseException.class)
                .hasMessageStartingWith("XML error at line 4: ")
                .hasMessageContaining("must be terminated by the matching end-tag")
                .message()
                .doesNotContain("\n");
    }

    @Test
    void repairsLeadingGarbageHtmlEntitiesStrayAmpersandsAndControlCharacters() throws Exception {
        String sloppy =
                "\uFEFF  \n<?xml version=\"1.0\"?>\n<rss version=\"2.0\"><channel><title>R&amp;D &ndash; news</title>"
                        + "<item><title>Caf&eacute;&nbsp;talk &hellip; Q&A\u0001</title>"
                        + "<description><![CDATA[kept &nbsp; as written]]></description>"
                        + "<link>https://example.org/a?x=1&y=2</link></item></channel></rss>";

        ParsedFeed feed = parse("garbage before the document" + sloppy);

        assertThat(feed.repaired()).isTrue();
        assertThat(feed.title()).isEqualTo("R&D \u2013 news");
        ParsedEntry entry = feed.entries().get(0);
        assertThat(entry.title()).isEqualTo("Caf\u00e9\u00a0talk \u2026 Q&A");
        assertThat(entry.summaryHtml()).isEqualTo("kept &nbsp; as written");
        assertThat(entry.link()).isEqualTo("https://example.org/a?x=1&y=2");
    }

    @Test
    void readsRss091WithTheNetscapeDoctypeByDroppingTheDoctype() throws Exception {
        ParsedFeed feed = parse("""
                <?xml version="1.0"?>
                <!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN"
                  "http://my.netscape.com/publish/formats/rss-0.91.dtd">
                <rss version="0.91"><channel><title>Old &amp; loyal</title><link>http://example.org/</link>
                <description>d</description><language>en</language>
                <item><title>one</title><link>http://example.org/1</link></item></channel></rss>
                """);

        assertThat(feed.repaired()).isTrue();
        assertThat(feed.format()).startsWith("rss_0.91");
        assertThat(feed.entries()).extracting(ParsedEntry::title).containsExactly("one");
    }

    @Test
    void acceptsRssWithoutVersionAndAtomWithoutNamespace() throws Exception {
        assertThat(parse("<rss><channel><item><title>x</title></item></channel></rss>")
                        .entries())
                .hasSize(1);
        ParsedFeed atom = parse("<feed><title>a</title><entry><title>y</title><id>1</id></entry></feed>");
        assertThat(atom.format()).isEqualTo("atom_1.0");
        assertThat(atom.entries()).extracting(ParsedEntry::title).containsExactly("y");
    }
}
