package org.her2feeds.store;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The story rows grouping starts, takes up again and joins. A story's id is {@code s-<article id>} of the article
 * that started it, with a suffix when that id is still held by other members; story rows are never deleted (a
 * joined story keeps its row, {@code merged_into} naming the story that holds its members), so an id resolves for
 * good.
 */
final class StoryRows {

    static final String INSERT_STORY = """
            INSERT INTO story (id, title, first_seen_at, last_seen_at, updated_at)
            VALUES (:id, '', :at, :at, :now) ON CONFLICT DO NOTHING""";
    /** A story row that remains from an earlier membership, taken up again (as its founder's, no longer merged). */
    static final String TAKE_UP_STORY = "UPDATE story SET merged_into = NULL WHERE id = :id";

    private static final String OLDEST_FIRST = """
            SELECT story_id FROM story_member WHERE story_id = ANY(:ids)
            GROUP BY story_id ORDER BY MIN(seen_at), story_id""";

    private final JdbcClient jdbc;

    StoryRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The id of the story an article starts when no member holds it: its own. */
    static String ownId(String articleId) {
        return "s-" + articleId;
    }

    /**
     * A story for an article linked to nothing: {@code s-<article id>}, or that with a suffix when a story of that
     * id still holds other members (the article started it and left it, and the rest kept the id).
     */
    String start(String articleId, Instant at, Instant now) {
        String base = ownId(articleId);
        String id = base;
        for (int n = 2; held(id); n++) {
            id = base + "-" + n;
        }
        int inserted = jdbc.sql(INSERT_STORY)
                .param("id", id)
                .param("at", Timestamps.of(at))
                .param("now", Timestamps.of(now))
                .update();
        if (inserted == 0) {
            // A story of this id remains from an earlier membership of the article: it is taken up again.
            takeUp(id);
        }
        return id;
    }

    void takeUp(String id) {
        jdbc.sql(TAKE_UP_STORY).param("id", id).update();
    }

    /** Whether members are in this story. */
    boolean held(String storyId) {
        return !jdbc.sql("SELECT article_id FROM story_member WHERE story_id = :id FETCH FIRST 1 ROWS ONLY")
                .param("id", storyId)
                .query(String.class)
                .list()
                .isEmpty();
    }

    /** Those of these story ids that members are in. */
    Set<String> held(Set<String> stories) {
        if (stories.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.sql("SELECT DISTINCT story_id FROM story_member WHERE story_id = ANY(:ids)")
                .param("ids", AnyOf.strings(stories))
                .query(String.class)
                .list());
    }

    /**
     * Those of these articles' own story ids ({@code s-<article id>}) that a story row has: only for those can the
     * id be held by other members, or the row be there already (an article that left its story, or one deleted and
     * stored again). A member's story always has a row, so an id without a row is free.
     */
    Set<String> withRow(List<String> articleIds) {
        return new HashSet<>(jdbc.sql("SELECT id FROM story WHERE id = ANY(:ids)")
                .param(
                        "ids",
                        AnyOf.strings(articleIds.stream().map(StoryRows::ownId).toList()))
                .query(String.class)
                .list());
    }

    /**
     * The story whose first member came first keeps its id; ties go to the smaller id. Asked of the members, not of
     * the stories' {@code first_seen_at}: a story's row is summarised only once its grouping is done, so within one
     * feed it does not yet count a member that joined it earlier in the feed, or a row taken up again.
     */
    String oldest(Set<String> stories) {
        List<String> byFirstMember = jdbc.sql(OLDEST_FIRST)
                .param("ids", AnyOf.strings(stories))
                .query(String.class)
                .list();
        return byFirstMember.isEmpty() ? stories.iterator().next() : byFirstMember.get(0);
    }

    /** Joins stories into another: their members move to it, their ids (and those joined into them) resolve to it. */
    void merge(Set<String> joined, String into) {
        List<String> ids = List.copyOf(joined);
        jdbc.sql("UPDATE story_member SET story_id = :into WHERE story_id IN (:ids)")
                .param("into", into)
                .param("ids", ids)
                .update();
        jdbc.sql("UPDATE story SET merged_into = :into WHERE id IN (:ids) OR merged_into IN (:ids)")
                .param("into", into)
                .param("ids", ids)
                .update();
    }
}
