package org.her2feeds.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What a story's row says of its members: the title and lead (the most authoritative member, the earliest among
 * equals), the first and last time a member was seen, how many members and sources it holds, and when it last
 * gained coverage. Most stories hold one member, the article that started them; theirs is written from that
 * article alone ({@link #FOUNDED}), without reading members back.
 */
final class StorySummaries {

    /** The story's title is its lead's. */
    private static final String LEAD_TITLE = "(SELECT title FROM article WHERE id = :lead)";
    /**
     * How many sources story {@code :id} holds, for every summary alike: the distinct owners on its member rows,
     * where grouping keeps each member's owner current under the story lock (a take-over writes it there). Counted
     * once, here, so a story of one member cannot count its article's owner while larger ones count their rows.
     */
    private static final String SOURCES =
            "(SELECT COUNT(DISTINCT owner_source) FROM story_member WHERE story_id = :id)";
    /** The summary of a story whose one member, {@code :lead} seen {@code :at}, started it. */
    private static final String FOUNDED = "title = " + LEAD_TITLE + ", lead_article_id = :lead, updated_at = :now, "
            + "first_seen_at = :at, last_seen_at = :at, members = 1, sources = " + SOURCES;
    /** A new story inserted with its summary as the story of its founder alone. */
    static final String INSERT_FOUNDED_STORY =
            "INSERT INTO story (id, title, lead_article_id, first_seen_at, last_seen_at, updated_at, members, sources)"
                    + " VALUES (:id, " + LEAD_TITLE + ", :lead, :at, :at, :now, 1, " + SOURCES
                    + ") ON CONFLICT DO NOTHING";
    /** A remaining story row taken up again ({@link StoryRows#TAKE_UP_STORY}) with the same summary. */
    static final String TAKE_UP_FOUNDED_STORY = "UPDATE story SET merged_into = NULL, " + FOUNDED + " WHERE id = :id";

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate named;

    StorySummaries(JdbcClient jdbc, NamedParameterJdbcTemplate named) {
        this.jdbc = jdbc;
        this.named = named;
    }

    /**
     * The summary of a story that holds one member, the one that started it, written without reading the story's
     * members back: most stories are this, and the general summary reads them.
     */
    void founded(String story, String lead, Instant at, Instant now) {
        jdbc.sql("UPDATE story SET " + FOUNDED + " WHERE id = :id")
                .param("lead", lead)
                .param("now", Timestamps.of(now))
                .param("at", Timestamps.of(at))
                .param("id", story)
                .update();
    }

    /**
     * Title from the most authoritative member (the earliest among equals), dates and counts from all, read in one
     * pass over the member rows, where the update's own aggregates read them four times more; the sources are
     * counted by the update ({@link #SOURCES}), as for a story of one member. No member's article is read but the
     * lead's, for its title. The stories' members are read in one query and the stories updated in one batch.
     *
     * @param now when the stories gained coverage, or null when only a member's copy changed
     */
    void summarise(Collection<String> stories, Instant now) {
        if (stories.isEmpty()) {
            return;
        }
        record Row(String id, Instant seenAt) {}
        Map<String, List<Row>> members = new HashMap<>();
        jdbc.sql("""
                        SELECT story_id, article_id, seen_at FROM story_member
                        WHERE story_id = ANY(:stories) ORDER BY story_id, authority DESC, seen_at, article_id""")
                .param("stories", AnyOf.strings(stories))
                .query((rs, row) -> members.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                        .add(new Row(rs.getString(2), Timestamps.read(rs, 3))))
                .list();
        List<SqlParameterSource> summaries = new ArrayList<>();
        List<SqlParameterSource> emptied = new ArrayList<>();
        for (String story : stories) {
            List<Row> of = members.get(story);
            if (of == null) {
                // Every member left: the story is no longer shown, but its id is kept (it may be taken up again).
                emptied.add(new MapSqlParameterSource("id", story));
                continue;
            }
            Row lead = of.get(0);
            Instant first = lead.seenAt();
            Instant last = lead.seenAt();
            for (Row member : of) {
                first = member.seenAt().isBefore(first) ? member.seenAt() : first;
                last = member.seenAt().isAfter(last) ? member.seenAt() : last;
            }
            summaries.add(new MapSqlParameterSource()
                    .addValue("lead", lead.id())
                    .addValue("first", Timestamps.of(first))
                    .addValue("last", Timestamps.of(last))
                    .addValue("members", of.size())
                    .addValue("id", story)
                    .addValue("now", now == null ? null : Timestamps.of(now)));
        }
        if (!emptied.isEmpty()) {
            named.batchUpdate(
                    "UPDATE story SET members = 0, sources = 0 WHERE id = :id",
                    emptied.toArray(SqlParameterSource[]::new));
        }
        if (!summaries.isEmpty()) {
            String dates = now == null ? "" : "updated_at = :now, ";
            named.batchUpdate(
                    "UPDATE story SET title = " + LEAD_TITLE + ", lead_article_id = :lead, " + dates
                            + "first_seen_at = :first, last_seen_at = :last, members = :members, sources = " + SOURCES
                            + " WHERE id = :id",
                    summaries.toArray(SqlParameterSource[]::new));
        }
    }
}
