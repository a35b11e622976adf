package org.her2feeds.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.her2feeds.testsupport.SharedMaterial;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs every case of the third-party conformance corpus (feedparser, Rome, miniflux) through the parser: nothing
 * may escape but {@link FeedParseException}, well-formed feeds must give their items, and the values the
 * corpus's expected.jsonl checks (titles, links, descriptions) must come out as the reference readers have them.
 */
class ConformanceCorpusTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /**
     * feedparser maps these two by HTML 4; HTML5 (whose table the parser uses) moved them to the mathematical
     * angle brackets because U+2329/U+232A are deprecated. Expected here as HTML5 has them.
     */
    private static final Map<String, String> HTML5_OVER_HTML4 = Map.of(
            "lang.xml feed.title", "testing \u27e8 entity",
            "rang.xml feed.title", "testing \u27e9 entity");

    /** The contract gives the item's description before any non-standard {@code <summary>} in RSS. */
    private static final Map<String, String> DESCRIPTION_FIRST =
            Map.of("rss/item_summary_and_description.xml entries.0.summary", "Example description");

    /**
     * Refusals expected among well-formed cases: DOCTYPEs with internal subsets (refused on purpose), formats
     * that are not RSS or Atom (Microsoft CDF, pre-Atom drafts in their own namespaces) and Atom 0.3
     * base64 content, which Rome 2.1.0's decoder fails on.
     */
    private static final List<String> EXPECTED_WELLFORMED_REFUSALS = List.of(
            "DOCTYPE refused",
            "not a feed: root element <CHANNEL>",
            "not a feed: root element <feed> in namespace",
            "invalid feed: Rome could not read it (java.lang.ArrayIndexOutOfBoundsException");

    /** Refusal openings shared by many cases of the folders below. */
    private static final String JSON_FEED = "not a feed: looks like JSON, not RSS or Atom";

    private static final String HTML = "not a feed (HTML page)";
    private static final String FRAGMENT =
            "XML error at line 1: The markup in the document following the root element must be well-formed";

    private final FeedParser parser = new FeedParser();

    @Test
    void wellformedFeedsGiveTheirItems() throws IOException {
        Run run = run("wellformed", DESCRIPTION_FIRST);
        List<String> itemless = new ArrayList<>();
        for (Outcome o : run.outcomes) {
            if (o.feed() != null && hasItemElement(o) && o.feed().entries().isEmpty()) {
                itemless.add(o.file());
            }
        }
        assertThat(itemless).as("well-formed feeds with items that gave none").isEmpty();
        assertThat(run.refusedOtherThan(EXPECTED_WELLFORMED_REFUSALS))
                .as("well-formed feeds refused")
                .isEmpty();
        assertThat(run.checkFailures).as("expected.jsonl checks").isEmpty();
    }

    @Test
    void illformedFeedsNeverEscapeAsOtherExceptions() throws IOException {
        Run run = run("illformed");
        assertThat(run.checkFailures).as("expected.jsonl checks").isEmpty();
    }

    @Test
    void encodingCasesHonourBomHttpCharsetAndProlog() throws IOException {
        Run run = run("encoding");
        assertThat(run.checkFailures).as("expected.jsonl checks").isEmpty();
    }

    @Test
    void everyHtmlNamedEntityIsDecodedThroughTheRepairPath() throws IOException {
        Run run = run("entities", HTML5_OVER_HTML4);
        assertThat(run.refused).as("entity cases refused").isEmpty();
        assertThat(run.checkFailures).as("expected.jsonl checks").isEmpty();
        assertThat(run.checked).as("entity cases checked").isGreaterThanOrEqualTo(250);
    }

    @Test
    void romeSamplesParse() throws IOException {
        Run run = run("rome");
        assertThat(run.outcomes).as("Rome samples run").hasSize(163);
        assertThat(run.parsed).as("Rome samples parsed").isEqualTo(159);
        run.assertRefusedExactly(ROME_REFUSALS);
    }

    @Test
    void minifluxFixturesParse() throws IOException {
        Run run = run("miniflux");
        assertThat(run.outcomes).as("miniflux fixtures run").hasSize(261);
        assertThat(run.parsed).as("miniflux fixtures parsed").isEqualTo(199);
        run.assertRefusedExactly(MINIFLUX_REFUSALS);
    }

    /** Every Rome sample refused, with the start of its refusal; all others must parse. */
    private static final Map<String, String> ROME_REFUSALS = refusals(
            // An HTML error page ("We're Sorry") saved under a .rss name among Rome's module samples.
            "rome-modules/2.rss", "not a feed (HTML page)",
            // OPML outlines (subscription lists), not feeds: Rome reads them with its separate OPML module.
            "rome-opml/opml_1.0.xml", "not a feed: root element <opml>",
            "rome-opml/opml_1.0_links.xml", "not a feed: root element <opml>",
            "rome-opml/opml_2.0.xml", "not a feed: root element <opml>");

    /** Every miniflux fixture refused, with the start of its refusal; all others must parse. */
    private static final Map<String, String> MINIFLUX_REFUSALS = refusals(
            // miniflux's own test inputs carry a stray </content> (Go's decoder tolerates it): not well-formed XML,
            // and the repair path does not invent structure.
            "inline/atom10/TestParseEntryWithDuplicateEnclosureURL.xml",
                    "XML error at line 22: The element type \"entry\"",
            "inline/atom10/TestParseEntryWithRelativeEnclosureURL.xml",
                    "XML error at line 17: The element type \"entry\"",
            // miniflux's "invalid input" cases: the body is the word "garbage" or "null", no markup at all.
            "inline/atom10/TestParseInvalidXml.xml", "not a feed: no XML markup in the body",
            "inline/rdf/TestParseInvalidXml.xml", "not a feed: no XML markup in the body",
            "inline/rss/TestParseInvalidXml.xml", "not a feed: no XML markup in the body",
            "inline/jsonfeed/TestParseInvalidJSON.json", "not a feed: no XML markup in the body",
            "inline/jsonfeed/TestParseNullJSONFeed.json", "not a feed: no XML markup in the body",
            // JSON Feed: miniflux reads it, this service reads RSS, RDF and Atom only (refused by name, not as
            // garbage).
            "inline/detect/TestParseJson.json", JSON_FEED,
            "inline/detect/TestParseJsonFeedWithRelativeURL.json", JSON_FEED,
            "inline/jsonfeed/TestParseFeedFavicon.json", JSON_FEED,
            "inline/jsonfeed/TestParseFeedIcon.json", JSON_FEED,
            "inline/jsonfeed/TestParseFeedSiteURLWithTrailingSpace.json", JSON_FEED,
            "inline/jsonfeed/TestParseFeedWithDescription.json", JSON_FEED,
            "inline/jsonfeed/TestParseFeedWithFeedURLWithTrailingSpace.json", JSON_FEED,
            "inline/jsonfeed/TestParseFeedWithLanguage.json", JSON_FEED,
            "inline/jsonfeed/TestParseFeedWithRelativeAttachmentURL.json", JSON_FEED,
            "inline/jsonfeed/TestParseFeedWithRelativeFeedURL.json", JSON_FEED,
            "inline/jsonfeed/TestParseFeedWithRelativeSiteURL.json", JSON_FEED,
            "inline/jsonfeed/TestParseFeedWithoutFeedURL.json", JSON_FEED,
            "inline/jsonfeed/TestParseFeedWithoutHomePage.json", JSON_FEED,
            "inline/jsonfeed/TestParseFeedWithoutLanguage.json", JSON_FEED,
            "inline/jsonfeed/TestParseFeedWithoutTitle.json", JSON_FEED,
            "inline/jsonfeed/TestParseItemHashFallsBackToContent.json", JSON_FEED,
            "inline/jsonfeed/TestParseItemHashPrefersIDOverURL.json", JSON_FEED,
            "inline/jsonfeed/TestParseItemHashUsesExternalURLFallback.json", JSON_FEED,
            "inline/jsonfeed/TestParseItemHashUsesURLWhenNoID.json", JSON_FEED,
            "inline/jsonfeed/TestParseItemTags.json", JSON_FEED,
            "inline/jsonfeed/TestParseItemTitleWithXMLTags.json", JSON_FEED,
            "inline/jsonfeed/TestParseItemWithAuthorsObject.json", JSON_FEED,
            "inline/jsonfeed/TestParseItemWithExternalURLAndNoURL.json", JSON_FEED,
            "inline/jsonfeed/TestParseItemWithExternalURLAndURL.json", JSON_FEED,
            "inline/jsonfeed/TestParseItemWithInvalidDate.json", JSON_FEED,
            "inline/jsonfeed/TestParseItemWithLanguage.json", JSON_FEED,
            "inline/jsonfeed/TestParseItemWithLegacyAuthorField.json", JSON_FEED,
            "inline/jsonfeed/TestParseItemWithMissingTitleUsesContentTextFallback.json", JSON_FEED,
            "inline/jsonfeed/TestParseItemWithMissingTitleUsesHTMLFallback.json", JSON_FEED,
            "inline/jsonfeed/TestParseItemWithMissingTitleUsesSummaryFallback.json", JSON_FEED,
            "inline/jsonfeed/TestParseItemWithMissingTitleUsesURLFallback.json", JSON_FEED,
            "inline/jsonfeed/TestParseItemWithMultipleAuthorFields.json", JSON_FEED,
            "inline/jsonfeed/TestParseItemWithMultipleDuplicateAuthors.json", JSON_FEED,
            "inline/jsonfeed/TestParseItemWithPlainTextContentContainingHTMLCharacters.json", JSON_FEED,
            "inline/jsonfeed/TestParseItemWithRelativeURL.json", JSON_FEED,
            "inline/jsonfeed/TestParseItemWithTooLongUnicodeTitle.json", JSON_FEED,
            "inline/jsonfeed/TestParseItemWithoutAttachmentURL.json", JSON_FEED,
            "inline/jsonfeed/TestParseItemWithoutLanguageInheritsFeedLanguage.json", JSON_FEED,
            "inline/jsonfeed/TestParseJsonFeedVersion1.json", JSON_FEED,
            "inline/jsonfeed/TestParsePodcast.json", JSON_FEED,
            // miniflux's feed-detection case: an XHTML page, which must be told apart from a feed.
            "inline/detect/TestParseUnknownFeed.xml", HTML,
            // Web pages miniflux's charset reader, sanitiser and scraper tests read: HTML, not feeds.
            "testdata/reader/encoding/iso-8859-1-meta-after-1024.html", HTML,
            "testdata/reader/encoding/iso-8859-1.html", HTML,
            "testdata/reader/encoding/utf8-meta-after-1024.html", HTML,
            "testdata/reader/encoding/utf8.html", HTML,
            "testdata/reader/sanitizer/miniflux_github.html", HTML,
            "testdata/reader/sanitizer/miniflux_wikipedia.html", HTML,
            "testdata/reader/scraper/iframe.html", HTML,
            "testdata/reader/scraper/img.html", HTML,
            "testdata/reader/scraper/p.html", HTML,
            // The scraper's expected outputs: HTML fragments of several sibling elements, so not one XML document.
            "testdata/reader/scraper/iframe.html-result", FRAGMENT,
            "testdata/reader/scraper/img.html-result", FRAGMENT,
            "testdata/reader/scraper/p.html-result", FRAGMENT,
            // The XML reader's charset tests use a plain <note> document: well-formed XML, not a feed.
            "testdata/reader/xml/iso88591.xml", "not a feed: root element <note>",
            "testdata/reader/xml/iso88591_utf8_mismatch.xml", "not a feed: root element <note>");

    private static Map<String, String> refusals(String... fileThenReason) {
        Map<String, String> byFile = new LinkedHashMap<>();
        for (int i = 0; i < fileThenReason.length; i += 2) {
            byFile.put(fileThenReason[i], fileThenReason[i + 1]);
        }
        return byFile;
    }

    /** An item in RSS and RDF, an entry in Atom (an Atom feed with an {@code <item>} has no entries). */
    private static boolean hasItemElement(Outcome o) {
        return o.text().contains(o.feed().format().startsWith("atom") ? "<entry" : "<item");
    }

    private Run run(String folder) throws IOException {
        return run(folder, Map.of());
    }

    private Run run(String folder, Map<String, String> overrides) throws IOException {
        Path root = SharedMaterial.conformance().resolve(folder);
        Map<String, JsonNode> expectations = expectations(root.resolve("expected.jsonl"));
        Run run = new Run(folder, overrides);
        for (String[] row : manifest(root.resolve("MANIFEST.tsv"))) {
            String file = row[0];
            byte[] body = Files.readAllBytes(root.resolve(file));
            String contentType = contentType(row.length > 3 ? row[3] : "");
            Outcome outcome;
            try {
                ParsedFeed feed = parser.parse(body, contentType, URI.create("http://example.test/" + file));
                outcome = new Outcome(file, new String(body, StandardCharsets.ISO_8859_1), feed, null);
            } catch (FeedParseException e) {
                outcome = new Outcome(file, new String(body, StandardCharsets.ISO_8859_1), null, e.getMessage());
            }
            // Anything else thrown fails the test right here, which is the point of running every case.
            run.add(outcome, expectations.get(file));
        }
        run.print();
        return run;
    }

    private static List<String[]> manifest(Path manifest) throws IOException {
        List<String> lines = Files.readAllLines(manifest, StandardCharsets.UTF_8);
        List<String[]> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            if (!line.isBlank()) {
                rows.add(line.split("\t", -1));
            }
        }
        return rows;
    }

    private static Map<String, JsonNode> expectations(Path jsonl) throws IOException {
        Map<String, JsonNode> byFile = new LinkedHashMap<>();
        if (Files.exists(jsonl)) {
            for (String line : Files.readAllLines(jsonl, StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    JsonNode node = JSON.readTree(line);
                    byFile.put(node.get("file").asString(), node);
                }
            }
        }
        return byFile;
    }

    /** The manifest's extra column carries "Header: Content-type: ..." for cases served over HTTP. */
    private static String contentType(String extra) {
        for (String part : extra.split("\\|")) {
            String p = part.trim();
            if (p.regionMatches(true, 0, "Header: Content-type:", 0, 21)) {
                return p.substring(21).trim();
            }
        }
        return null;
    }

    record Outcome(String file, String text, ParsedFeed feed, String refusal) {}

    /** Tallies one folder and compares the values expected.jsonl checks that this parser exposes. */
    static final class Run {
        final String folder;
        final Map<String, String> overrides;
        final List<Outcome> outcomes = new ArrayList<>();
        final List<String> refused = new ArrayList<>();
        final Map<String, Integer> reasons = new TreeMap<>();
        final List<String> checkFailures = new ArrayList<>();
        int parsed;
        int repaired;
        int checked;

        Run(String folder, Map<String, String> overrides) {
            this.folder = folder;
            this.overrides = overrides;
        }

        void add(Outcome outcome, JsonNode expectation) {
            outcomes.add(outcome);
            if (outcome.feed() == null) {
                refused.add(outcome.file() + ": " + outcome.refusal());
                reasons.merge(bucket(outcome.refusal()), 1, Integer::sum);
                return;
            }
            parsed++;
            repaired += outcome.feed().repaired() ? 1 : 0;
            if (expectation != null && !expectation.path("bozo").asBoolean(false)) {
                for (JsonNode check : expectation.get("checks")) {
                    compare(outcome, check);
                }
            }
        }

        /** The refused files are exactly those expected, each with a refusal starting as expected. */
        void assertRefusedExactly(Map<String, String> expected) {
            Map<String, String> actual = new LinkedHashMap<>();
            outcomes.stream().filter(o -> o.feed() == null).forEach(o -> actual.put(o.file(), o.refusal()));
            assertThat(actual.keySet())
                    .as(folder + ": refused files")
                    .containsExactlyInAnyOrderElementsOf(expected.keySet());
            expected.forEach((file, reason) -> assertThat(actual.get(file))
                    .as(folder + ": refusal of " + file)
                    .startsWith(reason));
        }

        List<String> refusedOtherThan(List<String> expectedPrefixes) {
            return refused.stream()
                    .filter(r -> expectedPrefixes.stream()
                            .noneMatch(p -> r.substring(r.indexOf(": ") + 2).startsWith(p)))
                    .toList();
        }

        private void compare(Outcome outcome, JsonNode check) {
            if (!check.get("op").asString().equals("==") || !check.get("value").isString()) {
                return;
            }
            String path = pathOf(check.get("path"));
            String expected = overrides.getOrDefault(
                    outcome.file() + " " + path, check.get("value").asString());
            if (!comparable(outcome.file(), expected)) {
                return;
            }
            ParsedFeed feed = outcome.feed();
            ParsedEntry first = feed.entries().isEmpty() ? null : feed.entries().get(0);
            String actual;
            switch (path) {
                case "feed.title" -> actual = feed.title();
                case "feed.link" -> actual = feed.link();
                case "entries.0.title", "entries.0.title_detail.value" -> actual = first == null ? null : first.title();
                case "entries.0.link" -> actual = first == null ? null : first.link();
                case "entries.0.description", "entries.0.summary" ->
                    actual = first == null ? null : first.summaryHtml();
                default -> {
                    return;
                }
            }
            checked++;
            if (!expected.equals(actual)) {
                checkFailures.add(
                        outcome.file() + " " + path + ": expected <" + expected + "> but was <" + actual + ">");
            }
        }

        /**
         * This parser hands values over raw: markup and entities stay as written (feedparser decodes, sanitises
         * and unwraps them) and relative links stay relative (feedparser resolves them against HTTP headers).
         * Those expectations belong to the cleaning and ingest stages, so only plain-text values are compared.
         */
        private static boolean comparable(String file, String expected) {
            boolean plainText = expected.indexOf('<') < 0 && expected.indexOf('&') < 0;
            boolean needsHttpContext = file.startsWith("base/") || file.startsWith("http/");
            // iTunes and Media RSS cases check fallbacks to itunes:summary, media:title and the like.
            boolean moduleFallback = file.startsWith("itunes/") || file.startsWith("media-rss/");
            return plainText && !needsHttpContext && !moduleFallback;
        }

        private static String pathOf(JsonNode path) {
            List<String> parts = new ArrayList<>();
            path.forEach(p -> parts.add(p.asString()));
            return String.join(".", parts);
        }

        private static String bucket(String message) {
            String m = message.replaceAll("line \\d+", "line N");
            int colon = m.indexOf(": ");
            if (m.startsWith("XML error") && colon > 0) {
                m = "XML error: " + m.substring(colon + 2).replaceAll("\"[^\"]*\"", "\"...\"");
            }
            return m.length() > 90 ? m.substring(0, 90) + "..." : m;
        }

        void print() {
            StringBuilder out = new StringBuilder();
            out.append(String.format(
                    "conformance %-10s run %4d, parsed %4d (repaired %3d), refused %3d, checks %3d (failed %d)%n",
                    folder, outcomes.size(), parsed, repaired, refused.size(), checked, checkFailures.size()));
            reasons.forEach((reason, count) -> out.append(String.format("    %4d  %s%n", count, reason)));
            refused.forEach(r -> out.append("    refused: ").append(r).append('\n'));
            checkFailures.forEach(
                    f -> out.append("    check failed: ").append(f).append('\n'));
            System.out.print(out);
        }
    }
}
