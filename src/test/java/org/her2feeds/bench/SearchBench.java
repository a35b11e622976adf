package org.her2feeds.bench;

import java.lang.management.ManagementFactory;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.her2feeds.store.ArticleFilter;
import org.her2feeds.store.ArticleQueries;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 14's search: {@code /api/articles?q=} on a large archive, the engine (PostgreSQL full-text search, or Lucene
 * on H2) beside the former {@code LIKE '%q%'} scan it replaced, for words of several kinds; and, on H2, the
 * candidate engines (H2's own FullText and FullTextLucene, this service's Lucene index) by ingest cost and query
 * latency.
 */
final class SearchBench {

    /** What a reader types, of several kinds; the archive's generated articles hold no trial acronyms. */
    record Words(String kind, String q) {}

    static List<Words> words(long articles) {
        // The article numbers are in the generated titles, "(123)": one number is a word one article holds.
        return List.of(
                new Words("drug name", "tucatinib"),
                new Words("trial acronym (in no generated article)", "DESTINY-Breast09"),
                new Words("two words", "gastric adenocarcinoma"),
                new Words("rare word", Long.toString(articles / 2 + 7)),
                new Words("very common word", "her2"));
    }

    /** A search with filters beside its words. */
    record Filtered(String kind, String q, String query, ArticleFilter filter) {}

    static List<Filtered> filtered() {
        return List.of(
                new Filtered(
                        "very common word + topic",
                        "her2",
                        "&topic=tki",
                        new ArticleFilter(Set.of("tki"), null, "her2", null, null)),
                new Filtered(
                        "drug name + topic",
                        "tucatinib",
                        "&topic=tki",
                        new ArticleFilter(Set.of("tki"), null, "tucatinib", null, null)),
                // Sources are how a kind filter reaches the engine; the archive's articles come from 50 sources.
                new Filtered(
                        "very common word + one source of 50 (as a kind)",
                        "her2",
                        "",
                        new ArticleFilter(Set.of(), Set.of("archive-7"), "her2", null, null)));
    }

    /**
     * The last figures before the present engines' bounded selection (p50 / p99 ms at 1,000,000 articles, on the
     * shared machine under heavy load, so rough): PostgreSQL with the GIN index only, Lucene sorting every match.
     */
    static final Map<String, String> FORMER = Map.of(
            "PostgreSQL two words", "76 / 157",
            "PostgreSQL drug name", "135 / 506",
            "PostgreSQL very common word", "171 / 1250",
            "H2 drug name", "58 / 193",
            "H2 two words", "225 / 818");

    /**
     * The engine's query on PostgreSQL before the bounded selection (the GIN index for every word, then the newest
     * of all matches), run here beside the present one on the same archive.
     */
    static final String FORMER_PG = """
            SELECT m.id, m.sort_at, ts_rank(m.search, plainto_tsquery('her2_search', ?)) FROM (
            SELECT a.id, a.sort_at, a.search FROM article_search a
            WHERE a.search @@ plainto_tsquery('her2_search', ?)
            ORDER BY a.sort_at DESC, a.id DESC FETCH FIRST 1000 ROWS ONLY) m""";

    /** The former query of a search, as ArticleQueries ran it before issue 14 (page of 50, plus one). */
    static final String LIKE_BASELINE = """
            SELECT a.id, a.title, a.url, a.summary_html, a.summary_text, a.authors, a.categories, a.doi, a.pmid,
                a.published_at, a.first_seen_at, a.updated_at, a.sort_at, a.digest_date, a.relevant, a.tagging
            FROM article a WHERE a.relevant = TRUE
            AND (LOWER(a.title) LIKE ? ESCAPE '\\' OR LOWER(a.summary_text) LIKE ? ESCAPE '\\')
            ORDER BY a.sort_at DESC, a.id DESC FETCH FIRST 51 ROWS ONLY""";

    private SearchBench() {}

    /**
     * Each search figure of this run by name ({@code search.<database>.<words>.<how>.p50}/{@code .p99}), written to
     * target/bench-search-figures.tsv, beside the same figure of the code before, read from
     * src/test/resources/bench/search-baseline.tsv (whose first line says which code and command measured it).
     */
    record Figures(String database, Map<String, Double> before, Map<String, Double> now) {

        /** The figure's before p50 / p99, or "-", after noting this run's. */
        String beside(String words, String how, LatencyBench.Latency latency) {
            String key = "search." + database + "." + slug(words) + "." + how;
            now.put(key + ".p50", latency.p50());
            now.put(key + ".p99", latency.p99());
            Double p50 = before.get(key + ".p50");
            Double p99 = before.get(key + ".p99");
            return p50 == null || p99 == null ? "-" : String.format(Locale.ROOT, "%.1f / %.1f", p50, p99);
        }

        private static String slug(String text) {
            return text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_|_$", "");
        }
    }

    /**
     * One table: for each kind of words, the engine (through ArticleQueries and through HTTP) beside the former
     * figures, the former engine query where it can run in the same run (PostgreSQL), and the LIKE scan; with the
     * machine's load average when each figure was taken.
     *
     * @param baselineRequests fewer for the scan, which reads every published article per request; 0 skips it
     */
    static List<String> latency(
            ConfigurableApplicationContext context,
            String database,
            long articles,
            int requests,
            int baselineRequests,
            String base,
            Figures figures)
            throws Exception {
        JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
        ArticleQueries queries = context.getBean(ArticleQueries.class);
        boolean postgres = database.startsWith("PostgreSQL");
        String former = postgres ? "PostgreSQL " : "H2 ";
        LatencyBench http = new LatencyBench();
        List<String> lines = new ArrayList<>();
        lines.add(String.format(
                Locale.ROOT,
                "## Search, %s, %,d stored articles (sequential requests, one thread, ms; a page of 50)%n",
                database,
                articles));
        lines.add("| words | how | n | p50 | p99 | max | results or bytes | before p50 / p99 (baseline file) "
                + "| former p50 / p99 | load (1 min) |");
        lines.add("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        int warm = Math.max(5, requests / 10);
        // Every shape once over before any is measured: a JVM started for this run (no fill before) compiles the
        // search's code during the first shape's requests, which made the first shape look several times slower.
        for (int i = 0; i < warm; i++) {
            for (Words words : words(articles)) {
                queries.search(new ArticleFilter(Set.of(), null, words.q(), null, null), 51);
            }
            for (Filtered filtered : filtered()) {
                queries.search(filtered.filter(), 51);
            }
        }
        for (Words words : words(articles)) {
            ArticleFilter filter = new ArticleFilter(Set.of(), null, words.q(), null, null);
            LatencyBench.Latency engine = LatencyBench.measure(
                    words.kind() + " engine",
                    warm,
                    requests,
                    i -> queries.search(filter, 51).size());
            lines.add(row(
                    words.kind(),
                    words.q(),
                    "engine (ArticleQueries.search)",
                    engine,
                    figures.beside(words.kind(), "engine", engine),
                    FORMER.getOrDefault(former + words.kind(), "")));
            LatencyBench.Latency viaHttp = http.http(
                    words.kind() + " HTTP",
                    warm,
                    requests,
                    i -> base + "/api/articles?q=" + URLEncoder.encode(words.q(), StandardCharsets.UTF_8));
            lines.add(row(
                    words.kind(),
                    words.q(),
                    "engine, GET /api/articles?q=",
                    viaHttp,
                    figures.beside(words.kind(), "http", viaHttp),
                    ""));
            if (postgres) {
                LatencyBench.Latency formerQuery = LatencyBench.measure(
                        words.kind() + " former query",
                        Math.max(2, warm / 5),
                        Math.max(5, requests / 5),
                        i -> jdbc.queryForList(FORMER_PG, words.q(), words.q()).size());
                lines.add(
                        row(words.kind(), words.q(), "former engine query (GIN only), this run", formerQuery, "", ""));
            }
            if (baselineRequests > 0) {
                String like = "%" + words.q().toLowerCase(Locale.ROOT) + "%";
                LatencyBench.Latency scan = LatencyBench.measure(
                        words.kind() + " LIKE",
                        2,
                        baselineRequests,
                        i -> jdbc.queryForList(LIKE_BASELINE, like, like).size());
                lines.add(row(words.kind(), words.q(), "baseline: former LIKE scan", scan, "", ""));
            }
        }
        for (Filtered filtered : filtered()) {
            // Fewer: a kind filter has no index of its own and costs seconds per search on a common word.
            LatencyBench.Latency engine = LatencyBench.measure(
                    filtered.kind(),
                    Math.max(2, warm / 5),
                    Math.max(5, requests / 5),
                    i -> queries.search(filtered.filter(), 51).size());
            lines.add(row(
                    filtered.kind(),
                    filtered.q() + filtered.query(),
                    "engine (ArticleQueries.search)",
                    engine,
                    figures.beside(filtered.kind(), "engine", engine),
                    ""));
        }
        // What any page costs to load (articles, their sources and notices), search or not: the floor of a search.
        LatencyBench.Latency newest = LatencyBench.measure(
                "newest 51",
                warm,
                requests,
                i -> queries.newest(ArticleFilter.ALL, 51).size());
        lines.add(row(
                "(no q)",
                "",
                "reference: ArticleQueries.newest, 51 articles",
                newest,
                figures.beside("no q", "newest", newest),
                ""));
        lines.add("\nGoal: p99 under 100 ms at 1,000,000 articles. The machine is shared: a load above 2 (its cores) "
                + "means the figures include waiting for a core.\n");
        return lines;
    }

    /** The engines that were candidates on the embedded database. */
    enum H2Engine {
        // First, so that it, not a competitor, pays for the JVM's warm-up.
        SERVICE_LUCENE("this service's Lucene index (trigger notes, taken in before a search; loads the page)"),
        NONE("no index: the former LIKE scan"),
        H2_FULLTEXT("H2's FullText (org.h2.fulltext.FullText, triggers)"),
        H2_FULLTEXT_LUCENE("H2's FullTextLucene (triggers, a Lucene commit per row)");

        final String label;

        H2Engine(String label) {
            this.label = label;
        }
    }

    /**
     * Each candidate engine on a fresh embedded archive of {@code size} articles: how fast the archive fills with
     * the engine's triggers in place (what ingest pays), what remains to index after, and search latency.
     */
    static List<String> compareH2Engines(
            java.nio.file.Path sourcesFile, java.nio.file.Path dataRoot, int size, int requests) throws Exception {
        List<String> lines = new ArrayList<>();
        lines.add(String.format(
                Locale.ROOT, "## Search engines on H2, %,d stored articles (ingest and latency, ms)%n", size));
        StringBuilder header = new StringBuilder("| engine | fill, articles/s | then indexing, s |");
        StringBuilder rule = new StringBuilder("|---|---:|---:|");
        for (Words words : words(size)) {
            header.append(' ')
                    .append(words.kind())
                    .append(" `")
                    .append(words.q())
                    .append("` p50 / p99 |");
            rule.append("---:|");
        }
        lines.add(header.toString());
        lines.add(rule.toString());
        for (H2Engine engine : H2Engine.values()) {
            java.nio.file.Path dir = dataRoot.resolve(engine.name().toLowerCase(Locale.ROOT));
            Benchmarks.deleteTree(dir);
            try (ConfigurableApplicationContext context =
                    BenchContext.start(BenchContext.properties(sourcesFile, dir), false)) {
                JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
                ArticleQueries queries = context.getBean(ArticleQueries.class);
                if (engine != H2Engine.SERVICE_LUCENE) {
                    jdbc.execute("DROP TRIGGER article_search_pending");
                }
                if (engine == H2Engine.H2_FULLTEXT) {
                    jdbc.execute("CREATE ALIAS IF NOT EXISTS FT_INIT FOR 'org.h2.fulltext.FullText.init'");
                    jdbc.execute("CALL FT_INIT()");
                    jdbc.execute("CALL FT_CREATE_INDEX('public', 'article', 'title,summary_text')");
                } else if (engine == H2Engine.H2_FULLTEXT_LUCENE) {
                    jdbc.execute("CREATE ALIAS IF NOT EXISTS FTL_INIT FOR 'org.h2.fulltext.FullTextLucene.init'");
                    jdbc.execute("CALL FTL_INIT()");
                    jdbc.execute("CALL FTL_CREATE_INDEX('public', 'article', 'title,summary_text')");
                }
                double fill = Benchmarks.filler(context).fill(0, size, engine.name());
                long t = System.nanoTime();
                if (engine == H2Engine.SERVICE_LUCENE) {
                    // The first search takes in every note the fill left.
                    queries.search(new ArticleFilter(Set.of(), null, "her2", null, null), 1);
                }
                double indexing = (System.nanoTime() - t) / 1e9;
                StringBuilder row = new StringBuilder(
                        String.format(Locale.ROOT, "| %s | %,.0f | %.1f |", engine.label, size / fill, indexing));
                for (Words words : words(size)) {
                    LatencyBench.Latency latency = LatencyBench.measure(
                            engine.name() + " " + words.kind(),
                            Math.max(2, requests / 10),
                            engine == H2Engine.NONE ? Math.max(5, requests / 5) : requests,
                            i -> search(engine, jdbc, queries, words.q()));
                    row.append(String.format(
                            Locale.ROOT, " %.1f / %.1f (%d) |", latency.p50(), latency.p99(), latency.bytes()));
                }
                lines.add(row.toString());
            }
        }
        lines.add("\n(n) is the number of articles on the first page (at most 51); this service's row includes "
                + "loading that page (articles, sources, notices), the others return ids only.");
        String engines = "H2's FullText and FullTextLucene have no stemming; FullText does not rank; ";
        lines.add(engines + "FullTextLucene ranks by BM25, whose scores move as articles arrive.\n");
        return lines;
    }

    /** A first page (51) of the newest published matches, as each engine can give it. */
    private static long search(H2Engine engine, JdbcTemplate jdbc, ArticleQueries queries, String q) {
        String newest = " WHERE a.relevant = TRUE ORDER BY a.sort_at DESC, a.id DESC FETCH FIRST 51 ROWS ONLY";
        return switch (engine) {
            case NONE -> {
                String like = "%" + q.toLowerCase(Locale.ROOT) + "%";
                yield jdbc.queryForList(LIKE_BASELINE, like, like).size();
            }
            case SERVICE_LUCENE ->
                queries.search(new ArticleFilter(Set.of(), null, q, null, null), 51)
                        .size();
            case H2_FULLTEXT ->
                jdbc.queryForList(
                                "SELECT a.id FROM FT_SEARCH_DATA(?, 0, 0) f JOIN article a ON a.id = f.\"KEYS\"[1]"
                                        + newest,
                                String.class,
                                q)
                        .size();
            case H2_FULLTEXT_LUCENE ->
                jdbc.queryForList(
                                "SELECT a.id FROM FTL_SEARCH_DATA(?, 1000, 0) f JOIN article a ON a.id = f.\"KEYS\"[1]"
                                        + newest,
                                String.class,
                                luceneSyntax(q))
                        .size();
        };
    }

    /** Every word required, each escaped: FullTextLucene parses its argument as a Lucene query. */
    private static String luceneSyntax(String q) {
        List<String> words = new ArrayList<>();
        for (String word : q.split("\\s+")) {
            words.add(org.apache.lucene.queryparser.classic.QueryParserBase.escape(word));
        }
        return String.join(" AND ", words);
    }

    private static String row(
            String kind, String q, String how, LatencyBench.Latency latency, String before, String former) {
        return String.format(
                Locale.ROOT,
                "| %s `%s` | %s | %d | %.1f | %.1f | %.1f | %,d | %s | %s | %.1f |",
                kind,
                q,
                how,
                latency.requests(),
                latency.p50(),
                latency.p99(),
                latency.max(),
                latency.bytes(),
                before,
                former,
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }
}
