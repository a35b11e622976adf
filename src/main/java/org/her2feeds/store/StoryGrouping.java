package org.her2feeds.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.her2feeds.sources.SourceKind;
import org.her2feeds.tagging.StoryCandidates;
import org.her2feeds.tagging.StoryLinks;
import org.her2feeds.tagging.StoryProfile;
import org.her2feeds.tagging.TaggableText;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * Puts articles into stories as they are stored, in the transaction that stores them: each published article is
 * compared ({@link StoryLinks}) with the members stored within the window around it; it joins the story of what
 * it is linked to, starts a story of its own (id {@code s-<article id>}) when linked to nothing, and joins two
 * stories into the older one when linked to both (the other's id then resolves to it). Only articles with an id
 * that the database holds are grouped: an item that was refused or left out as a duplicate is not.
 */
final class StoryGrouping {

    /** An article just written, with what it was stored as. */
    record Arriving(String articleId, NewArticle article, Instant at, SourceKind kind) {}

    private record Member(String articleId, String storyId, StoryProfile profile) {}

    private static final int REASON_LENGTH = 1000;

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final StoryLinks links;

    StoryGrouping(JdbcClient jdbc, JsonMapper json, StoryLinks links) {
        this.jdbc = jdbc;
        this.json = json;
        this.links = links;
    }

    void group(List<Arriving> written, Instant now) {
        List<Member> arriving = new ArrayList<>();
        for (Arriving item : written) {
            profile(item).ifPresent(profile -> arriving.add(new Member(item.articleId(), null, profile)));
        }
        if (arriving.isEmpty()) {
            return;
        }
        jdbc.sql("SELECT id FROM story_lock WHERE id = 1 FOR UPDATE")
                .query(Integer.class)
                .list();
        arriving.sort(Comparator.comparing((Member m) -> m.profile().at()).thenComparing(Member::articleId));
        Instant from = arriving.get(0).profile().at().minus(links.window());
        Instant to = arriving.get(arriving.size() - 1).profile().at().plus(links.window());
        StoryCandidates<Member> candidates = links.candidates();
        Map<String, String> storyOf = new HashMap<>();
        for (Member member : stored(from, to)) {
            candidates.add(member, member.profile());
            storyOf.put(member.articleId(), member.storyId());
        }
        storyOf.putAll(storiesOf(arriving));
        Set<String> touched = new LinkedHashSet<>();
        Set<String> grown = new LinkedHashSet<>();
        for (Member member : arriving) {
            String own = storyOf.get(member.articleId());
            Set<String> stories = new LinkedHashSet<>();
            if (own != null) {
                stories.add(own);
            }
            String reason = null;
            for (Member candidate : candidates.of(member.profile())) {
                // Which stories it joins is all that counts: a story already joined needs no second link.
                if (candidate.articleId().equals(member.articleId())
                        || stories.contains(storyOf.get(candidate.articleId()))) {
                    continue;
                }
                Optional<String> why = links.link(candidate.profile(), member.profile());
                if (why.isPresent()) {
                    stories.add(storyOf.get(candidate.articleId()));
                    reason = reason == null ? why.get() + " (" + candidate.articleId() + ")" : reason;
                }
            }
            String story = stories.isEmpty() ? newStory(member, now) : oldest(stories);
            stories.remove(story);
            if (!stories.isEmpty()) {
                merge(stories, story);
                storyOf.replaceAll((article, s) -> stories.contains(s) ? story : s);
            }
            saveMember(member, story, own != null, reason);
            storyOf.put(member.articleId(), story);
            if (own == null) {
                Member grouped = new Member(member.articleId(), story, member.profile());
                candidates.add(grouped, grouped.profile());
            }
            touched.add(story);
            if (own == null || !stories.isEmpty()) {
                grown.add(story);
            }
        }
        touched.forEach(story -> summarise(story, grown.contains(story) ? now : null));
    }

    /** The stories the arriving articles already belong to (those stored before and written again). */
    private Map<String, String> storiesOf(List<Member> arriving) {
        Map<String, String> stories = new HashMap<>();
        List<String> ids = arriving.stream().map(Member::articleId).toList();
        jdbc.sql("SELECT article_id, story_id FROM story_member WHERE article_id IN (:ids)")
                .param("ids", ids)
                .query((rs, row) -> stories.put(rs.getString(1), rs.getString(2)))
                .list();
        return stories;
    }

    private Optional<StoryProfile> profile(Arriving item) {
        NewArticle article = item.article();
        if (item.articleId() == null
                || article == null
                || article.tagging() == null
                || !article.tagging().relevant()) {
            return Optional.empty();
        }
        TaggableText text = new TaggableText(
                article.title(),
                article.descriptionText(),
                article.contentText(),
                article.categories(),
                item.kind() == null ? null : item.kind().slug(),
                article.link());
        return links.profile(
                text, article.tagging().evidence(), article.sourceId(), article.doi(), article.pmid(), item.at());
    }

    private List<Member> stored(Instant from, Instant to) {
        return jdbc.sql("""
                        SELECT article_id, story_id, profile FROM story_member
                        WHERE seen_at >= :from AND seen_at <= :to""")
                .param("from", Timestamps.of(from))
                .param("to", Timestamps.of(to))
                .query((rs, row) -> new Member(
                        rs.getString(1), rs.getString(2), json.readValue(rs.getString(3), StoryProfile.class)))
                .list();
    }

    private String newStory(Member member, Instant now) {
        String id = "s-" + member.articleId();
        // A story of this id may remain from an earlier membership of the article: it is taken up again.
        jdbc.sql("""
                        INSERT INTO story (id, title, first_seen_at, last_seen_at, updated_at)
                        VALUES (:id, '', :at, :at, :now) ON CONFLICT DO NOTHING""")
                .param("id", id)
                .param("at", Timestamps.of(member.profile().at()))
                .param("now", Timestamps.of(now))
                .update();
        jdbc.sql("UPDATE story SET merged_into = NULL WHERE id = :id")
                .param("id", id)
                .update();
        return id;
    }

    /** The story whose first member came first keeps its id; ties go to the smaller id. */
    private String oldest(Set<String> stories) {
        return jdbc
                .sql("SELECT id FROM story WHERE id IN (:ids) ORDER BY first_seen_at, id")
                .param("ids", List.copyOf(stories))
                .query(String.class)
                .list()
                .stream()
                .findFirst()
                .orElse(stories.iterator().next());
    }

    private void merge(Set<String> joined, String into) {
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

    private void saveMember(Member member, String story, boolean known, String reason) {
        String profile = json.writeValueAsString(member.profile());
        String why = reason == null ? null : ColumnLimits.cut(reason, REASON_LENGTH);
        if (known) {
            jdbc.sql("""
                            UPDATE story_member SET story_id = :story, seen_at = :at, authority = :authority,
                                type = :type, profile = :profile WHERE article_id = :id""")
                    .param("story", story)
                    .param("at", Timestamps.of(member.profile().at()))
                    .param("authority", member.profile().authority())
                    .param("type", member.profile().type())
                    .param("profile", profile)
                    .param("id", member.articleId())
                    .update();
            return;
        }
        jdbc.sql("""
                        INSERT INTO story_member (article_id, story_id, seen_at, authority, type, link_reason, profile)
                        VALUES (:id, :story, :at, :authority, :type, :why, :profile) ON CONFLICT DO NOTHING""")
                .param("id", member.articleId())
                .param("story", story)
                .param("at", Timestamps.of(member.profile().at()))
                .param("authority", member.profile().authority())
                .param("type", member.profile().type())
                .param("why", why)
                .param("profile", profile)
                .update();
    }

    /**
     * Title from the most authoritative member (the earliest among equals), dates and counts from all.
     *
     * @param now when the story gained coverage, or null when only a member's copy changed
     */
    private void summarise(String story, Instant now) {
        record Lead(String id, String title) {}
        Optional<Lead> lead = jdbc
                .sql("""
                        SELECT m.article_id, a.title FROM story_member m JOIN article a ON a.id = m.article_id
                        WHERE m.story_id = :story ORDER BY m.authority DESC, m.seen_at, m.article_id""")
                .param("story", story)
                .query((rs, row) -> new Lead(rs.getString(1), rs.getString(2)))
                .list()
                .stream()
                .findFirst();
        if (lead.isEmpty()) {
            return;
        }
        String dates = now == null ? "" : "updated_at = :now, ";
        var update = jdbc.sql("UPDATE story SET title = :title, lead_article_id = :lead, " + dates + """
                            first_seen_at = (SELECT MIN(seen_at) FROM story_member WHERE story_id = :story),
                            last_seen_at = (SELECT MAX(seen_at) FROM story_member WHERE story_id = :story),
                            members = (SELECT COUNT(*) FROM story_member WHERE story_id = :story),
                            sources = (SELECT COUNT(DISTINCT a.owner_source) FROM story_member m
                                JOIN article a ON a.id = m.article_id WHERE m.story_id = :story)
                        WHERE id = :story""")
                .param("title", lead.get().title())
                .param("lead", lead.get().id())
                .param("story", story);
        if (now != null) {
            update = update.param("now", Timestamps.of(now));
        }
        update.update();
    }
}
