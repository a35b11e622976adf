package org.her2feeds.faults;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndPerson;
import com.rometools.rome.io.SyndFeedInput;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.assertj.core.api.SoftAssertions;
import org.her2feeds.ingest.IngestOutcome;
import org.her2feeds.testsupport.FeedValidity;
import org.her2feeds.testsupport.RemoteSources;
import org.her2feeds.testsupport.RunningApplication;
import org.her2feeds.testsupport.StubServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The real-world shapes corpus ({@code src/test/resources/realworld}, see its README) through the whole path: every
 * document served over HTTP with the Content-Type a real server sends, ingested, then compared with the manifest of
 * what a reader should get (link, DOI, PMID per item) and read back from every output. Every relevant-looking item is
 * relevant here (the topic rules accept any word), so each item reaches the outputs; the HER2 labels of the manifest
 * are not judged by this test. Each property is its own soft assertion listing the offending items.
 */
class RealWorldShapesTest extends RunningApplication {

    static final String ROOT = "realworld/";

    @RegisterExtension
    static final StubServer remote = StubServer.perClassAsStubbed();

    static final JsonMapper JSON = JsonMapper.builder().build();
    /** Markup in text: '<' followed by a letter, '/', '!' or '?'. */
    static final Pattern MARKUP = Pattern.compile("<[A-Za-z/!?]");

    @Autowired
    JdbcClient jdbc;

    record FileRow(String file, String shape, String path, String contentType) {
        String sourceId() {
            return "rw-" + file.replaceAll("\\.[a-z]+$", "").replaceAll("[^a-z0-9-]", "-");
        }
    }

    record Row(
            String file,
            String shape,
            String item,
            String link,
            String doi,
            String pmid,
            String published,
            String her2,
            String note,
            String title) {
        String label() {
            return file + " " + (item.length() > 120 ? item.substring(0, 120) + "…" : item);
        }
    }

    record Stored(
            String id,
            String url,
            String doi,
            String pmid,
            String title,
            Instant publishedAt,
            String guid,
            String link) {}

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws IOException {
        RemoteSources sources = new RemoteSources(remote, work);
        for (FileRow f : files()) {
            sources.serve(f.path(), ROOT + f.file(), f.contentType())
                    .add(f.sourceId(), f.sourceId(), f.path(), null, "PT30M");
        }
        sources.topics(RemoteSources.everythingRelevant())
                .property("her2.feed.max-limit", "5000")
                .schedulerOff()
                .register(registry);
    }

    @Test
    void everyShapeGivesWhatAReaderShouldGet() throws Exception {
        List<FileRow> files = files();
        List<Row> manifest = manifest();
        Map<String, List<Row>> rowsByFile = new LinkedHashMap<>();
        manifest.forEach(r ->
                rowsByFile.computeIfAbsent(r.file(), k -> new ArrayList<>()).add(r));
        String origin = remote.baseUrl();

        List<String> sourceErrors = new ArrayList<>();
        List<String> accounting = new ArrayList<>();
        Map<String, Integer> rejectedBySource = new TreeMap<>();
        int stored = 0;
        int rejected = 0;
        Map<String, FileRow> byFile = new HashMap<>();
        for (FileRow f : files) {
            byFile.put(f.file(), f);
            IngestOutcome o = ingest.ingest(f.sourceId());
            int expected = rowsByFile.getOrDefault(f.file(), List.of()).size();
            int kept = o.added() + o.updated() + o.unchanged() + o.duplicates();
            stored += kept;
            rejected += o.rejected();
            if (o.rejected() > 0) {
                rejectedBySource.put(f.file(), o.rejected());
            }
            if (o.error() != null) {
                sourceErrors.add(f.file() + " (" + f.shape() + "): " + o.error());
            }
            if (kept + o.rejected() != expected) {
                accounting.add(
                        "%s (%s): %d items in the manifest, but added %d + updated %d + unchanged %d + duplicates %d "
                                + "+ rejected %d = %d (irrelevant %d)%s"
                                        .formatted(
                                                f.file(),
                                                f.shape(),
                                                expected,
                                                o.added(),
                                                o.updated(),
                                                o.unchanged(),
                                                o.duplicates(),
                                                o.rejected(),
                                                kept + o.rejected(),
                                                o.irrelevant(),
                                                o.error() == null ? "" : "; error: " + o.error()));
            }
        }

        // ---- the stored articles against the manifest ----
        List<String> badLinks = new ArrayList<>();
        List<String> linkMismatches = new ArrayList<>();
        List<String> doiMismatches = new ArrayList<>();
        List<String> pmidMismatches = new ArrayList<>();
        List<String> notFound = new ArrayList<>();
        List<String> merged = new ArrayList<>();
        int linksChecked = 0,
                linksOk = 0,
                doisChecked = 0,
                doisOk = 0,
                pmidsChecked = 0,
                pmidsOk = 0,
                datesChecked = 0,
                datesOk = 0;
        List<String> dateMismatches = new ArrayList<>();

        for (String article : jdbc.sql("SELECT id || ' ' || COALESCE(url, '<null>') FROM article")
                .query(String.class)
                .list()) {
            String url = article.substring(article.indexOf(' ') + 1);
            if (!(url.startsWith("http://") || url.startsWith("https://")) || url.contains("/api/")) {
                badLinks.add(article);
            }
        }

        for (Map.Entry<String, List<Row>> e : rowsByFile.entrySet()) {
            FileRow f = byFile.get(e.getKey());
            List<Stored> candidates = storedOf(f.sourceId());
            Map<String, Row> itemByArticle = new HashMap<>();
            for (Row r : e.getValue()) {
                Stored s = find(candidates, r);
                if (s == null) {
                    notFound.add(r.label() + " [" + r.note() + "] title '" + r.title() + "'");
                    continue;
                }
                Row earlier = itemByArticle.put(s.id(), r);
                if (earlier != null && !r.note().contains("syndicated")) {
                    merged.add(r.label() + " and " + earlier.item() + " became one article " + s.id() + " [" + r.note()
                            + "]");
                }
                if (!r.link().isEmpty()) {
                    linksChecked++;
                    String want = r.link().replace("{origin}", origin);
                    if (sameTarget(want, s.link()) || sameTarget(want, s.url())) {
                        linksOk++;
                    } else {
                        linkMismatches.add(r.label() + ": want " + want + " got " + s.link()
                                + (s.link() != null && s.link().equals(s.url()) ? "" : " (article url " + s.url() + ")")
                                + " [" + r.note() + "]");
                    }
                }
                if (!r.doi().isEmpty()) {
                    doisChecked++;
                    if (r.doi().equals(s.doi() == null ? null : s.doi().toLowerCase(Locale.ROOT))) {
                        doisOk++;
                    } else {
                        doiMismatches.add(r.label() + ": want " + r.doi() + " got " + s.doi() + " [" + r.note() + "]");
                    }
                }
                if (!r.pmid().isEmpty()) {
                    pmidsChecked++;
                    if (r.pmid().equals(s.pmid())) {
                        pmidsOk++;
                    } else {
                        pmidMismatches.add(
                                r.label() + ": want " + r.pmid() + " got " + s.pmid() + " [" + r.note() + "]");
                    }
                }
                if (!r.published().isEmpty()) {
                    datesChecked++;
                    if (s.publishedAt() != null && s.publishedAt().equals(Instant.parse(r.published()))) {
                        datesOk++;
                    } else {
                        dateMismatches.add(r.label() + ": want " + r.published() + " got " + s.publishedAt() + " ["
                                + r.note() + "]");
                    }
                }
            }
        }

        // ---- the outputs ----
        String rss = getText("/feed.xml?limit=5000");
        String atom = getText("/feed.atom?limit=5000");
        String jsonFeed = getText("/feed.json?limit=5000");
        List<String> markup = new ArrayList<>();
        markup.addAll(syndTextViolations("rss", rss));
        markup.addAll(syndTextViolations("atom", atom));
        for (JsonNode item : JSON.readTree(jsonFeed).path("items")) {
            String id = "json feed item " + item.path("id").asString();
            checkText(markup, id + " title", item.path("title").asString());
            for (JsonNode author : item.path("authors")) {
                checkText(markup, id + " author", author.path("name").asString());
            }
        }
        int digestArticles = 0;
        for (JsonNode day : JSON.readTree(getText("/api/digests"))) {
            String date = day.get("date").asString();
            for (JsonNode a : JSON.readTree(getText("/api/digests/" + date)).path("articles")) {
                digestArticles++;
                String id = "digest " + date + " article " + a.path("id").asString();
                checkText(markup, id + " title", a.path("title").asString());
                for (JsonNode author : a.path("authors")) {
                    checkText(markup, id + " author", author.asString());
                }
            }
        }

        long shapes = files.stream().map(FileRow::shape).distinct().count();
        System.out.printf(
                "[realworld] %d files, %d shapes, %d items in the manifest; %d stored, %d rejected %s; %d source "
                        + "errors; "
                        + "%d items not found in the store; %d articles in the digests%n",
                files.size(),
                shapes,
                manifest.size(),
                stored,
                rejected,
                rejectedBySource,
                sourceErrors.size(),
                notFound.size(),
                digestArticles);
        System.out.printf(
                "[realworld] links %d/%d resolved as expected, DOIs %d/%d, PMIDs %d/%d, dates %d/%d (dates are "
                        + "reported, not asserted)%n",
                linksOk, linksChecked, doisOk, doisChecked, pmidsOk, pmidsChecked, datesOk, datesChecked);
        System.out.printf(
                "[realworld] failures: %d source errors, %d accounting, %d stored articles without an http(s) link, "
                        + "%d link, %d DOI, %d PMID, "
                        + "%d merged distinct items, %d not found, %d markup in output text%n",
                sourceErrors.size(),
                accounting.size(),
                badLinks.size(),
                linkMismatches.size(),
                doiMismatches.size(),
                pmidMismatches.size(),
                merged.size(),
                notFound.size(),
                markup.size());
        print("source error", sourceErrors);
        print("accounting", accounting);
        print("bad stored link", badLinks);
        print("link mismatch", linkMismatches);
        print("doi mismatch", doiMismatches);
        print("pmid mismatch", pmidMismatches);
        print("merged", merged);
        print("not found", notFound);
        print("markup", markup);
        print("date mismatch", dateMismatches);

        SoftAssertions softly = new SoftAssertions();
        softly.assertThat(sourceErrors)
                .as("sources whose ingest recorded an error")
                .isEmpty();
        softly.assertThat(accounting)
                .as("sources whose added+updated+unchanged+duplicates+rejected does not cover every item")
                .isEmpty();
        softly.assertThat(badLinks)
                .as("stored articles (id url) without an http(s) link, or linking to the service's own /api/")
                .isEmpty();
        softly.assertThat(notFound)
                .as("manifest items with no stored article of their source (by guid, else by title)")
                .isEmpty();
        softly.assertThat(linkMismatches)
                .as("items whose stored link is not the link a reader must reach")
                .isEmpty();
        softly.assertThat(doiMismatches)
                .as("items whose stored DOI is not their own DOI")
                .isEmpty();
        softly.assertThat(pmidMismatches)
                .as("items whose stored PMID is not their own PMID")
                .isEmpty();
        softly.assertThat(merged)
                .as("distinct items of one feed stored as one article")
                .isEmpty();
        softly.assertThat(markup)
                .as("titles or authors in the RSS/Atom/JSON Feed/digest outputs carrying markup")
                .isEmpty();
        softly.check(() -> FeedValidity.assertValidRss(rss));
        softly.check(() -> FeedValidity.assertValidAtom(atom));
        softly.check(() -> FeedValidity.assertValidJsonFeed(jsonFeed, JSON));
        softly.assertAll();
    }

    // ---- matching ----

    private List<Stored> storedOf(String sourceId) {
        return jdbc.sql("""
                SELECT a.id, a.url, a.doi, a.pmid, a.title, a.published_at, s.guid, s.link FROM article a
                JOIN article_source s ON s.article_id = a.id WHERE s.source_id = :id""")
                .param("id", sourceId)
                .query((rs, n) -> {
                    Timestamp published = rs.getTimestamp(6);
                    return new Stored(
                            rs.getString(1),
                            rs.getString(2),
                            rs.getString(3),
                            rs.getString(4),
                            rs.getString(5),
                            published == null ? null : published.toInstant(),
                            rs.getString(7),
                            rs.getString(8));
                })
                .list();
    }

    /** By guid when the item has one (a long guid may be stored shortened), else by the start of its title. */
    private static Stored find(List<Stored> candidates, Row r) {
        if (!r.item().startsWith("#")) {
            for (Stored s : candidates) {
                if (r.item().equals(s.guid())) {
                    return s;
                }
            }
            for (Stored s : candidates) {
                if (s.guid() != null && s.guid().length() >= 200 && r.item().startsWith(s.guid())) {
                    return s;
                }
            }
        }
        String title = squash(r.title());
        if (title.length() < 10) {
            return null;
        }
        for (Stored s : candidates) {
            if (squash(s.title()).startsWith(title)) {
                return s;
            }
        }
        return null;
    }

    private static String squash(String s) {
        return s == null ? "" : s.replaceAll("\\s+", " ").strip();
    }

    /**
     * The same target: scheme and host compared without case, default ports dropped, percent-escapes decoded, and the
     * DOI resolvers (doi.org, dx.doi.org, over http or https) taken as one.
     */
    static boolean sameTarget(String want, String got) {
        return got != null && normal(want).equals(normal(got));
    }

    private static String normal(String url) {
        String u = decode(url.strip());
        Matcher m = Pattern.compile("^(?i)(https?)://([^/?#]*)(.*)$").matcher(u);
        if (!m.matches()) {
            return u;
        }
        String scheme = m.group(1).toLowerCase(Locale.ROOT);
        String host = m.group(2).toLowerCase(Locale.ROOT);
        if ((scheme.equals("http") && host.endsWith(":80")) || (scheme.equals("https") && host.endsWith(":443"))) {
            host = host.substring(0, host.lastIndexOf(':'));
        }
        String rest = m.group(3).isEmpty() ? "/" : m.group(3);
        if (host.equals("doi.org") || host.equals("dx.doi.org")) {
            return "doi:" + rest;
        }
        return scheme + "://" + host + rest;
    }

    private static String decode(String s) {
        if (s.indexOf('%') < 0) {
            return s;
        }
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%' && i + 2 < s.length() && isHex(s.charAt(i + 1)) && isHex(s.charAt(i + 2))) {
                out.write(Integer.parseInt(s.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                byte[] b = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                out.write(b, 0, b.length);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static boolean isHex(char c) {
        return Character.digit(c, 16) >= 0;
    }

    // ---- outputs ----

    private static List<String> syndTextViolations(String what, String xml) {
        List<String> problems = new ArrayList<>();
        SyndFeed feed;
        try {
            feed = new SyndFeedInput().build(new StringReader(xml));
        } catch (Exception e) {
            problems.add(what + " does not parse: " + e);
            return problems;
        }
        for (SyndEntry entry : feed.getEntries()) {
            String id = what + " entry " + entry.getUri();
            checkText(problems, id + " title", entry.getTitle());
            checkText(problems, id + " author", entry.getAuthor());
            for (SyndPerson person : entry.getAuthors()) {
                checkText(problems, id + " author", person.getName());
            }
        }
        return problems;
    }

    private static void checkText(List<String> problems, String what, String text) {
        if (text != null && MARKUP.matcher(text).find()) {
            problems.add(what + ": " + OutputSafety.abbreviate(text));
        }
    }

    private String getText(String path) throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (response.statusCode() != 200) {
            throw new AssertionError(path + " answered " + response.statusCode());
        }
        return response.body();
    }

    private static void print(String kind, List<String> problems) {
        problems.forEach(p -> System.out.println("[realworld] " + kind + ": " + p));
    }

    // ---- the corpus ----

    static List<FileRow> files() {
        return tsv("files.tsv").stream()
                .map(c -> new FileRow(c[0], c[1], c[2], c[3]))
                .toList();
    }

    static List<Row> manifest() {
        return tsv("manifest.tsv").stream()
                .map(c -> new Row(c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7], c[8], c.length > 9 ? c[9] : ""))
                .toList();
    }

    private static List<String[]> tsv(String name) {
        String text = new String(resource(name), StandardCharsets.UTF_8);
        List<String[]> rows = new ArrayList<>();
        boolean header = true;
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            if (header) {
                header = false;
                continue;
            }
            rows.add(line.split("\t", -1));
        }
        return rows;
    }

    private static byte[] resource(String name) {
        try (InputStream in = RealWorldShapesTest.class.getClassLoader().getResourceAsStream(ROOT + name)) {
            if (in == null) {
                throw new IOException("no test resource " + ROOT + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
