package org.her2feeds.store;

import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.her2feeds.tagging.TaggableText;
import org.her2feeds.tagging.TaggingResult;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Groups the published articles that have no story row yet: those stored before stories existed. They are taken
 * in the order they appeared, so a story is named after its earliest article as if they had arrived one by one,
 * a page per transaction, so that fetches storing meanwhile wait for one page at most. Run again, it finds nothing
 * to do: every article it grouped has its row, and those that belong to no story are passed by a cursor.
 */
final class StoryBackfill {

    /** An article the backfill groups: published, kept, and a member of no story yet. */
    private static final String AWAITS_A_STORY = "a.relevant = TRUE AND a.purged = FALSE"
            + " AND NOT EXISTS (SELECT 1 FROM story_member m WHERE m.article_id = a.id)";

    /** Articles grouped per transaction: small enough that a fetch waits little for the story lock. */
    static final int PAGE = 200;

    private record Row(String id, Instant sortAt, StoryGrouping.Arriving arriving) {}

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final JsonMapper json;
    private final StoryGrouping stories;
    private final Clock clock;

    StoryBackfill(
            JdbcClient jdbc, TransactionTemplate transactions, JsonMapper json, StoryGrouping stories, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.json = json;
        this.stories = stories;
        this.clock = clock;
    }

    /** @return how many articles joined or started a story */
    int run() {
        int grouped = 0;
        Instant at = Instant.EPOCH;
        String after = "";
        while (true) {
            List<Row> page = page(at, after);
            if (page.isEmpty()) {
                return grouped;
            }
            Row last = page.get(page.size() - 1);
            at = last.sortAt();
            after = last.id();
            Integer done = transactions.execute(status -> {
                stories.lock();
                return stories.group(stillWithoutStory(page), clock.instant());
            });
            grouped += done == null ? 0 : done;
        }
    }

    /**
     * The page's articles that still have no story row and are still published, read under the story lock: one
     * grouped since the page was read (a later copy, a take-over) was grouped by its text now, which the page's
     * older text must not replace.
     */
    private List<StoryGrouping.Arriving> stillWithoutStory(List<Row> page) {
        Set<String> waiting =
                new HashSet<>(jdbc.sql("SELECT a.id FROM article a WHERE a.id = ANY(:ids) AND " + AWAITS_A_STORY)
                        .param("ids", AnyOf.strings(page.stream().map(Row::id).toList()))
                        .query(String.class)
                        .list());
        return page.stream()
                .filter(row -> waiting.contains(row.id()))
                .map(Row::arriving)
                .toList();
    }

    private List<Row> page(Instant at, String after) {
        return jdbc.sql("""
                        SELECT a.id, a.title, a.description_text, a.content_text, a.categories, a.tagging, a.sort_at,
                            a.owner_kind, a.url, a.owner_source, a.doi, a.pmid FROM article a
                        WHERE (a.sort_at > :at OR (a.sort_at = :at AND a.id > :after)) AND %s
                        ORDER BY a.sort_at, a.id FETCH FIRST %d ROWS ONLY""".formatted(AWAITS_A_STORY, PAGE))
                .param("at", Timestamps.of(at))
                .param("after", after)
                .query((rs, n) -> {
                    String id = rs.getString(1);
                    Instant sortAt = Timestamps.read(rs, 7);
                    TaggableText text = new TaggableText(
                            rs.getString(2),
                            rs.getString(3),
                            rs.getString(4),
                            json.readValue(rs.getString(5), new TypeReference<List<String>>() {}),
                            rs.getString(8),
                            rs.getString(9));
                    TaggingResult tagging = json.readValue(rs.getString(6), TaggingResult.class);
                    return new Row(
                            id,
                            sortAt,
                            new StoryGrouping.Arriving(
                                    id,
                                    text,
                                    tagging,
                                    rs.getString(10),
                                    rs.getString(11),
                                    rs.getString(12),
                                    sortAt,
                                    null));
                })
                .list();
    }
}
