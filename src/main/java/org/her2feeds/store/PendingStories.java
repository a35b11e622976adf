package org.her2feeds.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;

/**
 * The stories and member rows one grouping starts, written in batches instead of a statement or three each. A
 * story that, once every arriving article has found its story, still holds only the member that started it goes in
 * with its summary, where it was inserted (or taken up again) and then updated. Whatever reads or changes stories
 * or members meanwhile has {@link #write} called first, so that each statement sees what it would have seen had
 * each row been written at once.
 */
final class PendingStories {

    /**
     * @param exists whether the row is there already, to be taken up again (its members all gone)
     * @param grows  whether the story is not the one its founder belonged to before (else it did not gain coverage,
     *               and is summarised as a story whose member's copy changed)
     */
    private record NewStory(String id, String founder, Instant at, boolean exists, boolean grows) {}

    private record NewMember(StoryGrouping.Member member, String story, String reason, String owner, boolean started) {}

    private static final int REASON_LENGTH = 1000;
    /**
     * A member row; 0 rows written when the article is a member already (a count the store trusts only on a
     * connection that reports one per statement, {@link BatchCounts}).
     */
    private static final String INSERT_MEMBER = """
            INSERT INTO story_member (article_id, story_id, seen_at, authority, type, link_reason, profile,
                owner_source)
            VALUES (:id, :story, :at, :authority, :type, :why, :profile, :owner) ON CONFLICT DO NOTHING""";

    private final NamedParameterJdbcTemplate named;
    private final StoredProfiles profiles;
    private final StoryRows rows;
    private final Set<String> withRow;
    private final Set<String> held;
    private final Instant now;
    private final List<NewStory> stories = new ArrayList<>();
    private final List<NewMember> members = new ArrayList<>();

    /**
     * @param withRow the story ids among the arriving articles' own that a story row has
     * @param held    those of them that members are in: no member can join a story without members before the
     *                article it is named after arrives, so one not held now is not held then
     */
    PendingStories(
            NamedParameterJdbcTemplate named,
            StoredProfiles profiles,
            StoryRows rows,
            Set<String> withRow,
            Set<String> held,
            Instant now) {
        this.named = named;
        this.profiles = profiles;
        this.rows = rows;
        this.withRow = withRow;
        this.held = held;
        this.now = now;
    }

    /**
     * A story for an article linked to nothing: its own id, taken up again when its row remains without members;
     * when members are in that id, one with a suffix started at once ({@link StoryRows#start}).
     *
     * @param before the story the article belonged to before its profile changed, or null
     */
    String start(String articleId, Instant at, String before, Map<String, StoryGrouping.Member> founded) {
        String id = StoryRows.ownId(articleId);
        if (held.contains(id)) {
            write(founded, false);
            return rows.start(articleId, at, now);
        }
        stories.add(new NewStory(id, articleId, at, withRow.contains(id), !id.equals(before)));
        return id;
    }

    /**
     * A member row to write.
     *
     * @param started whether the member started its story: counted as its founder until its row turns out not
     *                written (see {@link #write})
     */
    void member(StoryGrouping.Member member, String story, String reason, String owner, boolean started) {
        members.add(new NewMember(member, story, reason, owner, started));
    }

    /**
     * Writes what is pending, members first: a story started here whose member row was not written (the article
     * was a member already) does not count as founded, as when each row was written at once.
     *
     * @param founded the stories started here that still hold only their first member, by that member
     * @param last    whether every arriving article has found its story: only then is a story that holds only its
     *                founder known to stay so (one joined into another later keeps the row it was inserted with),
     *                and written with its summary
     * @return the stories written with their summary
     */
    Set<String> write(Map<String, StoryGrouping.Member> founded, boolean last) {
        if (!members.isEmpty()) {
            int[] counts = named.batchUpdate(
                    INSERT_MEMBER, members.stream().map(this::memberRow).toArray(SqlParameterSource[]::new));
            for (int i = 0; i < counts.length; i++) {
                NewMember row = members.get(i);
                if (counts[i] == 0 && row.started() && founded.get(row.story()) == row.member()) {
                    founded.remove(row.story());
                }
            }
            members.clear();
        }
        if (stories.isEmpty()) {
            return Set.of();
        }
        Map<String, List<NewStory>> byStatement = new LinkedHashMap<>();
        for (NewStory story : stories) {
            boolean alone = last && story.grows() && founded.containsKey(story.id());
            String statement = story.exists()
                    ? alone ? StorySummaries.TAKE_UP_FOUNDED_STORY : StoryRows.TAKE_UP_STORY
                    : alone ? StorySummaries.INSERT_FOUNDED_STORY : StoryRows.INSERT_STORY;
            byStatement.computeIfAbsent(statement, k -> new ArrayList<>()).add(story);
        }
        stories.clear();
        Set<String> summarised = new HashSet<>();
        byStatement.forEach((statement, rows) -> {
            Set<String> written = writeStories(statement, rows);
            if (statement.equals(StorySummaries.INSERT_FOUNDED_STORY)
                    || statement.equals(StorySummaries.TAKE_UP_FOUNDED_STORY)) {
                summarised.addAll(written);
            }
        });
        return summarised;
    }

    /**
     * Inserts stories or takes them up again. A row inserted that is there already (not expected: the ids were
     * asked for under the lock) is taken up again, as {@link StoryRows#start} does, and left to be summarised. Told
     * by its statement's count of 0, insert or update, as {@link BatchCounts} checks the connection reports.
     *
     * @return the stories whose row the statement wrote
     */
    private Set<String> writeStories(String statement, List<NewStory> pending) {
        int[] counts = named.batchUpdate(
                statement,
                pending.stream()
                        .map(row -> new MapSqlParameterSource()
                                .addValue("id", row.id())
                                .addValue("lead", row.founder())
                                .addValue("at", Timestamps.of(row.at()))
                                .addValue("now", Timestamps.of(now)))
                        .toArray(SqlParameterSource[]::new));
        Set<String> written = new HashSet<>();
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] == 0) {
                rows.takeUp(pending.get(i).id());
            } else {
                written.add(pending.get(i).id());
            }
        }
        return written;
    }

    private SqlParameterSource memberRow(NewMember row) {
        return new MapSqlParameterSource()
                .addValue("id", row.member().articleId())
                .addValue("story", row.story())
                .addValue("at", Timestamps.of(row.member().profile().at()))
                .addValue("authority", row.member().profile().authority())
                .addValue("type", row.member().profile().type())
                .addValue("why", row.reason() == null ? null : ColumnLimits.cut(row.reason(), REASON_LENGTH))
                .addValue("profile", profiles.write(row.member().profile()))
                .addValue("owner", row.owner());
    }
}
