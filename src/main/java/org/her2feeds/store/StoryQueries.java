package org.her2feeds.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.her2feeds.tagging.StoryProfile;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the stories: those with members from at least two sources, newest coverage first. A story joined into
 * another is found by its old id too.
 */
@Component
public class StoryQueries {

    /** The position of a story in the list's order (last gained coverage, then id, both descending). */
    public record Position(Instant updated, String id) {}

    /** A story as a row, before its members are read. */
    private record Row(String id, String title, String url, Instant first, Instant last, Instant updated) {}

    private static final String LISTED = "s.merged_into IS NULL AND s.sources >= 2";
    private static final String COLUMNS = """
            SELECT s.id, s.title, a.url, s.first_seen_at, s.last_seen_at, s.updated_at
            FROM story s LEFT JOIN article a ON a.id = s.lead_article_id""";

    private final JdbcClient jdbc;
    private final JsonMapper json;

    StoryQueries(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /**
     * One page of stories, newest coverage first.
     *
     * @param after the position of the last story of the previous page, or null for the first page
     */
    public List<Story> page(Position after, int limit) {
        String where = after == null
                ? LISTED
                : LISTED + " AND (s.updated_at < :updated OR (s.updated_at = :updated AND s.id < :id))";
        var query = jdbc.sql(COLUMNS + " WHERE " + where + " ORDER BY s.updated_at DESC, s.id DESC LIMIT :limit")
                .param("limit", limit);
        if (after != null) {
            query = query.param("updated", Timestamps.of(after.updated())).param("id", after.id());
        }
        return withMembers(query.query(StoryQueries::row).list());
    }

    /** The story of this id, or of the story it was joined into; empty when none is listed under it. */
    public Optional<Story> story(String id) {
        String resolved = jdbc.sql("SELECT COALESCE(merged_into, id) FROM story WHERE id = :id")
                .param("id", id)
                .query(String.class)
                .optional()
                .orElse(null);
        if (resolved == null) {
            return Optional.empty();
        }
        List<Row> rows = jdbc.sql(COLUMNS + " WHERE s.id = :id AND " + LISTED)
                .param("id", resolved)
                .query(StoryQueries::row)
                .list();
        return withMembers(rows).stream().findFirst();
    }

    /**
     * The stories with one of these articles among their members, newest coverage first. A digest names its day's
     * articles: finding the day's stories through the articles' day read every article of the day again.
     */
    public List<Story> withAnyOf(Collection<String> articleIds) {
        if (articleIds.isEmpty()) {
            return List.of();
        }
        return withMembers(jdbc.sql(COLUMNS + " WHERE " + LISTED + """
                         AND s.id IN (SELECT m.story_id FROM story_member m WHERE m.article_id = ANY(:ids))
                        ORDER BY s.updated_at DESC, s.id DESC""")
                .param("ids", AnyOf.strings(articleIds))
                .query(StoryQueries::row)
                .list());
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                Timestamps.read(rs, 4),
                Timestamps.read(rs, 5),
                Timestamps.read(rs, 6));
    }

    private record MemberRow(String storyId, Story.Member member, StoryProfile profile) {}

    private List<Story> withMembers(List<Row> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<String, List<MemberRow>> members = new HashMap<>();
        jdbc.sql("""
                        SELECT m.story_id, a.id, a.title, a.url, m.type, a.owner_source, a.owner_kind, a.sort_at,
                            m.profile
                        FROM story_member m JOIN article a ON a.id = m.article_id
                        WHERE m.story_id = ANY(:ids) AND a.relevant = TRUE
                        ORDER BY a.sort_at, a.id""")
                .param("ids", AnyOf.strings(rows.stream().map(Row::id).toList()))
                .query((rs, n) -> new MemberRow(
                        rs.getString(1),
                        new Story.Member(
                                rs.getString(2),
                                rs.getString(3),
                                rs.getString(4),
                                rs.getString(5),
                                rs.getString(6),
                                rs.getString(7),
                                Timestamps.read(rs, 8)),
                        json.readValue(rs.getString(9), StoryProfile.class)))
                .list()
                .forEach(m -> members.computeIfAbsent(m.storyId(), k -> new ArrayList<>())
                        .add(m));
        List<Story> stories = new ArrayList<>();
        for (Row row : rows) {
            List<MemberRow> of = members.getOrDefault(row.id(), List.of());
            List<Story.Member> listed = of.stream().map(MemberRow::member).toList();
            String label = label(of);
            stories.add(new Story(
                    row.id(),
                    row.title(),
                    row.url(),
                    label,
                    Story.describe(label, listed),
                    row.first(),
                    row.last(),
                    row.updated(),
                    listed));
        }
        return stories;
    }

    /** The trial named by most members, when at least two name it. */
    private static String label(List<MemberRow> members) {
        Map<String, Integer> named = new LinkedHashMap<>();
        members.forEach(m -> m.profile().trialNames().forEach(name -> named.merge(name, 1, Integer::sum)));
        return named.entrySet().stream()
                .filter(e -> e.getValue() >= 2)
                .max(Map.Entry.comparingByValue())
                .map(Map.Entry::getKey)
                .orElse(null);
    }
}
