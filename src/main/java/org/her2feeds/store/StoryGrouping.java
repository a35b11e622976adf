package org.her2feeds.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.her2feeds.sources.SourceKind;
import org.her2feeds.tagging.StoryCandidates;
import org.her2feeds.tagging.StoryLinks;
import org.her2feeds.tagging.StoryProfile;
import org.her2feeds.tagging.TaggableText;
import org.her2feeds.tagging.TaggingResult;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.json.JsonMapper;

/**
 * Puts articles into stories as they are stored, in the transaction that stores them: each published article is
 * compared ({@link StoryLinks}) with the members stored within the window around it; it joins the story of what
 * it is linked to, starts a story of its own (id {@code s-<article id>}) when linked to nothing, and joins two
 * stories into the older one when linked to both (the other's id then resolves to it). Only articles with an id
 * that the database holds are grouped: an item that was refused or left out as a duplicate is not.
 *
 * <p>A member whose profile changes (a later copy, or the archive evaluated again with new rules) leaves its story
 * and arrives again: what remains of the story is split into the parts that still link (the part holding the
 * article that started it keeps the id), and the member joins whatever it links to now, its old story first.
 */
final class StoryGrouping {

    /**
     * An article just written or evaluated again, with what its story profile is read from.
     *
     * @param owner the source whose copy of the article is stored ({@code article.owner_source}), kept on its member
     *              row for the story's source count; null when the caller read it before its transaction (a
     *              take-over may have changed it since), then grouping reads it again
     */
    record Arriving(
            String articleId,
            TaggableText text,
            TaggingResult tagging,
            String sourceId,
            String doi,
            String pmid,
            Instant at,
            String owner) {

        /**
         * An article just written from a feed of a source of this kind (null when not stated), which owns it now.
         */
        static Arriving written(String articleId, NewArticle article, Instant at, SourceKind kind, String owner) {
            TaggableText text = article == null
                    ? null
                    : new TaggableText(
                            article.title(),
                            article.descriptionText(),
                            article.contentText(),
                            article.categories(),
                            kind == null ? null : kind.slug(),
                            article.link());
            return article == null
                    ? new Arriving(articleId, null, null, null, null, null, at, owner)
                    : new Arriving(
                            articleId,
                            text,
                            article.tagging(),
                            article.sourceId(),
                            article.doi(),
                            article.pmid(),
                            at,
                            owner);
        }
    }

    /** A member as grouping compares it: its story as read (a window follows later merges itself). */
    record Member(String articleId, String storyId, StoryProfile profile) {}

    private static final int REASON_LENGTH = 1000;
    /** Length of {@code s-} and an article id: what a story id is before any suffix. */
    private static final int FOUNDER_END = 34;

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final StoryLinks links;
    private final LinkedParts linkedParts;
    private final StoryWindows windows;

    StoryGrouping(JdbcClient jdbc, JsonMapper json, StoryLinks links) {
        this.jdbc = jdbc;
        this.json = json;
        this.links = links;
        this.linkedParts = new LinkedParts(links);
        this.windows = new StoryWindows(links);
    }

    /**
     * Groups articles just written or evaluated again; must run inside a transaction.
     *
     * @return how many of them joined or started a story
     */
    int group(List<Arriving> written, Instant now) {
        Map<String, Optional<StoryProfile>> fresh = new LinkedHashMap<>();
        Map<String, String> owners = new HashMap<>();
        for (Arriving item : written) {
            if (item.articleId() != null) {
                fresh.put(item.articleId(), profile(item));
                owners.put(item.articleId(), item.owner());
            }
        }
        if (fresh.isEmpty()) {
            return 0;
        }
        List<String> unknownOwners = owners.entrySet().stream()
                .filter(entry ->
                        entry.getValue() == null && fresh.get(entry.getKey()).isPresent())
                .map(Map.Entry::getKey)
                .toList();
        if (!unknownOwners.isEmpty()) {
            jdbc.sql("SELECT id, owner_source FROM article WHERE id IN (:ids)")
                    .param("ids", unknownOwners)
                    .query((rs, row) -> owners.put(rs.getString(1), rs.getString(2)))
                    .list();
        }
        jdbc.sql("SELECT id FROM story_lock WHERE id = 1 FOR UPDATE")
                .query(Integer.class)
                .list();
        long version = storyVersion();
        Map<String, String> knownOwners = new HashMap<>();
        Map<String, Member> known = membersByArticle(List.copyOf(fresh.keySet()), knownOwners);
        List<Member> arriving = new ArrayList<>();
        Map<String, String> previous = new HashMap<>();
        Set<String> left = new LinkedHashSet<>();
        Set<String> touched = new LinkedHashSet<>();
        fresh.forEach((articleId, profile) -> {
            Member was = known.get(articleId);
            if (was != null && profile.isPresent() && was.profile().equals(profile.get())) {
                // Same profile, same links: only the title the story shows, or the owner (a take-over), may have
                // changed.
                String owner = owners.get(articleId);
                if (!Objects.equals(owner, knownOwners.get(articleId))) {
                    jdbc.sql("UPDATE story_member SET owner_source = :owner WHERE article_id = :id")
                            .param("owner", owner)
                            .param("id", articleId)
                            .update();
                }
                touched.add(was.storyId());
                return;
            }
            if (was != null) {
                jdbc.sql("DELETE FROM story_member WHERE article_id = :id")
                        .param("id", articleId)
                        .update();
                left.add(was.storyId());
                previous.put(articleId, was.storyId());
            }
            profile.ifPresent(p -> arriving.add(new Member(articleId, null, p)));
        });
        for (String story : left) {
            Set<String> parts = split(story, now);
            parts.forEach(part -> summarise(part, null));
            touched.addAll(parts);
        }
        StoryWindows.Window window = arriving.isEmpty() ? null : window(arriving, version);
        Map<String, Member> founded = new HashMap<>();
        Set<String> grown = arrive(arriving, previous, now, window, founded, owners);
        touched.removeAll(grown);
        touched.forEach(story -> summarise(story, null));
        grown.forEach(story -> {
            Member only = founded.get(story);
            if (only != null) {
                summariseFounded(story, only, now);
            } else {
                summarise(story, now);
            }
        });
        if (!arriving.isEmpty() || !left.isEmpty()) {
            long next = version + 1;
            jdbc.sql("UPDATE store_meta SET long_value = :next WHERE name = 'stories_version'")
                    .param("next", next)
                    .update();
            if (window != null && left.isEmpty()) {
                keepAfterCommit(window, next);
            }
        }
        return arriving.size();
    }

    /** The version every grouping that changes a membership moves, on every instance (read under the lock). */
    private long storyVersion() {
        List<Long> version = jdbc.sql("SELECT long_value FROM store_meta WHERE name = 'stories_version'")
                .query(Long.class)
                .list();
        if (version.isEmpty()) {
            jdbc.sql("INSERT INTO store_meta (name, long_value) VALUES ('stories_version', 0) ON CONFLICT DO NOTHING")
                    .update();
            return 0;
        }
        return version.get(0);
    }

    /** The members around the arriving ones, indexed: arriving sorted by time, the window reaching both ways. */
    private StoryWindows.Window window(List<Member> arriving, long version) {
        arriving.sort(Comparator.comparing((Member m) -> m.profile().at()).thenComparing(Member::articleId));
        Instant from = arriving.get(0).profile().at().minus(links.window());
        Instant to = arriving.get(arriving.size() - 1).profile().at().plus(links.window());
        return windows.open(version, from, to, new StoryWindows.Reader() {
            @Override
            public List<Member> members(StoryWindows.Span span) {
                return stored(span);
            }

            @Override
            public int count(StoryWindows.Span span) {
                return jdbc.sql("SELECT COUNT(*) FROM story_member WHERE " + between(span))
                        .param("from", Timestamps.of(span.from()))
                        .param("to", Timestamps.of(span.to()))
                        .query(Integer.class)
                        .single();
            }
        });
    }

    /** A window changed by this transaction is handed back only if the transaction commits. */
    private void keepAfterCommit(StoryWindows.Window window, long version) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                windows.keep(window, version);
            }
        });
    }

    /**
     * Links each arriving article with the members around it, in the order they appeared.
     *
     * @param previous the story each article belonged to before its profile changed
     * @param founded  filled with the stories started here that still hold only the member that started them
     * @return the stories that gained a member
     */
    private Set<String> arrive(
            List<Member> arriving,
            Map<String, String> previous,
            Instant now,
            StoryWindows.Window window,
            Map<String, Member> founded,
            Map<String, String> owners) {
        if (arriving.isEmpty()) {
            return Set.of();
        }
        StoryCandidates<Member> candidates = window.candidates;
        Map<String, String> storyOf = window.storyOf;
        Set<String> grown = new LinkedHashSet<>();
        for (Member member : arriving) {
            Set<String> stories = new LinkedHashSet<>();
            String reason = null;
            StoryCandidates.Split split = StoryCandidates.split(member.profile());
            for (Member candidate : candidates.of(split)) {
                // Which stories it joins is all that counts: a story already joined needs no second link.
                if (stories.contains(storyOf.get(candidate.articleId()))) {
                    continue;
                }
                Optional<String> why = links.link(candidate.profile(), member.profile());
                if (why.isPresent()) {
                    stories.add(storyOf.get(candidate.articleId()));
                    reason = reason == null ? why.get() + " (" + candidate.articleId() + ")" : reason;
                }
            }
            String before = previous.get(member.articleId());
            String story = stories.isEmpty()
                    ? newStory(member.articleId(), member.profile().at(), now)
                    : kept(stories, before);
            boolean started = stories.isEmpty();
            stories.remove(story);
            founded.remove(story);
            if (!stories.isEmpty()) {
                merge(stories, story);
                storyOf.replaceAll((article, s) -> stories.contains(s) ? story : s);
                grown.removeAll(stories);
                founded.keySet().removeAll(stories);
            }
            if (saveMember(member, story, reason, owners.get(member.articleId())) == 1 && started) {
                founded.put(story, member);
            }
            window.add(new Member(member.articleId(), story, member.profile()), split);
            if (!story.equals(before) || !stories.isEmpty()) {
                grown.add(story);
            }
        }
        return grown;
    }

    /**
     * Splits a story that lost a member into the parts of what remains that still link to one another. The part
     * holding the article that started the story (else the part of its earliest member) keeps the id, a part
     * holding the first article of a story once joined into this one takes that story's id back, and any other
     * part becomes a story of its own.
     *
     * @return the stories the members now belong to (the story itself among them)
     */
    private Set<String> split(String story, Instant now) {
        List<Member> members = jdbc.sql(
                        "SELECT article_id, story_id, profile FROM story_member WHERE story_id = :story")
                .param("story", story)
                .query((rs, row) -> new Member(
                        rs.getString(1), rs.getString(2), json.readValue(rs.getString(3), StoryProfile.class)))
                .list();
        Set<String> result = new LinkedHashSet<>();
        result.add(story);
        List<List<Member>> parts = parts(members);
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
        List<Member> keeper = parts.stream()
                .filter(part -> part.stream().anyMatch(m -> m.articleId().equals(founder)))
                .findFirst()
                .orElse(parts.get(0));
        for (List<Member> part : parts) {
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
                jdbc.sql("UPDATE story SET merged_into = NULL WHERE id = :id")
                        .param("id", id)
                        .update();
            } else {
                id = newStory(part.get(0).articleId(), part.get(0).profile().at(), now);
            }
            jdbc.sql("UPDATE story_member SET story_id = :id WHERE article_id IN (:ids)")
                    .param("id", id)
                    .param("ids", part.stream().map(Member::articleId).toList())
                    .update();
            result.add(id);
        }
        return result;
    }

    /** The members in groups that link among themselves, each in order of appearance, earliest group first. */
    private List<List<Member>> parts(List<Member> members) {
        List<Member> ordered = new ArrayList<>(members);
        ordered.sort(Comparator.comparing((Member m) -> m.profile().at()).thenComparing(Member::articleId));
        return linkedParts.of(ordered, Member::profile);
    }

    /** The article that started a story: its id less {@code s-} and any suffix. */
    private static String founder(String storyId) {
        return storyId.length() >= FOUNDER_END ? storyId.substring(2, FOUNDER_END) : storyId.substring(2);
    }

    /**
     * What the articles already belong to, with the profile each was grouped by.
     *
     * @param owners filled with each member's owner as its row has it
     */
    private Map<String, Member> membersByArticle(List<String> ids, Map<String, String> owners) {
        Map<String, Member> members = new HashMap<>();
        jdbc.sql("SELECT article_id, story_id, profile, owner_source FROM story_member WHERE article_id IN (:ids)")
                .param("ids", ids)
                .query((rs, row) -> {
                    owners.put(rs.getString(1), rs.getString(4));
                    return new Member(
                            rs.getString(1), rs.getString(2), json.readValue(rs.getString(3), StoryProfile.class));
                })
                .list()
                .forEach(member -> members.put(member.articleId(), member));
        return members;
    }

    private Optional<StoryProfile> profile(Arriving item) {
        if (item.text() == null || item.tagging() == null || !item.tagging().relevant()) {
            return Optional.empty();
        }
        return links.profile(
                item.text(), item.tagging().evidence(), item.sourceId(), item.doi(), item.pmid(), item.at());
    }

    private List<Member> stored(StoryWindows.Span span) {
        return jdbc.sql("SELECT article_id, story_id, profile FROM story_member WHERE " + between(span))
                .param("from", Timestamps.of(span.from()))
                .param("to", Timestamps.of(span.to()))
                .query((rs, row) -> new Member(
                        rs.getString(1), rs.getString(2), json.readValue(rs.getString(3), StoryProfile.class)))
                .list();
    }

    private static String between(StoryWindows.Span span) {
        return "seen_at " + (span.fromOpen() ? ">" : ">=") + " :from AND seen_at " + (span.toOpen() ? "<" : "<=")
                + " :to";
    }

    /**
     * A story for an article linked to nothing: {@code s-<article id>}, or that with a suffix when a story of that
     * id still holds other members (the article started it and left it, and the rest kept the id).
     */
    private String newStory(String articleId, Instant at, Instant now) {
        String base = "s-" + articleId;
        String id = base;
        for (int n = 2; held(id); n++) {
            id = base + "-" + n;
        }
        int inserted = jdbc.sql("""
                        INSERT INTO story (id, title, first_seen_at, last_seen_at, updated_at)
                        VALUES (:id, '', :at, :at, :now) ON CONFLICT DO NOTHING""")
                .param("id", id)
                .param("at", Timestamps.of(at))
                .param("now", Timestamps.of(now))
                .update();
        if (inserted == 0) {
            // A story of this id remains from an earlier membership of the article: it is taken up again.
            jdbc.sql("UPDATE story SET merged_into = NULL WHERE id = :id")
                    .param("id", id)
                    .update();
        }
        return id;
    }

    private boolean held(String storyId) {
        return !jdbc.sql("SELECT article_id FROM story_member WHERE story_id = :id FETCH FIRST 1 ROWS ONLY")
                .param("id", storyId)
                .query(String.class)
                .list()
                .isEmpty();
    }

    /** The story an article linked to several keeps: the one it belonged to before, else the oldest. */
    private String kept(Set<String> stories, String before) {
        return before != null && stories.contains(before) ? before : oldest(stories);
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

    /** @return how many rows the insert wrote (0 when the article was a member already) */
    private int saveMember(Member member, String story, String reason, String owner) {
        return jdbc.sql("""
                        INSERT INTO story_member (article_id, story_id, seen_at, authority, type, link_reason, profile,
                            owner_source)
                        VALUES (:id, :story, :at, :authority, :type, :why, :profile, :owner) ON CONFLICT DO NOTHING""")
                .param("id", member.articleId())
                .param("story", story)
                .param("at", Timestamps.of(member.profile().at()))
                .param("authority", member.profile().authority())
                .param("type", member.profile().type())
                .param("why", reason == null ? null : ColumnLimits.cut(reason, REASON_LENGTH))
                .param("profile", json.writeValueAsString(member.profile()))
                .param("owner", owner)
                .update();
    }

    /**
     * What {@link #summarise} gives a story that holds one member, the one that started it, written without reading
     * the story's members back: most stories are this, and the general summary costs a join and four aggregates.
     */
    private void summariseFounded(String story, Member only, Instant now) {
        jdbc.sql("""
                        UPDATE story SET title = (SELECT title FROM article WHERE id = :lead), lead_article_id = :lead,
                            updated_at = :now, first_seen_at = :at, last_seen_at = :at, members = 1,
                            sources = (SELECT COUNT(owner_source) FROM article WHERE id = :lead)
                        WHERE id = :story""")
                .param("lead", only.articleId())
                .param("now", Timestamps.of(now))
                .param("at", Timestamps.of(only.profile().at()))
                .param("story", story)
                .update();
    }

    /**
     * Title from the most authoritative member (the earliest among equals), dates and counts from all, read in one
     * pass over the member rows, where the update's own aggregates read them four times more. Each member's owner is
     * on its row, so no member's article is read but the lead's, for its title.
     *
     * @param now when the story gained coverage, or null when only a member's copy changed
     */
    private void summarise(String story, Instant now) {
        record Row(String id, Instant seenAt, String ownerSource) {}
        List<Row> members = jdbc.sql("""
                        SELECT article_id, seen_at, owner_source FROM story_member
                        WHERE story_id = :story ORDER BY authority DESC, seen_at, article_id""")
                .param("story", story)
                .query((rs, row) -> new Row(rs.getString(1), Timestamps.read(rs, 2), rs.getString(3)))
                .list();
        if (members.isEmpty()) {
            // Every member left: the story is no longer shown, but its id is kept (it may be taken up again).
            jdbc.sql("UPDATE story SET members = 0, sources = 0 WHERE id = :story")
                    .param("story", story)
                    .update();
            return;
        }
        Row lead = members.get(0);
        Instant first = lead.seenAt();
        Instant last = lead.seenAt();
        Set<String> sources = new HashSet<>();
        for (Row member : members) {
            first = member.seenAt().isBefore(first) ? member.seenAt() : first;
            last = member.seenAt().isAfter(last) ? member.seenAt() : last;
            if (member.ownerSource() != null) {
                sources.add(member.ownerSource());
            }
        }
        String dates = now == null ? "" : "updated_at = :now, ";
        var update = jdbc.sql("UPDATE story SET title = (SELECT title FROM article WHERE id = :lead), "
                        + "lead_article_id = :lead, " + dates + """
                            first_seen_at = :first, last_seen_at = :last, members = :members, sources = :sources
                        WHERE id = :story""")
                .param("lead", lead.id())
                .param("first", Timestamps.of(first))
                .param("last", Timestamps.of(last))
                .param("members", members.size())
                .param("sources", sources.size())
                .param("story", story);
        if (now != null) {
            update = update.param("now", Timestamps.of(now));
        }
        update.update();
    }
}
