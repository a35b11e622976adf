package org.her2feeds.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * PostgreSQL's full-text search over {@code article_search} (migration V11: one narrow row per published article,
 * kept by a trigger): the title weighs A, the summary B, words are stemmed by the {@code her2_search}
 * configuration, and ts_rank scores each match. The table is aliased {@code a}, with the article's {@code id} and
 * {@code sort_at}, so the list's other conditions apply to it unchanged; a source filter (how a kind reaches a
 * search) tests the row's own {@code sources} (migration V13), not {@code article_source}.
 *
 * <p>The newest {@code depth} matches are found by one of two plans, chosen by how common the words are among the
 * newest articles the filter allows (the planner's guess of a word's frequency chooses between them too, and
 * misses: two words that are each common but rarely together look rare to it, and the GIN plan for a common word
 * reads every match). With a share {@code s} of the sample matching, among {@code n} articles considered (all
 * published ones, or one topic's), as the planner's statistics count them:
 *
 * <ul>
 *   <li>the date index is walked until {@code depth} matches, which reads about {@code depth / s} articles;
 *   <li>the GIN index gives every match, read in the table's order (a bitmap scan), about {@code s * n} articles,
 *       and the newest are kept;
 *   <li>when only dates bound the articles considered (no topic, source or evidence filter), both at once: the
 *       date index gives the date of the newest {@code depth / s} (times a margin), and the GIN index's matches
 *       from that date on are read, about {@code depth} articles (times the margin) whatever {@code s}.
 * </ul>
 *
 * The cheapest is taken, so a search reads at most about {@code sqrt(depth * n)} articles (14,000 for depth 1,000
 * and 200,000 published articles) whatever its words, and about {@code depth} when only dates bound it. Parallel
 * workers are off for these statements: a walk stops early, and starting workers for it cost more than the walk
 * itself on a busy machine.
 */
final class PostgresSearch implements SearchEngine {

    /** The newest articles tested to measure how common the words are: depth over this, and at least 20. */
    private static final int SAMPLE_SHARE = 5;
    /** A walk reads this many times the articles the sample's share predicts before it gives up for the GIN plan. */
    private static final double WALK_MARGIN = 1.5;

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    PostgresSearch(JdbcClient jdbc, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    /**
     * The articles a search considers, newest first, as SQL with its parameters and the date column to bound, and
     * the planner's estimate of how many there are before other filters (SQL, from the statistics ANALYZE keeps:
     * -1 or less before the first).
     */
    private record Rows(
            String from, String order, String date, String size, boolean datedOnly, Map<String, Object> params) {

        /** The same rows from {@code fromParam}'s date on. */
        Rows since(String fromParam) {
            return new Rows(from + " AND " + date + " >= :" + fromParam, order, date, size, datedOnly, params);
        }
    }

    /** The published articles, as the planner counts them. */
    private static final String PUBLISHED =
            "(SELECT c.reltuples FROM pg_class c WHERE c.oid = CAST('article_search' AS regclass))";

    /** One topic's articles: their table's count times the topic's share among its rows. */
    private static final String IN_TOPIC = "(SELECT c.reltuples * COALESCE((SELECT f.share FROM pg_stats s,"
            + " unnest(CAST(CAST(s.most_common_vals AS TEXT) AS TEXT[]), s.most_common_freqs) AS f(slug, share)"
            + " WHERE s.schemaname = current_schema() AND s.tablename = 'article_topic' AND s.attname = 'slug'"
            + " AND f.slug = :onlyTopic), 0) FROM pg_class c WHERE c.oid = CAST('article_topic' AS regclass))";

    private static Rows rows(ArticleFilter filter) {
        Map<String, Object> params = new HashMap<>();
        StringBuilder from = new StringBuilder();
        String order;
        String date;
        String size;
        if (filter.topics().size() == 1) {
            // As for the plain list: within one topic, walk that topic's index newest first, where a test of every
            // article of the topic would read them all.
            from.append(" FROM article_topic t JOIN article_search a ON a.id = t.article_id WHERE t.slug = :onlyTopic");
            params.put("onlyTopic", filter.topics().iterator().next());
            ArticleQueries.appendFilter(filter.withoutTopics().withoutSources(), from, params);
            order = " ORDER BY t.sort_at DESC, t.article_id DESC";
            date = "t.sort_at";
            // A walk within a topic costs a probe of article_search per article, so it pays against the GIN plan
            // only when the words are common within that topic's own articles, not the archive's.
            size = IN_TOPIC;
        } else {
            from.append(" FROM article_search a WHERE TRUE");
            ArticleQueries.appendFilter(filter.withoutSources(), from, params);
            order = " ORDER BY a.sort_at DESC, a.id DESC";
            date = "a.sort_at";
            size = PUBLISHED;
        }
        if (filter.sourceIds() != null) {
            from.append(" AND a.sources && CAST(ARRAY[:searchSources] AS TEXT[])");
            params.put("searchSources", List.copyOf(filter.sourceIds()));
        }
        // Bounded by nothing but dates: the date index alone tells which articles are the newest allowed.
        boolean datedOnly = filter.topics().isEmpty()
                && filter.sourceIds() == null
                && filter.evidence().equals(ArticleFilter.EvidenceFilter.ANY);
        return new Rows(from.toString(), order, date, size, datedOnly, params);
    }

    @Override
    public List<SearchHit> matches(String words, ArticleFilter filter, int depth) {
        if (depth <= 0 || (filter.sourceIds() != null && filter.sourceIds().isEmpty())) {
            return List.of();
        }
        return transactions.execute(status -> {
            jdbc.sql("SET LOCAL max_parallel_workers_per_gather = 0").update();
            // Planned for the words and dates given, every time. A generic plan of a statement prepared by the
            // driver (from its sixth use on a connection) neither knows how common the words are nor folds
            // plainto_tsquery into a constant: it parsed the words again for every article tested (a walk over
            // 7,500 articles took 150-175 ms instead of 23-47 ms at 1,000,000 articles).
            jdbc.sql("SET LOCAL plan_cache_mode = force_custom_plan").update();
            return find(words, filter, depth);
        });
    }

    /** How a search reaches its newest matches (see the class comment). */
    enum Plan {
        /** The sample was every article the filter allows, or held enough matches. */
        SAMPLE,
        WALK,
        WINDOW,
        INDEX
    }

    /** The plan, with the sample's matches and how many of the newest articles a walk or a window reads. */
    private record Choice(Plan plan, List<SearchHit> sampled, int articles) {}

    /** The plan a search of these words would take now, as {@link #matches} would choose it. */
    Plan plan(String words, ArticleFilter filter, int depth) {
        Rows rows = rows(filter);
        return choose(rows, params(rows, words), depth).plan();
    }

    private static Map<String, Object> params(Rows rows, String words) {
        Map<String, Object> params = new HashMap<>(rows.params());
        params.put("words", words);
        return params;
    }

    private List<SearchHit> find(String words, ArticleFilter filter, int depth) {
        Rows rows = rows(filter);
        Map<String, Object> params = params(rows, words);
        Choice choice = choose(rows, params, depth);
        return switch (choice.plan()) {
            case SAMPLE -> {
                List<SearchHit> hits = new ArrayList<>(choice.sampled());
                hits.sort(Comparator.comparing(SearchHit::sortAt)
                        .thenComparing(SearchHit::id)
                        .reversed());
                yield hits.size() > depth ? List.copyOf(hits.subList(0, depth)) : hits;
            }
            case WALK -> walk(rows, params, depth, choice.articles());
            case WINDOW -> window(rows, params, depth, choice.articles());
            case INDEX -> fromIndex(rows, params, depth);
        };
    }

    private Choice choose(Rows rows, Map<String, Object> params, int depth) {
        int sample = Math.max(20, depth / SAMPLE_SHARE);
        List<SearchHit> hits = new ArrayList<>();
        long[] tested = new long[1];
        double[] considered = new double[1];
        // Ranked outside the subqueries: ts_rank reads each match's whole vector, so only what is kept is scored.
        // The planner's count of the articles considered comes with the sample.
        jdbc.sql("WITH tested AS MATERIALIZED (SELECT a.id, " + rows.date() + " AS sort_at, a.search" + rows.from()
                        + rows.order() + " FETCH FIRST " + sample + " ROWS ONLY)"
                        + " SELECT id, sort_at, ts_rank(search, plainto_tsquery('her2_search', :words)), 0, 0"
                        + " FROM tested WHERE search @@ plainto_tsquery('her2_search', :words)"
                        + " UNION ALL SELECT NULL, NULL, CAST(0 AS REAL), COUNT(*), " + rows.size() + " FROM tested")
                .params(params)
                .query(rs -> {
                    String id = rs.getString(1);
                    if (id != null) {
                        hits.add(new SearchHit(id, Timestamps.read(rs, 2), rs.getFloat(3)));
                    } else {
                        tested[0] = rs.getLong(4);
                        considered[0] = rs.getDouble(5);
                    }
                });
        if (hits.size() >= depth || tested[0] < sample) {
            // Enough, or every article the filter allows was tested: the newest depth of them.
            return new Choice(Plan.SAMPLE, hits, sample);
        }
        double share = (double) hits.size() / sample;
        if (share == 0) {
            return new Choice(Plan.INDEX, hits, 0);
        }
        // Articles read from the table: walked, about depth / share; through the GIN index, about share * size;
        // through both indexes at once (window), about the margin times depth.
        double walked = depth / share;
        double indexed = share * considered[0];
        double windowed = rows.datedOnly() ? WALK_MARGIN * depth : Double.MAX_VALUE;
        int articles = (int) Math.ceil(WALK_MARGIN * depth / share);
        if (walked <= indexed && walked <= windowed) {
            return new Choice(Plan.WALK, hits, articles);
        }
        return new Choice(windowed < indexed ? Plan.WINDOW : Plan.INDEX, hits, articles);
    }

    /**
     * The newest matches among the newest {@code articles} the filter allows, the filter being one of dates only:
     * the date index gives the date of the last of them (its entries alone, not the table), and the planner
     * intersects the words' GIN index with the date index from there, so only matches in that window are read
     * from the table. A common word whose matches are not most of the archive ("gastric adenocarcinoma", an
     * eighth of the newest) reads about 1,500 articles this way where a walk read 7,500 and the GIN index 27,000.
     */
    private List<SearchHit> window(Rows rows, Map<String, Object> params, int depth, int articles) {
        List<Instant> last = jdbc.sql("SELECT " + rows.date() + rows.from() + rows.order() + " OFFSET " + (articles - 1)
                        + " ROWS FETCH FIRST 1 ROWS ONLY")
                .params(params)
                .query((rs, n) -> Timestamps.read(rs, 1))
                .list();
        if (last.isEmpty()) {
            // Fewer articles than that in all: the window is everything.
            return fromIndex(rows, params, depth);
        }
        Map<String, Object> windowed = new HashMap<>(params);
        windowed.put("windowFrom", Timestamps.of(last.get(0)));
        List<SearchHit> found = fromIndex(rows.since("windowFrom"), windowed, depth);
        // Every article after the window is older than all in it, so depth matches in it are the newest depth;
        // fewer: the words were less common further back than among the newest.
        return found.size() >= depth ? found : fromIndex(rows, params, depth);
    }

    /** Along the date index: the newest matches among at most {@code articles} articles, stopping at depth. */
    private List<SearchHit> walk(Rows rows, Map<String, Object> params, int depth, int articles) {
        List<SearchHit> found = jdbc.sql("SELECT w.id, w.sort_at, ts_rank(w.search, plainto_tsquery('her2_search',"
                        + " :words)) FROM (SELECT a.id, " + rows.date() + " AS sort_at, a.search" + rows.from()
                        + rows.order() + " FETCH FIRST " + articles + " ROWS ONLY) w"
                        + " WHERE w.search @@ plainto_tsquery('her2_search', :words) FETCH FIRST " + depth
                        + " ROWS ONLY")
                .params(params)
                .query((rs, n) -> new SearchHit(rs.getString(1), Timestamps.read(rs, 2), rs.getFloat(3)))
                .list();
        // Fewer: the words were less common further back than among the newest.
        return found.size() >= depth ? found : fromIndex(rows, params, depth);
    }

    /** Along the GIN index: every match, of which the newest {@code depth}. */
    private List<SearchHit> fromIndex(Rows rows, Map<String, Object> params, int depth) {
        return jdbc.sql("SELECT m.id, m.sort_at, ts_rank(m.search, plainto_tsquery('her2_search', :words)) FROM ("
                        + "SELECT a.id, " + rows.date() + " AS sort_at, a.search" + rows.from()
                        + " AND a.search @@ plainto_tsquery('her2_search', :words)" + rows.order() + " FETCH FIRST "
                        + depth + " ROWS ONLY) m")
                .params(params)
                .query((rs, n) -> new SearchHit(rs.getString(1), Timestamps.read(rs, 2), rs.getFloat(3)))
                .list();
    }
}
