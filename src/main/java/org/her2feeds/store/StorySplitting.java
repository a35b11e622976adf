package org.her2feeds.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.her2feeds.tagging.StoryLinks;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Splits a story that lost a member into the parts of what remains that still link to one another. The part
 * holding the article that started the story (else the part of its earliest member) keeps the id, a part holding
 * the first article of a story once joined into this one takes that story's id back, and any other part becomes a
 * story of its own.
 */
final class StorySplitting {

    /** Length of {@code s-} and an article id: what a story id is before any suffix. */
    private static final int FOUNDER_END = 34;

    private final JdbcClient jdbc;
    private final StoredProfiles profiles;
    private final StoryRows rows;
    private final LinkedParts linkedParts;

    StorySplitting(JdbcClient jdbc, StoredProfiles profiles, StoryRows rows, StoryLinks links) {
        this.jdbc = jdbc;
        this.profiles = profiles;
        this.rows = rows;
        this.linkedParts = new LinkedParts(links);
    }

    /** @return the stories the members now belong to (the story itself among them) */
    Set<String> split(String story, Instant now) {
        List<StoryGrouping.Member> members = jdbc.sql(
                        "SELECT article_id, story_id, profile FROM story_member WHERE story_id = :story")
                .param("story", story)
                .query((rs, row) ->
                        new StoryGrouping.Member(rs.getString(1), rs.getString(2), profiles.read(rs.getString(3))))
                .list();
        Set<String> result = new LinkedHashSet<>();
        result.add(story);
        List<List<StoryGrouping.Member>> parts = parts(members);
        if (parts.size() <= 1) {
            return result;
        }
        Map<String, String> joinedByFounder = new HashMap<>();
        jdbc.sql("SELECT id FROM story WHERE merged_into = :story")
                .param("story", story)
                .query(String.class)
                .list()
                .forEach(id -> joinedByFounder.put(founder(id), id));
        String founder = founder(story);
        List<StoryGrouping.Member> keeper = parts.stream()
                .filter(part -> part.stream().anyMatch(m -> m.articleId().equals(founder)))
                .findFirst()
                .orElse(parts.get(0));
        for (List<StoryGrouping.Member> part : parts) {
            if (part == keeper) {
                continue;
            }
            Optional<String> taken = part.stream()
                    .map(m -> joinedByFounder.get(m.articleId()))
                    .filter(Objects::nonNull)
                    .findFirst();
            String id;
            if (taken.isPresent()) {
                id = taken.get();
                rows.takeUp(id);
            } else {
                id = rows.start(part.get(0).articleId(), part.get(0).profile().at(), now);
            }
            jdbc.sql("UPDATE story_member SET story_id = :id WHERE article_id IN (:ids)")
                    .param("id", id)
                    .param(
                            "ids",
                            part.stream().map(StoryGrouping.Member::articleId).toList())
                    .update();
            result.add(id);
        }
        return result;
    }

    /** The members in groups that link among themselves, each in order of appearance, earliest group first. */
    private List<List<StoryGrouping.Member>> parts(List<StoryGrouping.Member> members) {
        List<StoryGrouping.Member> ordered = new ArrayList<>(members);
        ordered.sort(
                Comparator.comparing((StoryGrouping.Member m) -> m.profile().at())
                        .thenComparing(StoryGrouping.Member::articleId));
        return linkedParts.of(ordered, StoryGrouping.Member::profile);
    }

    /** The article that started a story: its id less {@code s-} and any suffix. */
    private static String founder(String storyId) {
        return storyId.length() >= FOUNDER_END ? storyId.substring(2, FOUNDER_END) : storyId.substring(2);
    }
}
