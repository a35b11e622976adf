package org.her2feeds.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.her2feeds.tagging.Evidence;
import org.her2feeds.tagging.TaggingResult;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

/** Reads published articles. Every query follows an index: newest first, by day, by topic. */
@Component
public class ArticleQueries {

    private static final String COLUMNS =
            "a.id, a.title, a.url, a.summary_html, a.summary_text, a.authors, a.categories, "
                    + "a.doi, a.pmid, a.published_at, a.first_seen_at, a.updated_at, a.sort_at, a.digest_date, "
                    + "a.relevant, a.tagging, a.owner_source";

    private final JdbcClient jdbc;
    /** Readers bound once to their types: {@code readValue} with a type looked the reader up on each call. */
    private final ObjectReader taggingReader;

    private final ObjectReader stringsReader;
    private final ArticleNotices notices;
    private final ArticleVersion version;
    private final SearchEngine search;
    private final SearchProperties searchLimits;
    private volatile DaysAtVersion days;

    ArticleQueries(
            JdbcClient jdbc,
            JsonMapper json,
            ArticleVersion version,
            SearchEngine search,
            SearchProperties searchLimits) {
        this.jdbc = jdbc;
        this.taggingReader = json.readerFor(TaggingResult.class);
        this.stringsReader = json.readerFor(new TypeReference<List<String>>() {});
        this.notices = new ArticleNotices(jdbc, json);
        this.version = version;
        this.search = search;
        this.searchLimits = searchLimits;
    }

    /** An article of a search's page, with its place in the search's order (the next page's cursor). */
    public record Found(StoredArticle article, ArticleFilter.Position position) {}

    /**
     * One page of a search ({@link ArticleFilter#searches()}): most relevant first, then newest first, after the
     * filter's cursor. Only the newest {@code her2.search.max-results} matches are ranked, which bounds the cost of
     * a word that every article holds.
     */
    public List<Found> search(ArticleFilter filter, int limit) {
        List<SearchHit> hits =
                new ArrayList<>(search.matches(filter.text().strip(), filter.forMatches(), searchLimits.maxResults()));
        hits.sort(SearchHit.ORDER);
        ArticleFilter.Position cursor = filter.before();
        List<SearchHit> page = hits.stream()
                .filter(hit -> cursor == null || hit.after(cursor))
                .limit(Math.max(0, limit))
                .toList();
        if (page.isEmpty()) {
            return List.of();
        }
        Map<String, StoredArticle> loaded = new HashMap<>();
        load("SELECT " + COLUMNS + " FROM article a WHERE a.id IN (:ids)", Map.of("ids", ids(page)))
                .forEach(article -> loaded.put(article.id(), article));
        // An article that left the archive between the two reads is left out rather than shown half.
        return page.stream()
                .filter(hit -> loaded.containsKey(hit.id()))
                .map(hit -> new Found(loaded.get(hit.id()), hit.position()))
                .toList();
    }

    private static List<String> ids(List<SearchHit> hits) {
        return hits.stream().map(SearchHit::id).toList();
    }

    /** The day list as of one archive version: counting every day reads every published article's index entry. */
    private record DaysAtVersion(long version, List<DayCount> days) {}

    /** Published articles, newest first; a search's, most relevant first (see {@link #search}). */
    public List<StoredArticle> newest(ArticleFilter filter, int limit) {
        if (filter.searches()) {
            return search(filter, limit).stream().map(Found::article).toList();
        }
        Map<String, Object> params = new HashMap<>();
        StringBuilder sql;
        if (filter.topics().size() == 1) {
            // One topic: walk that topic's own index newest first (article_topic_order). Walking all published
            // articles newest first and testing each would read most of the archive for a rare topic.
            sql = new StringBuilder("SELECT " + COLUMNS + " FROM article_topic t JOIN article a ON a.id = t.article_id"
                    + " WHERE t.slug = :onlyTopic AND a.relevant = TRUE");
            params.put("onlyTopic", filter.topics().iterator().next());
            appendFilter(filter.withoutTopics(), sql, params);
            sql.append(" ORDER BY t.sort_at DESC, t.article_id DESC");
        } else {
            sql = new StringBuilder("SELECT " + COLUMNS + " FROM article a WHERE a.relevant = TRUE");
            appendFilter(filter, sql, params);
            sql.append(" ORDER BY a.sort_at DESC, a.id DESC");
        }
        sql.append(" FETCH FIRST ").append(Math.max(0, limit)).append(" ROWS ONLY");
        return load(sql.toString(), params);
    }

    /**
     * The published articles filed under one digest day, newest first. Read with their sources in one statement
     * (a row per source): a day has no row limit that rows of sources could cut short, unlike the other reads.
     */
    public List<StoredArticle> day(LocalDate day, ArticleFilter filter) {
        Map<String, Object> params = new HashMap<>();
        params.put("day", day);
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS
                + ", o.source_id AS origin_source, o.guid AS origin_guid, o.link AS origin_link,"
                + " o.first_seen_at AS origin_seen FROM article a LEFT JOIN article_source o ON o.article_id = a.id"
                + " WHERE a.digest_date = :day AND a.relevant = TRUE");
        appendFilter(filter, sql, params);
        sql.append(" ORDER BY a.sort_at DESC, a.id DESC, o.first_seen_at, o.source_id");
        List<Loaded> loaded = new ArrayList<>();
        Map<String, List<ArticleOrigin>> origins = new HashMap<>();
        jdbc.sql(sql.toString()).params(params).query(rs -> {
            String id = rs.getString("id");
            List<ArticleOrigin> of = origins.get(id);
            if (of == null) {
                of = new ArrayList<>();
                origins.put(id, of);
                loaded.add(loaded(rs, 0));
            }
            String source = rs.getString("origin_source");
            if (source != null) {
                of.add(new ArticleOrigin(
                        source,
                        rs.getString("origin_guid"),
                        rs.getString("origin_link"),
                        Timestamps.read(rs, "origin_seen")));
            }
        });
        return withOriginsAndNotices(loaded, origins);
    }

    /**
     * At most {@code limit} of the published articles filed under the days from {@code from} to {@code to}
     * inclusive, newest day first, then newest first within a day.
     */
    public List<StoredArticle> days(LocalDate from, LocalDate to, ArticleFilter filter, int limit) {
        Map<String, Object> params = new HashMap<>();
        params.put("from", from);
        params.put("to", to);
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS
                + " FROM article a WHERE a.digest_date BETWEEN :from AND :to AND a.relevant = TRUE");
        appendFilter(filter, sql, params);
        sql.append(" ORDER BY a.digest_date DESC, a.sort_at DESC, a.id DESC");
        sql.append(" FETCH FIRST ").append(Math.max(0, limit)).append(" ROWS ONLY");
        return load(sql.toString(), params);
    }

    public Optional<StoredArticle> find(String id) {
        List<StoredArticle> found =
                load("SELECT " + COLUMNS + " FROM article a WHERE a.id = :id AND a.relevant = TRUE", Map.of("id", id));
        return found.stream().findFirst();
    }

    /** The days that have published articles, newest first. */
    public List<DayCount> days() {
        // The version is read before the query: a write in between makes the next call count again.
        long current = version.current();
        DaysAtVersion cached = days;
        if (cached != null && cached.version() == current) {
            return cached.days();
        }
        List<DayCount> counted = List.copyOf(jdbc.sql(
                        "SELECT digest_date, COUNT(*) FROM article WHERE relevant = TRUE GROUP BY digest_date ORDER "
                                + "BY digest_date DESC")
                .query((rs, n) -> new DayCount(rs.getObject(1, LocalDate.class), rs.getLong(2)))
                .list());
        days = new DaysAtVersion(current, counted);
        return counted;
    }

    /**
     * For each day with published articles, a mark that changes whenever the day's digest may change: its count,
     * its latest article update and its latest new source of an article. The static copy rewrites only the days
     * whose mark moved.
     */
    public Map<LocalDate, String> dayMarks() {
        Map<LocalDate, String> marks = new LinkedHashMap<>();
        jdbc.sql("""
                        SELECT a.digest_date, COUNT(DISTINCT a.id), MAX(a.updated_at), MAX(s.first_seen_at)
                        FROM article a LEFT JOIN article_source s ON s.article_id = a.id
                        WHERE a.relevant = TRUE GROUP BY a.digest_date ORDER BY a.digest_date DESC""")
                .query((rs, n) -> marks.put(
                        rs.getObject(1, LocalDate.class),
                        rs.getLong(2) + "|" + Timestamps.read(rs, 3) + "|" + Timestamps.read(rs, 4)))
                .list();
        return marks;
    }

    /** Published articles per topic slug. */
    public Map<String, Long> topicCounts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        jdbc.sql("SELECT slug, COUNT(*) FROM article_topic GROUP BY slug")
                .query((rs, n) -> counts.put(rs.getString(1), rs.getLong(2)))
                .list();
        return counts;
    }

    /**
     * Published articles per topic and digest day, from {@code from} to {@code to} inclusive; days without any are
     * absent.
     */
    public List<TopicDayCount> topicCountsByDay(LocalDate from, LocalDate to) {
        return jdbc.sql("SELECT t.slug, a.digest_date, COUNT(*) FROM article a JOIN article_topic t ON t.article_id "
                        + "= a.id "
                        + "WHERE a.digest_date BETWEEN :from AND :to AND a.relevant = TRUE GROUP BY t.slug, "
                        + "a.digest_date")
                .param("from", from)
                .param("to", to)
                .query((rs, n) -> new TopicDayCount(rs.getString(1), rs.getObject(2, LocalDate.class), rs.getLong(3)))
                .list();
    }

    static void appendFilter(ArticleFilter filter, StringBuilder sql, Map<String, Object> params) {
        if (!filter.topics().isEmpty()) {
            // One primary-key probe per topic. With "slug IN (...)" H2 walked a topic's whole index for every
            // candidate article: seconds per page at a million articles.
            List<String> topics = filter.topics().stream().sorted().toList();
            sql.append(" AND (");
            for (int i = 0; i < topics.size(); i++) {
                sql.append(i == 0 ? "" : " OR ")
                        .append("EXISTS (SELECT 1 FROM article_topic t WHERE t.slug = :topic")
                        .append(i)
                        .append(" AND t.article_id = a.id)");
                params.put("topic" + i, topics.get(i));
            }
            sql.append(')');
        }
        if (filter.sourceIds() != null) {
            if (filter.sourceIds().isEmpty()) {
                sql.append(" AND 1 = 0");
            } else {
                sql.append(" AND EXISTS (SELECT 1 FROM article_source s WHERE s.article_id = a.id AND s.source_id IN "
                        + "(:sources))");
                params.put("sources", List.copyOf(filter.sourceIds()));
            }
        }
        appendEvidence(Evidence.TYPE, filter.evidence().types(), sql, params);
        appendEvidence(Evidence.TRIAL, filter.evidence().trials(), sql, params);
        appendEvidence(Evidence.DRUG, filter.evidence().drugs(), sql, params);
        if (filter.searches()) {
            throw new IllegalArgumentException("a search is answered by search(), through its engine");
        }
        if (filter.since() != null) {
            sql.append(" AND a.sort_at >= :since");
            params.put("since", Timestamps.of(filter.since()));
        }
        if (filter.before() != null) {
            sql.append(" AND (a.sort_at < :beforeAt OR (a.sort_at = :beforeAt AND a.id < :beforeId))");
            params.put("beforeAt", Timestamps.of(filter.before().sortAt()));
            params.put("beforeId", filter.before().id());
        }
    }

    private static void appendEvidence(String kind, Set<String> keys, StringBuilder sql, Map<String, Object> params) {
        if (!keys.isEmpty()) {
            sql.append(" AND EXISTS (SELECT 1 FROM article_entity e WHERE e.kind = :kind_")
                    .append(kind)
                    .append(" AND e.entity IN (:entity_")
                    .append(kind)
                    .append(") AND e.article_id = a.id)");
            params.put("kind_" + kind, kind);
            params.put("entity_" + kind, List.copyOf(keys));
        }
    }

    /** An article as its row gives it, with whose copy it is (its origins are listed from that source's). */
    private record Loaded(StoredArticle article, String owner) {}

    private List<StoredArticle> load(String sql, Map<String, Object> params) {
        List<Loaded> loaded = jdbc.sql(sql).params(params).query(this::loaded).list();
        if (loaded.isEmpty()) {
            return List.of();
        }
        List<StoredArticle> articles = loaded.stream().map(Loaded::article).toList();
        Map<String, List<ArticleOrigin>> origins = new HashMap<>();
        // The owner was read with the article: joining article again here read each article's row a second time.
        jdbc.sql("""
                SELECT s.article_id, s.source_id, s.guid, s.link, s.first_seen_at FROM article_source s
                WHERE s.article_id = ANY(:ids) ORDER BY s.first_seen_at, s.source_id""")
                .param(
                        "ids",
                        AnyOf.strings(articles.stream().map(StoredArticle::id).toList()))
                .query((rs, n) -> origins.computeIfAbsent(rs.getString(1), id -> new ArrayList<>())
                        .add(new ArticleOrigin(
                                rs.getString(2), rs.getString(3), rs.getString(4), Timestamps.read(rs, 5))))
                .list();
        return withOriginsAndNotices(loaded, origins);
    }

    private List<StoredArticle> withOriginsAndNotices(List<Loaded> loaded, Map<String, List<ArticleOrigin>> origins) {
        if (loaded.isEmpty()) {
            return List.of();
        }
        Map<String, List<NoticeRef>> notices =
                this.notices.of(loaded.stream().map(Loaded::article).toList());
        return loaded.stream()
                .map(l -> withOrigins(
                        l.article(),
                        ownerFirst(origins.getOrDefault(l.article().id(), List.of()), l.owner()),
                        notices.getOrDefault(l.article().id(), List.of())))
                .toList();
    }

    /** The owner (whose copy is shown) first, then the others as they arrived: readers that name one source name it. */
    private static List<ArticleOrigin> ownerFirst(List<ArticleOrigin> arrived, String owner) {
        List<ArticleOrigin> ordered = new ArrayList<>(arrived.size());
        arrived.stream().filter(o -> o.sourceId().equals(owner)).forEach(ordered::add);
        arrived.stream().filter(o -> !o.sourceId().equals(owner)).forEach(ordered::add);
        return ordered;
    }

    private static StoredArticle withOrigins(StoredArticle a, List<ArticleOrigin> origins, List<NoticeRef> notices) {
        return new StoredArticle(
                a.id(),
                a.title(),
                a.url(),
                a.summaryHtml(),
                a.summaryText(),
                a.authors(),
                a.categories(),
                a.doi(),
                a.pmid(),
                a.publishedAt(),
                a.firstSeenAt(),
                a.updatedAt(),
                a.sortAt(),
                a.digestDate(),
                a.relevant(),
                a.relevanceHits(),
                a.discounted(),
                a.topics(),
                a.evidence(),
                List.copyOf(origins),
                List.copyOf(notices));
    }

    private Loaded loaded(ResultSet rs, int row) throws SQLException {
        return new Loaded(article(rs), rs.getString("owner_source"));
    }

    private StoredArticle article(ResultSet rs) throws SQLException {
        TaggingResult tagging = taggingReader.readValue(rs.getString("tagging"));
        boolean relevant = rs.getBoolean("relevant");
        return new StoredArticle(
                rs.getString("id"),
                rs.getString("title"),
                rs.getString("url"),
                rs.getString("summary_html"),
                rs.getString("summary_text"),
                strings(rs.getString("authors")),
                strings(rs.getString("categories")),
                rs.getString("doi"),
                rs.getString("pmid"),
                Timestamps.read(rs, "published_at"),
                Timestamps.read(rs, "first_seen_at"),
                Timestamps.read(rs, "updated_at"),
                Timestamps.read(rs, "sort_at"),
                rs.getObject("digest_date", LocalDate.class),
                relevant,
                List.copyOf(tagging.relevanceHits()),
                List.copyOf(tagging.discounted()),
                relevant ? List.copyOf(tagging.topics()) : List.of(),
                tagging.evidence(),
                List.of(),
                List.of());
    }

    private List<String> strings(String array) {
        return List.copyOf(stringsReader.<List<String>>readValue(array));
    }
}
