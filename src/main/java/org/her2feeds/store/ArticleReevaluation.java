package org.her2feeds.store;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.function.Function;
import org.her2feeds.tagging.TaggableText;
import org.her2feeds.tagging.TaggingResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Evaluates every stored article again with the current rules and files it again under the current digest zone,
 * a page of articles per transaction. Articles stored as not relevant are included: new rules may make them
 * relevant. The filing time itself does not change: it was decided when the article was stored ({@link Filing}).
 */
final class ArticleReevaluation {

    private static final Logger log = LoggerFactory.getLogger(ArticleReevaluation.class);
    private static final int PAGE = 500;

    private record Row(
            String id,
            String title,
            String descriptionText,
            String contentText,
            String categories,
            String tagging,
            Instant sortAt,
            LocalDate digestDate,
            String ownerKind,
            String contentHash,
            String url,
            String ownerSource,
            String doi,
            String pmid) {

        TaggableText text(List<String> categories) {
            return new TaggableText(title, descriptionText, contentText, categories, ownerKind, url);
        }
    }

    /** An article whose tagging or digest day changes. */
    private record Change(Row row, TaggableText text, TaggingResult result, String tagging, LocalDate day) {}

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate named;
    private final TaggingIndex topics;
    private final TransactionTemplate transactions;
    private final JsonMapper json;
    private final ArticleVersion version;
    private final ZoneId zone;
    private final Clock clock;
    private final StoryGrouping stories;

    ArticleReevaluation(
            JdbcClient jdbc,
            NamedParameterJdbcTemplate named,
            TransactionTemplate transactions,
            JsonMapper json,
            ArticleVersion version,
            ZoneId zone,
            Clock clock,
            StoryGrouping stories) {
        this.jdbc = jdbc;
        this.named = named;
        this.topics = new TaggingIndex(named);
        this.transactions = transactions;
        this.json = json;
        this.version = version;
        this.zone = zone;
        this.clock = clock;
        this.stories = stories;
    }

    /** @return how many articles changed */
    int reevaluateAll(Function<TaggableText, TaggingResult> tagger) {
        int changed = 0;
        String after = "";
        while (true) {
            if (Thread.currentThread().isInterrupted()) {
                // Stopped at shutdown: an exception, so that the caller does not record the rules as applied.
                throw new CancellationException("re-evaluation of the archive stopped after article '" + after + "'");
            }
            List<Row> page = jdbc.sql("""
                    SELECT id, title, description_text, content_text, categories, tagging, sort_at,
                        digest_date, owner_kind, content_hash, url, owner_source, doi, pmid FROM article
                    WHERE id > :after AND purged = FALSE ORDER BY id FETCH FIRST %d ROWS ONLY""".formatted(PAGE))
                    .param("after", after)
                    .query((rs, n) -> new Row(
                            rs.getString(1),
                            rs.getString(2),
                            rs.getString(3),
                            rs.getString(4),
                            rs.getString(5),
                            rs.getString(6),
                            Timestamps.read(rs, 7),
                            rs.getObject(8, LocalDate.class),
                            rs.getString(9),
                            rs.getString(10),
                            rs.getString(11),
                            rs.getString(12),
                            rs.getString(13),
                            rs.getString(14)))
                    .list();
            if (page.isEmpty()) {
                break;
            }
            after = page.get(page.size() - 1).id();
            List<Change> changes = changes(page, tagger);
            if (!changes.isEmpty()) {
                Integer written = transactions.execute(status -> write(changes));
                changed += written == null ? 0 : written;
            }
        }
        if (changed > 0) {
            transactions.executeWithoutResult(status -> version.bump());
            version.refresh();
        }
        return changed;
    }

    private List<Change> changes(List<Row> page, Function<TaggableText, TaggingResult> tagger) {
        List<Change> changes = new ArrayList<>();
        for (Row row : page) {
            List<String> categories = json.readValue(row.categories(), new TypeReference<List<String>>() {});
            TaggableText text = row.text(categories);
            TaggingResult fresh = tagger.apply(text);
            // Bounded as when the article was stored: the same rules then give the same JSON, and it fits its column.
            TaggingResult result = ColumnLimits.boundTagging(fresh, json);
            if (result == null) {
                log.warn(
                        "article={} keeps its tagging: the new explanation does not fit its column even without term "
                                + "hits",
                        row.id());
                continue;
            }
            String tagging = json.writeValueAsString(result);
            LocalDate day = Filing.digestDay(row.sortAt(), zone);
            if (!tagging.equals(row.tagging()) || !day.equals(row.digestDate())) {
                changes.add(new Change(row, text, result, tagging, day));
            }
        }
        return changes;
    }

    /**
     * Writes only over the version that was read: the page is read outside any transaction while fetches run, and
     * a fetch that stored a new version meanwhile tagged it with the current rules already. The content hash and
     * the tagging read are the version's mark; a row that no longer has both is left as the fetch wrote it, told
     * by its statement's count of 0 (a count the store trusts only on a connection that reports one per statement
     * of a batch of updates, {@link BatchCounts}), and neither indexed nor grouped again here.
     */
    private int write(List<Change> changes) {
        Instant now = clock.instant();
        int[] counts = named.batchUpdate(
                """
                UPDATE article SET tagging = :tagging, relevant = :relevant, digest_date = :day, updated_at = :now
                WHERE id = :id AND content_hash = :hash AND tagging = :readTagging AND purged = FALSE""",
                changes.stream()
                        .map(change -> new MapSqlParameterSource()
                                .addValue("tagging", change.tagging())
                                .addValue("relevant", change.result().relevant())
                                .addValue("day", change.day())
                                .addValue("now", Timestamps.of(now))
                                .addValue("id", change.row().id())
                                .addValue("hash", change.row().contentHash())
                                .addValue("readTagging", change.row().tagging()))
                        .toArray(SqlParameterSource[]::new));
        List<TaggingIndex.Entry> written = new ArrayList<>();
        List<StoryGrouping.Arriving> regrouped = new ArrayList<>();
        for (int i = 0; i < changes.size(); i++) {
            Change change = changes.get(i);
            if (counts[i] != 0) {
                Row row = change.row();
                written.add(new TaggingIndex.Entry(row.id(), change.result(), row.sortAt()));
                regrouped.add(new StoryGrouping.Arriving(
                        row.id(),
                        change.text(),
                        change.result(),
                        row.ownerSource(),
                        row.doi(),
                        row.pmid(),
                        row.sortAt(),
                        null));
            }
        }
        topics.replace(written);
        // New evidence (type, trials, drugs) may tie an article to another story or to none: it is grouped again.
        stories.group(regrouped, now);
        return written.size();
    }
}
