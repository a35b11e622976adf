package org.her2feeds.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.her2feeds.clean.ContentCleaner;
import org.her2feeds.parse.FeedParser;
import org.her2feeds.parse.ParsedEntry;
import org.her2feeds.parse.ParsedFeed;
import org.her2feeds.store.NewArticle;
import org.her2feeds.tagging.Tagger;
import org.her2feeds.tagging.TermHit;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** From a fetched document to the article a reader sees: links, identity and what relevance reads. */
class EntryMapperTest {

    private static final Tagger TAGGER = Tagger.fromFile(Path.of("config/topics.yml"));
    private final EntryMapper mapper = new EntryMapper(new ContentCleaner(), TAGGER);
    private final FeedParser parser = new FeedParser();

    private Map<String, NewArticle> ingest(String xml, String documentUrl) throws Exception {
        URI url = URI.create(documentUrl);
        ParsedFeed feed = parser.parse(xml.getBytes(StandardCharsets.UTF_8), "application/xml", url);
        URI base = mapper.documentBase(feed, url);
        return feed.entries().stream()
                .map(entry -> mapper.map("src", null, entry, base, null).orElseThrow())
                .collect(Collectors.toMap(NewArticle::guid, Function.identity()));
    }

    @Nested
    class Links {

        private static final String ATOM = """
                <feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://news.example/oncology/">
                  <title>t</title><id>urn:f</id><updated>2026-11-01T00:00:00Z</updated>
                  <link rel="alternate" href="/"/>
                  <entry><id>urn:1</id><title>Feed base</title><updated>2026-11-01T00:00:00Z</updated>
                    <link href="2026/her2-item.html"/></entry>
                  <entry xml:base="/archive/2026/"><id>urn:2</id><title>Entry base</title>
                  <updated>2026-11-01T00:00:00Z</updated>
                    <link href="item-2.html?utm_source=rss"/></entry>
                  <entry xml:base="../blog/"><id>urn:3</id><title>Nested bases</title>
                  <updated>2026-11-01T00:00:00Z</updated>
                    <link xml:base="posts/" href="three.html#top"/></entry>
                  <entry><id>urn:4</id><title>Root relative</title><updated>2026-11-01T00:00:00Z</updated>
                    <link rel="related" href="https://doi.org/10.5555/cited.1"/>
                    <link rel="alternate" type="text/html" href="/news/2025/four"/></entry>
                </feed>""";

        @Test
        void xmlBaseOnTheFeedTheEntryAndTheLinkResolvePerRfc3986() throws Exception {
            Map<String, NewArticle> byGuid = ingest(ATOM, "https://feeds.example/atom.xml");

            assertThat(byGuid.get("urn:1").link()).isEqualTo("https://news.example/oncology/2026/her2-item.html");
            assertThat(byGuid.get("urn:2").link()).isEqualTo("https://news.example/archive/2026/item-2.html");
            assertThat(byGuid.get("urn:3").link()).isEqualTo("https://news.example/blog/posts/three.html#top");
            assertThat(byGuid.get("urn:4").link()).isEqualTo("https://news.example/news/2025/four");
        }

        @Test
        void aFileSourceResolvesAgainstTheFeedsOwnSiteLink() throws Exception {
            String rss = """
                    <rss version="2.0"><channel><title>t</title><link>https://blog.example/her2/</link>
                    <description>d</description>
                      <item><guid isPermaLink="false">a</guid><title>Root</title><link>/2026/11/root.html</link></item>
                      <item><guid isPermaLink="false">b</guid><title>Relative</title><link>posts/rel.html</link></item>
                    </channel></rss>""";

            Map<String, NewArticle> byGuid = ingest(rss, "file:/srv/feeds/blog.xml");

            assertThat(byGuid.get("a").link()).isEqualTo("https://blog.example/2026/11/root.html");
            assertThat(byGuid.get("b").link()).isEqualTo("https://blog.example/her2/posts/rel.html");
        }

        @Test
        void withoutAUsableLinkTheDoiResolverAndThenPubmedStandIn() throws Exception {
            String rss = """
                    <rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>t</title>
                      <link>https://journal.example/</link><description>d</description>
                      <item><guid isPermaLink="false">d</guid><title>Only a DOI</title><link>javascript:void(0)</link>
                        <dc:identifier>doi:10.5555/JOURNAL.2026.001</dc:identifier></item>
                      <item><guid isPermaLink="false">p</guid><title>Only a PMID</title>
                        <dc:identifier>pmid:99100001</dc:identifier></item>
                    </channel></rss>""";

            Map<String, NewArticle> byGuid = ingest(rss, "https://journal.example/rss");

            assertThat(byGuid.get("d").link()).isEqualTo("https://doi.org/10.5555/journal.2026.001");
            assertThat(byGuid.get("p").link()).isEqualTo("https://pubmed.ncbi.nlm.nih.gov/99100001/");
        }

        @Test
        void alertRedirectsAreUnwrappedToTheirDestination() throws Exception {
            String atom = """
                    <feed xmlns="http://www.w3.org/2005/Atom"><title>Alert</title><id>tag:alerts</id>
                    <updated>2026-11-01T00:00:00Z</updated>
                      <entry><id>tag:alerts:1</id><title>HER2 news</title><updated>2026-11-01T00:00:00Z</updated>
                    <link href="https://www.google.com/url?rct=j&amp;url=https://news.example/her2/story%3Fid%3D7"/>
                      </entry>
                    </feed>""";

            assertThat(ingest(atom, "https://alerts.example/feed")
                            .get("tag:alerts:1")
                            .link())
                    .isEqualTo("https://news.example/her2/story?id=7");
        }
    }

    @Nested
    class WhatRelevanceReads {

        @Test
        void aTeaserDescriptionDoesNotHideTheHer2SubjectOfTheFullContent() throws Exception {
            String rss = """
                    <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>
                    <title>t</title>
                      <link>https://news.example/</link><description>d</description>
                      <item><guid isPermaLink="false">t1</guid><title>New data from the San Antonio meeting</title>
                        <link>https://news.example/sabcs</link>
                        <description>Highlights from the second day of presentations.</description>
                        <content:encoded><![CDATA[<p>Highlights from the second day.</p><p>The largest session covered
                          zanidatamab combinations in previously treated HER2-positive disease.</p>]]>
                          </content:encoded></item>
                    </channel></rss>""";

            NewArticle article = ingest(rss, "https://news.example/feed").get("t1");

            assertThat(article.tagging().relevant()).isTrue();
            assertThat(article.tagging().relevanceHits()).contains(new TermHit("her2", "content"));
            assertThat(article.summaryText()).isEqualTo("Highlights from the second day of presentations.");
        }

        @Test
        void anAbstractIsReadBeyondItsFirst500Characters() throws Exception {
            String filler =
                    "Patients with advanced solid tumours were enrolled across four cohorts at 31 sites. ".repeat(8);
            String rss = """
                    <rss version="2.0"><channel><title>t</title><link>https://pubmed.example/</link>
                    <description>d</description>
                      <item><guid isPermaLink="false">long</guid><title>A basket trial of a novel conjugate</title>
                        <description>%s Cohort 3 enrolled patients with ERBB2-amplified colorectal cancer.</description>
                      </item>
                    </channel></rss>""".formatted(filler);

            NewArticle article = ingest(rss, "https://pubmed.example/rss").get("long");

            assertThat(article.summaryText()).hasSizeLessThanOrEqualTo(500).doesNotContain("ERBB2");
            assertThat(article.tagging().relevant()).isTrue();
            assertThat(article.tagging().relevanceHits()).contains(new TermHit("erbb2", "summary"));
        }
    }

    @Nested
    class Identity {

        @Test
        void theItemsOwnDoiComesFromItsLinkNotFromAPaperItCites() throws Exception {
            String atom = """
                    <feed xmlns="http://www.w3.org/2005/Atom"><title>t</title><id>urn:f</id>
                    <updated>2026-11-01T00:00:00Z</updated>
                      <entry><id>urn:own</id><title>Own</title><updated>2026-11-01T00:00:00Z</updated>
                        <link href="http://dx.doi.org/10.5555%2FOWN.7?utm_source=feed#abstract"/>
                        <link rel="related" href="https://doi.org/10.5555/cited.8"/></entry>
                      <entry><id>urn:cites</id><title>Cites only</title><updated>2026-11-01T00:00:00Z</updated>
                        <link href="https://news.example/story"/>
                        <link rel="related" href="https://doi.org/10.5555/cited.9"/></entry>
                    </feed>""";

            Map<String, NewArticle> byGuid = ingest(atom, "https://journal.example/atom");

            assertThat(byGuid.get("urn:own").doi()).isEqualTo("10.5555/own.7");
            assertThat(byGuid.get("urn:cites").doi()).isNull();
        }
    }

    /**
     * A blog whose publishing tool escapes its text before the feed template escapes it again: readers see the
     * quotation marks and ampersands the author wrote, and the notice's quoted title is read from what they see.
     */
    @Test
    void aFeedEscapedTwiceIsReadAsItsAuthorWroteIt() throws Exception {
        String rss = """
                <rss version="2.0"><channel><title>t</title><link>https://blog.example/</link>
                  <description>d</description>
                  <item><guid isPermaLink="false">n</guid><link>https://blog.example/2026/12/pulled</link>
                    <title>Journal retracts &amp;amp;#8220;Neratinib overcomes lapatinib resistance in HER2-mutant \
                organoids&amp;amp;#8221; over duplicated figures</title>
                    <category>Retractions &amp;amp;amp; corrections</category>
                    <description><![CDATA[<p>The journal also flags &amp;quot;Pyrotinib in HER2-low gastric \
                cancer&amp;quot;, after the sponsor's R&D unit found duplicated figures.</p>]]></description>
                  </item>
                </channel></rss>""";

        NewArticle article = ingest(rss, "https://blog.example/feed/").get("n");

        assertThat(article.title())
                .isEqualTo("Journal retracts \u201CNeratinib overcomes lapatinib resistance in HER2-mutant organoids"
                        + "\u201D over duplicated figures");
        assertThat(article.categories()).containsExactly("Retractions & corrections");
        assertThat(article.summaryText())
                .isEqualTo("The journal also flags \"Pyrotinib in HER2-low gastric cancer\", after the sponsor's R&D"
                        + " unit found duplicated figures.");
        assertThat(article.tagging().evidence().notice().title())
                .isEqualTo("Neratinib overcomes lapatinib resistance in HER2-mutant organoids");
    }

    @Test
    void parsedEntriesKeepTheirBasesAndContentApartFromTheDescription() throws Exception {
        String atom = """
                <feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://a.example/x/"><title>t</title><id>urn:f</id>
                  <updated>2026-11-01T00:00:00Z</updated>
                  <entry xml:base="y/"><id>urn:1</id><title>T</title><updated>2026-11-01T00:00:00Z</updated>
                    <summary>Teaser</summary><content type="html">&lt;p&gt;Body&lt;/p&gt;</content>
                    <link xml:base="z/" href="e.html"/></entry>
                </feed>""";

        ParsedEntry entry = parser.parse(atom.getBytes(StandardCharsets.UTF_8), null, URI.create("https://a.example/f"))
                .entries()
                .get(0);

        assertThat(entry.xmlBases()).isEqualTo(List.of("https://a.example/x/", "y/", "z/"));
        assertThat(entry.summaryHtml()).isEqualTo("Teaser");
        assertThat(entry.contentHtml()).isEqualTo("<p>Body</p>");
    }
}
