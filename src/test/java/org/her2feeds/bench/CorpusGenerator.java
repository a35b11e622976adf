package org.her2feeds.bench;

import static org.her2feeds.bench.Vocabulary.pick;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Writes a deterministic corpus of feeds (same seed, same bytes): RSS 2.0, Atom 1.0 and RSS 1.0 (RDF) in turn,
 * summaries with the HTML publishers really send (scripts, styles, iframes, tracking pixels, {@code utm_}
 * links, entities), about a fifth of the articles about HER2, and a pool of articles syndicated to several feeds
 * under different links but one DOI, so that deduplication has work to do. Also writes the sources file that
 * lists every feed as a {@code file:} source.
 */
final class CorpusGenerator {

    /** The corpus is dated before this instant, so no date is in the future whenever the benchmark runs. */
    static final Instant NEWEST = Instant.parse("2025-06-01T00:00:00Z");

    private static final DateTimeFormatter RFC_1123 = DateTimeFormatter.RFC_1123_DATE_TIME.withLocale(Locale.ROOT);

    record Corpus(Path directory, Path sourcesFile, List<Path> files, int items, long bytes) {}

    private record Article(
            String title,
            String doi,
            String pmid,
            String slug,
            String body,
            List<String> authors,
            List<String> categories,
            Instant published) {}

    private final long seed;
    private final int feeds;
    private final int meanItemsPerFeed;

    CorpusGenerator(long seed, int feeds, int meanItemsPerFeed) {
        this.seed = seed;
        this.feeds = feeds;
        this.meanItemsPerFeed = meanItemsPerFeed;
    }

    Corpus write(Path directory) throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        Path feedDir = directory.resolve("feeds");
        Files.createDirectories(feedDir);
        List<Article> syndicated = new ArrayList<>();
        for (int i = 0; i < Math.max(10, feeds * 2); i++) {
            syndicated.add(article(random, "s" + i));
        }
        List<Path> files = new ArrayList<>();
        StringBuilder sources = new StringBuilder("sources:\n");
        int items = 0;
        long bytes = 0;
        for (int f = 0; f < feeds; f++) {
            String id = String.format(Locale.ROOT, "feed-%03d", f);
            int count = meanItemsPerFeed / 3 + random.nextInt(meanItemsPerFeed * 4 / 3 + 1);
            List<Article> articles = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                // About one item in twelve is an article other feeds carry too.
                articles.add(
                        random.nextInt(12) == 0
                                ? syndicated.get(random.nextInt(syndicated.size()))
                                : article(random, f + "-" + i));
            }
            String host = "journal" + f + ".example.org";
            String xml = switch (f % 3) {
                case 0 -> rss(id, host, articles, random);
                case 1 -> atom(id, host, articles, random);
                default -> rdf(id, host, articles, random);
            };
            String extension = switch (f % 3) {
                case 0 -> ".rss.xml";
                case 1 -> ".atom.xml";
                default -> ".rdf";
            };
            Path file = feedDir.resolve(id + extension);
            byte[] encoded = xml.getBytes(StandardCharsets.UTF_8);
            Files.write(file, encoded);
            files.add(file);
            items += count;
            bytes += encoded.length;
            sources.append("  - id: ")
                    .append(id)
                    .append('\n')
                    .append("    title: Generated journal ")
                    .append(f)
                    .append('\n')
                    .append("    url: file:feeds/")
                    .append(file.getFileName())
                    .append('\n')
                    .append("    interval: PT6H\n")
                    .append("    kind: journal\n");
        }
        Path sourcesFile = directory.resolve("sources.yml");
        Files.writeString(sourcesFile, sources);
        return new Corpus(directory, sourcesFile, List.copyOf(files), items, bytes);
    }

    private Article article(SplittableRandom random, String serial) {
        int kind = random.nextInt(100);
        boolean her2 = kind < 20;
        boolean hardNegative = kind >= 20 && kind < 24;
        String title;
        if (her2) {
            title = switch (random.nextInt(5)) {
                case 0 ->
                    capitalise(pick(random, Vocabulary.HER2_DRUGS)) + " in " + pick(random, Vocabulary.HER2_STATUS)
                            + " " + pick(random, Vocabulary.HER2_CANCERS) + ": " + pick(random, Vocabulary.DESIGNS);
                case 1 ->
                    capitalise(pick(random, Vocabulary.OUTCOMES)) + " with " + pick(random, Vocabulary.HER2_DRUGS)
                            + " plus " + pick(random, Vocabulary.HER2_DRUGS) + " in "
                            + pick(random, Vocabulary.HER2_TRIALS);
                case 2 ->
                    pick(random, Vocabulary.REGULATORS) + " approves " + pick(random, Vocabulary.HER2_DRUGS) + " for "
                            + pick(random, Vocabulary.HER2_STATUS) + " " + pick(random, Vocabulary.HER2_CANCERS);
                case 3 ->
                    "HER2 testing by immunohistochemistry: interobserver agreement in "
                            + pick(random, Vocabulary.HER2_CANCERS);
                default ->
                    "Cardiac safety of " + pick(random, Vocabulary.HER2_DRUGS) + " in "
                            + pick(random, Vocabulary.DESIGNS);
            };
        } else if (hardNegative) {
            title = capitalise(pick(random, Vocabulary.OTHER_DRUGS)) + " in " + pick(random, Vocabulary.HARD_NEGATIVES)
                    + ": " + pick(random, Vocabulary.DESIGNS);
        } else {
            title = capitalise(pick(random, Vocabulary.OTHER_DRUGS)) + " versus " + pick(random, Vocabulary.OTHER_DRUGS)
                    + " in " + pick(random, Vocabulary.OTHER_DISEASES) + ": " + pick(random, Vocabulary.DESIGNS);
        }
        String doi = random.nextInt(10) < 7 ? "10." + (1000 + random.nextInt(9000)) + "/bench." + serial : null;
        String pmid = random.nextInt(10) < 3 ? Integer.toString(30_000_000 + random.nextInt(9_000_000)) : null;
        List<String> authors = new ArrayList<>();
        for (int a = 0, n = 1 + random.nextInt(4); a < n; a++) {
            authors.add(pick(random, Vocabulary.AUTHORS));
        }
        List<String> categories = her2 ? List.of("Oncology", "Breast cancer") : List.of("Oncology");
        Instant published = NEWEST.minusSeconds(random.nextLong(60L * 24 * 3600));
        return new Article(
                title, doi, pmid, "a" + serial, body(random, her2, hardNegative, doi), authors, categories, published);
    }

    /** The abstract with the clutter of a publisher's page; feed-specific links are added per feed. */
    private static String body(SplittableRandom random, boolean her2, boolean hardNegative, String doi) {
        StringBuilder html = new StringBuilder(2500);
        html.append("<div class=\"abstract\" style=\"font-family:Georgia\">");
        if (random.nextBoolean()) {
            html.append("<style>.abstract p{margin:0 0 1em}.cta{display:none}</style>");
        }
        html.append("<p><b>Background:</b> ");
        sentence(html, random, her2, hardNegative);
        sentence(html, random, her2, hardNegative);
        html.append("</p><p><strong>Methods:</strong> ");
        sentence(html, random, false, false);
        sentence(html, random, her2, false);
        html.append("</p><script type=\"text/javascript\">window.dataLayer=window.dataLayer||[];"
                        + "dataLayer.push({'event':'abstract_view','doi':'")
                .append(doi)
                .append("'});</script>");
        html.append("<p><b>Results:</b> ");
        for (int s = 0, n = 2 + random.nextInt(3); s < n; s++) {
            sentence(html, random, her2 && s % 2 == 0, false);
        }
        html.append("</p><p><em>Conclusions:</em> ");
        sentence(html, random, her2, hardNegative);
        html.append(" &copy; 2025 The Authors &mdash; published under CC BY 4.0.</p>");
        if (random.nextInt(3) == 0) {
            html.append("<table class=\"stats\"><tr><td>Arm A</td><td>")
                    .append(random.nextInt(500))
                    .append("</td></tr><tr><td>Arm B</td><td>")
                    .append(random.nextInt(500))
                    .append("</td></tr></table>");
        }
        if (random.nextInt(4) == 0) {
            html.append("<iframe src=\"https://player.example.net/embed/")
                    .append(random.nextInt(100000))
                    .append("\" width=\"560\" height=\"315\" frameborder=\"0\" allowfullscreen>Video "
                            + "abstract</iframe>");
        }
        html.append("<div class=\"cta\" onclick=\"track('cta')\"><noscript><img "
                + "src=\"https://pixel.example.net/ns.gif\"></noscript></div>");
        return html.append("</div>").toString();
    }

    private static void sentence(StringBuilder html, SplittableRandom random, boolean her2, boolean hardNegative) {
        String text;
        if (her2) {
            text = String.format(Locale.ROOT, pick(random, Vocabulary.HER2_FINDINGS), 1 + random.nextInt(98));
        } else if (hardNegative) {
            text = "Patients with " + pick(random, Vocabulary.HARD_NEGATIVES) + " received "
                    + pick(random, Vocabulary.OTHER_DRUGS) + ".";
        } else {
            String template = pick(random, Vocabulary.GENERIC_SENTENCES);
            text = template.contains("%s")
                    ? String.format(Locale.ROOT, template, pick(random, Vocabulary.OUTCOMES))
                    : template.contains("%d.%d")
                            ? String.format(Locale.ROOT, template, 6 + random.nextInt(60), random.nextInt(10))
                            : String.format(Locale.ROOT, template, 1 + random.nextInt(900));
        }
        html.append(text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;"))
                .append(' ');
    }

    /** The feed's copy of the article: its own link with tracking parameters, a pixel and share links. */
    private static String summary(Article article, String feedId, String link, SplittableRandom random) {
        StringBuilder html = new StringBuilder(article.body().length() + 600);
        html.append(article.body());
        html.append("<p>Read the <a href=\"").append(attr(link)).append("\" target=\"_blank\">full text</a>");
        if (article.doi() != null) {
            html.append(" (<a href=\"https://doi.org/")
                    .append(article.doi())
                    .append("?utm_source=")
                    .append(feedId)
                    .append("&amp;utm_medium=rss\">doi:")
                    .append(article.doi())
                    .append("</a>)");
        }
        html.append(". Share on <a href=\"https://twitter.com/intent/tweet?url=")
                .append(attr(link))
                .append("&amp;fbclid=IwAR")
                .append(random.nextInt(1_000_000))
                .append("\">X</a>.</p>");
        html.append("<img src=\"https://pixel.example.net/open.gif?feed=")
                .append(feedId)
                .append("&amp;item=")
                .append(article.slug())
                .append("\" width=\"1\" height=\"1\" alt=\"\" style=\"display:none\">");
        return html.toString();
    }

    private static String link(String host, Article article, String feedId) {
        return "https://" + host + "/articles/" + article.slug() + "?utm_source=rss&utm_medium=feed&utm_campaign="
                + feedId;
    }

    private String rss(String id, String host, List<Article> articles, SplittableRandom random) {
        StringBuilder xml = new StringBuilder(articles.size() * 3500);
        xml.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\" "
                + "xmlns:dc=\"http://purl.org/dc/elements/1.1/\""
                + " xmlns:prism=\"http://prismstandard.org/namespaces/basic/2.0/\" "
                + "xmlns:atom=\"http://www.w3.org/2005/Atom\">\n<channel>\n");
        xml.append("<title>Generated journal ")
                .append(id)
                .append("</title>\n<link>https://")
                .append(host)
                .append("/</link>\n")
                .append("<description>Latest articles</description>\n<language>en</language>\n<ttl>360</ttl>\n")
                .append("<atom:link href=\"https://")
                .append(host)
                .append("/rss\" rel=\"self\" type=\"application/rss+xml\"/>\n");
        for (Article a : articles) {
            String link = link(host, a, id);
            xml.append("<item>\n<title>")
                    .append(text(a.title()))
                    .append("</title>\n<link>")
                    .append(text(link))
                    .append("</link>\n")
                    .append("<guid isPermaLink=\"false\">")
                    .append(id)
                    .append(':')
                    .append(a.slug())
                    .append("</guid>\n")
                    .append("<pubDate>")
                    .append(RFC_1123.format(a.published().atOffset(ZoneOffset.UTC)))
                    .append("</pubDate>\n");
            for (String author : a.authors()) {
                xml.append("<dc:creator>").append(text(author)).append("</dc:creator>\n");
            }
            for (String category : a.categories()) {
                xml.append("<category>").append(text(category)).append("</category>\n");
            }
            if (a.doi() != null) {
                xml.append("<prism:doi>").append(a.doi()).append("</prism:doi>\n");
            }
            String summary = summary(a, id, link, random);
            if (random.nextBoolean()) {
                xml.append("<description><![CDATA[").append(summary).append("]]></description>\n");
            } else {
                xml.append("<description>").append(text(summary)).append("</description>\n");
            }
            xml.append("</item>\n");
        }
        return xml.append("</channel>\n</rss>\n").toString();
    }

    private String atom(String id, String host, List<Article> articles, SplittableRandom random) {
        StringBuilder xml = new StringBuilder(articles.size() * 3500);
        xml.append("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">\n")
                .append("<title>Generated journal ")
                .append(id)
                .append("</title>\n<id>urn:bench:")
                .append(id)
                .append("</id>\n")
                .append("<link href=\"https://")
                .append(host)
                .append("/\"/>\n<updated>")
                .append(DateTimeFormatter.ISO_INSTANT.format(NEWEST))
                .append("</updated>\n");
        for (Article a : articles) {
            String link = link(host, a, id);
            xml.append("<entry>\n<title type=\"html\">")
                    .append(text(text(a.title())))
                    .append("</title>\n")
                    .append("<link rel=\"alternate\" href=\"")
                    .append(attr(link))
                    .append("\"/>\n")
                    .append("<id>")
                    .append(a.doi() != null ? "https://doi.org/" + a.doi() : "urn:bench:" + id + ":" + a.slug())
                    .append("</id>\n")
                    .append("<published>")
                    .append(DateTimeFormatter.ISO_INSTANT.format(a.published()))
                    .append("</published>\n")
                    .append("<updated>")
                    .append(DateTimeFormatter.ISO_INSTANT.format(a.published()))
                    .append("</updated>\n");
            for (String author : a.authors()) {
                xml.append("<author><name>").append(text(author)).append("</name></author>\n");
            }
            for (String category : a.categories()) {
                xml.append("<category term=\"").append(attr(category)).append("\"/>\n");
            }
            String element = random.nextBoolean() ? "summary" : "content";
            xml.append('<')
                    .append(element)
                    .append(" type=\"html\">")
                    .append(text(summary(a, id, link, random)))
                    .append("</")
                    .append(element)
                    .append(">\n");
            xml.append("</entry>\n");
        }
        return xml.append("</feed>\n").toString();
    }

    private String rdf(String id, String host, List<Article> articles, SplittableRandom random) {
        StringBuilder xml = new StringBuilder(articles.size() * 3500);
        xml.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rdf:RDF "
                        + "xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\""
                        + " xmlns=\"http://purl.org/rss/1.0/\" "
                        + "xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\n")
                .append("<channel rdf:about=\"https://")
                .append(host)
                .append("/rss\">\n<title>Generated journal ")
                .append(id)
                .append("</title>\n<link>https://")
                .append(host)
                .append("/</link>\n<description>Preprints</description>\n<items><rdf:Seq>\n");
        for (Article a : articles) {
            xml.append("<rdf:li rdf:resource=\"")
                    .append(attr(link(host, a, id)))
                    .append("\"/>\n");
        }
        xml.append("</rdf:Seq></items>\n</channel>\n");
        for (Article a : articles) {
            String link = link(host, a, id);
            xml.append("<item rdf:about=\"")
                    .append(attr(link))
                    .append("\">\n<title>")
                    .append(text(a.title()))
                    .append("</title>\n")
                    .append("<link>")
                    .append(text(link))
                    .append("</link>\n")
                    .append("<dc:date>")
                    .append(a.published().atOffset(ZoneOffset.ofHours(-5)))
                    .append("</dc:date>\n");
            for (String author : a.authors()) {
                xml.append("<dc:creator>").append(text(author)).append("</dc:creator>\n");
            }
            if (a.doi() != null) {
                xml.append("<dc:identifier>doi:").append(a.doi()).append("</dc:identifier>\n");
            }
            if (a.pmid() != null) {
                xml.append("<dc:identifier>pmid:").append(a.pmid()).append("</dc:identifier>\n");
            }
            xml.append("<description>")
                    .append(text(summary(a, id, link, random)))
                    .append("</description>\n</item>\n");
        }
        return xml.append("</rdf:RDF>\n").toString();
    }

    private static String text(String value) {
        return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static String attr(String value) {
        return text(value).replace("\"", "&quot;");
    }

    private static String capitalise(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
