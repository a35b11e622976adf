package org.her2feeds.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
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
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
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
    private static final String INSERT_STORY = """
            INSERT INTO story (id, title, first_seen_at, last_seen_at, updated_at)
            VALUES (:id, '', :at, :at, :now) ON CONFLICT DO NOTHING""";
    /** A story with the one member that started it, summarised as {@link #summariseFounded} does. */
    private static final String INSERT_FOUNDED_STORY = """
            INSERT INTO story (id, title, lead_article_id, first_seen_at, last_seen_at, updated_at, members, sources)
            VALUES (:id, (SELECT title FROM article WHERE id = :lead), :lead, :at, :at, :now, 1,
                (SELECT COUNT(owner_source) FROM article WHERE id = :lead)) ON CONFLICT DO NOTHING""";
    /** A story row that remains from an earlier membership, taken up again (as its founder's, no longer merged). */
    private static final String TAKE_UP_STORY = "UPDATE story SET merged_into = NULL WHERE id = :id";
    /** The same with its founder as its one member, summarised as {@link #summariseFounded} does. */
    private static final String TAKE_UP_FOUNDED_STORY = """
            UPDATE story SET merged_into = NULL, title = (SELECT title FROM article WHERE id = :lead),
                lead_article_id = :lead, updated_at = :now, first_seen_at = :at, last_seen_at = :at, members = 1,
                sources = (SELECT COUNT(owner_source) FROM article WHERE id = :lead)
            WHERE id = :id""";
    /** A member row; 0 rows written when the article is a member already. */
    private static final String INSERT_MEMBER = """
            INSERT INTO story_member (article_id, story_id, seen_at, authority, type, link_reason, profile,
                owner_source)
            VALUES (:id, :story, :at, :authority, :type, :why, :profile, :owner) ON CONFLICT DO NOTHING""";
    /** Length of {@code s-} and an article id: what a story id is before any suffix. */
    private static final int FOUNDER_END = 34;

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate named;
    private final JsonMapper json;
    private final StoryLinks links;
    private final LinkedParts linkedParts;
    private final StoryWindows windows;

    StoryGrouping(JdbcClient jdbc, NamedParameterJdbcTemplate named, JsonMapper json, StoryLinks links) {
        this.jdbc = jdbc;
        this.named = named;
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
            jdbc.sql("SELECT id, owner_source FROM article WHERE id = ANY(:ids)")
                    .param("ids", AnyOf.strings(unknownOwners))
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
            summarise(parts, null);
            touched.addAll(parts);
        }
        StoryWindows.Window window = arriving.isEmpty() ? null : window(arriving, version);
        Map<String, Member> founded = new HashMap<>();
        Set<String> summarisedAlready = new HashSet<>();
        Set<String> grown = arrive(arriving, previous, now, window, founded, owners, summarisedAlready);
        touched.removeAll(grown);
        summarise(touched, null);
        List<String> regrown = new ArrayList<>();
        grown.forEach(story -> {
            Member only = founded.get(story);
            if (only == null) {
                regrown.add(story);
            } else if (!summarisedAlready.contains(story)) {
                summariseFounded(story, only, now);
            }
        });
        summarise(regrown, now);
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
     * Links each arriving article with the members around it, in the order they appeared. The stories it starts
     * and the member rows are written in batches ({@link Pending}), and a story still holding only the member that
     * started it is written with its summary; whatever reads or changes stories or members in between writes what
     * is pending first, so each statement sees what it did when each row was written at once.
     *
     * @param previous  the story each article belonged to before its profile changed
     * @param founded   filled with the stories started here that still hold only the member that started them
     * @param summarised filled with those of them written with their summary already
     * @return the stories that gained a member
     */
    private Set<String> arrive(
            List<Member> arriving,
            Map<String, String> previous,
            Instant now,
            StoryWindows.Window window,
            Map<String, Member> founded,
            Map<String, String> owners,
            Set<String> summarised) {
        if (arriving.isEmpty()) {
            return Set.of();
        }
        StoryCandidates<Member> candidates = window.candidates;
        Map<String, String> storyOf = window.storyOf;
        Set<String> grown = new LinkedHashSet<>();
        Set<String> taken = storiesOfTheirOwn(arriving);
        Pending pending = new Pending(taken, held(taken), now);
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
                    ? pending.newStory(member.articleId(), member.profile().at(), before, founded)
                    : kept(stories, before, pending, founded);
            boolean started = stories.isEmpty();
            stories.remove(story);
            founded.remove(story);
            if (!stories.isEmpty()) {
                pending.write(founded, false);
                merge(stories, story);
                storyOf.replaceAll((article, s) -> stories.contains(s) ? story : s);
                grown.removeAll(stories);
                founded.keySet().removeAll(stories);
            }
            // Counted as started for now: the batch's count says whether the row was written (see Pending).
            pending.member(member, story, reason, owners.get(member.articleId()), started);
            if (started) {
                founded.put(story, member);
            }
            window.add(new Member(member.articleId(), story, member.profile()), split);
            if (!story.equals(before) || !stories.isEmpty()) {
                grown.add(story);
            }
        }
        summarised.addAll(pending.write(founded, true));
        return grown;
    }

    /**
     * The arriving articles' own story ids ({@code s-<article id>}) that a story row has: only for those can the id
     * be held by other members, or the row be there already (an article that left its story, or one deleted and
     * stored again). Story rows are never deleted and a member's story always has a row, so an id without a row is
     * free, and its story is inserted without asking.
     */
    /** Those of these story ids that members have. */
    private Set<String> held(Set<String> stories) {
        if (stories.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.sql("SELECT DISTINCT story_id FROM story_member WHERE story_id = ANY(:ids)")
                .param("ids", AnyOf.strings(stories))
                .query(String.class)
                .list());
    }

    private Set<String> storiesOfTheirOwn(List<Member> arriving) {
        return new HashSet<>(jdbc.sql("SELECT id FROM story WHERE id = ANY(:ids)")
                .param(
                        "ids",
                        AnyOf.strings(
                                arriving.stream().map(m -> "s-" + m.articleId()).toList()))
                .query(String.class)
                .list());
    }

    /**
     * The stories and members one grouping starts, written in batches instead of a statement or three each. A story
     * that, once every arriving article has found its story, still holds only the member that started it goes in
     * with its summary, where it was inserted (or taken up again) and then updated.
     */
    private final class Pending {
        /**
         * @param exists whether the row is there already, to be taken up again (its members all gone)
         * @param grows  whether the story is not the one its founder belonged to before (else it did not gain
         *               coverage, and is summarised as a story whose member's copy changed)
         */
        private record NewStory(String id, String founder, Instant at, boolean exists, boolean grows) {}

        private record NewMember(Member member, String story, String reason, String owner, boolean started) {}

        private final Set<String> taken;
        private final Set<String> held;
        private final Instant now;
        private final List<NewStory> stories = new ArrayList<>();
        private final List<NewMember> members = new ArrayList<>();

        /**
         * @param taken the story ids among the arriving articles' own that a story row has
         * @param held  those of them that members have: no member can join a story without members before the
         *              article it is named after arrives, so one not held now is not held then
         */
        Pending(Set<String> taken, Set<String> held, Instant now) {
            this.taken = taken;
            this.held = held;
            this.now = now;
        }

        /**
         * A story for an article linked to nothing: its own id, taken up again when its row remains without members;
         * when members hold that id, found at once by {@link StoryGrouping#newStory}, as before.
         */
        String newStory(String articleId, Instant at, String before, Map<String, Member> founded) {
            String id = "s-" + articleId;
            if (held.contains(id)) {
                write(founded, false);
                return StoryGrouping.this.newStory(articleId, at, now);
            }
            stories.add(new NewStory(id, articleId, at, taken.contains(id), !id.equals(before)));
            return id;
        }

        void member(Member member, String story, String reason, String owner, boolean started) {
            members.add(new NewMember(member, story, reason, owner, started));
        }

        /**
         * Writes what is pending, members first: a story started here whose member row was not written (the
         * article was a member already) does not count as founded, as when each row was written at once.
         *
         * @param founded the stories started here that still hold only their first member, by that member
         * @param last    whether every arriving article has found its story: only then is a story that holds only
         *                its founder known to stay so (one joined into another later keeps the row it was
         *                inserted with), and written with its summary
         * @return the stories written with their summary
         */
        Set<String> write(Map<String, Member> founded, boolean last) {
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
                        ? alone ? TAKE_UP_FOUNDED_STORY : TAKE_UP_STORY
                        : alone ? INSERT_FOUNDED_STORY : INSERT_STORY;
                byStatement.computeIfAbsent(statement, k -> new ArrayList<>()).add(story);
            }
            stories.clear();
            Set<String> summarised = new HashSet<>();
            byStatement.forEach((statement, rows) -> {
                Set<String> written = write(statement, rows);
                if (statement.equals(INSERT_FOUNDED_STORY) || statement.equals(TAKE_UP_FOUNDED_STORY)) {
                    summarised.addAll(written);
                }
            });
            return summarised;
        }

        /**
         * Inserts stories or takes them up again. A row inserted that is there already (not expected: the ids were
         * asked for under the lock) is taken up again, as {@link StoryGrouping#newStory} does, and left to be
         * summarised.
         *
         * @return the stories whose row the statement wrote
         */
        private Set<String> write(String statement, List<NewStory> rows) {
            int[] counts = named.batchUpdate(
                    statement,
                    rows.stream()
                            .map(row -> new MapSqlParameterSource()
                                    .addValue("id", row.id())
                                    .addValue("lead", row.founder())
                                    .addValue("at", Timestamps.of(row.at()))
                                    .addValue("now", Timestamps.of(now)))
                            .toArray(SqlParameterSource[]::new));
            Set<String> written = new HashSet<>();
            for (int i = 0; i < counts.length; i++) {
                if (counts[i] == 0) {
                    jdbc.sql(TAKE_UP_STORY).param("id", rows.get(i).id()).update();
                } else {
                    written.add(rows.get(i).id());
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
                    .addValue("profile", json.writeValueAsString(row.member().profile()))
                    .addValue("owner", row.owner());
        }
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
        jdbc.sql("SELECT article_id, story_id, profile, owner_source FROM story_member WHERE article_id = ANY(:ids)")
                .param("ids", AnyOf.strings(ids))
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
        int inserted = jdbc.sql(INSERT_STORY)
                .param("id", id)
                .param("at", Timestamps.of(at))
                .param("now", Timestamps.of(now))
                .update();
        if (inserted == 0) {
            // A story of this id remains from an earlier membership of the article: it is taken up again.
            jdbc.sql(TAKE_UP_STORY).param("id", id).update();
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

    /**
     * The story an article linked to several keeps: the one it belonged to before, else the oldest (what is
     * pending is written first: the stories' rows tell which is oldest). One story is kept without asking.
     */
    private String kept(Set<String> stories, String before, Pending pending, Map<String, Member> founded) {
        if (before != null && stories.contains(before)) {
            return before;
        }
        if (stories.size() == 1) {
            return stories.iterator().next();
        }
        pending.write(founded, false);
        return oldest(stories);
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
     * on its row, so no member's article is read but the lead's, for its title. The stories' members are read in one
     * query and the stories updated in one batch.
     *
     * @param now when the stories gained coverage, or null when only a member's copy changed
     */
    private void summarise(Collection<String> stories, Instant now) {
        if (stories.isEmpty()) {
            return;
        }
        record Row(String id, Instant seenAt, String ownerSource) {}
        Map<String, List<Row>> members = new HashMap<>();
        jdbc.sql("""
                        SELECT story_id, article_id, seen_at, owner_source FROM story_member
                        WHERE story_id = ANY(:stories) ORDER BY story_id, authority DESC, seen_at, article_id""")
                .param("stories", AnyOf.strings(stories))
                .query((rs, row) -> members.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                        .add(new Row(rs.getString(2), Timestamps.read(rs, 3), rs.getString(4))))
                .list();
        List<SqlParameterSource> summaries = new ArrayList<>();
        List<SqlParameterSource> emptied = new ArrayList<>();
        for (String story : stories) {
            List<Row> of = members.get(story);
            if (of == null) {
                // Every member left: the story is no longer shown, but its id is kept (it may be taken up again).
                emptied.add(new MapSqlParameterSource("story", story));
                continue;
            }
            Row lead = of.get(0);
            Instant first = lead.seenAt();
            Instant last = lead.seenAt();
            Set<String> sources = new HashSet<>();
            for (Row member : of) {
                first = member.seenAt().isBefore(first) ? member.seenAt() : first;
                last = member.seenAt().isAfter(last) ? member.seenAt() : last;
                if (member.ownerSource() != null) {
                    sources.add(member.ownerSource());
                }
            }
            summaries.add(new MapSqlParameterSource()
                    .addValue("lead", lead.id())
                    .addValue("first", Timestamps.of(first))
                    .addValue("last", Timestamps.of(last))
                    .addValue("members", of.size())
                    .addValue("sources", sources.size())
                    .addValue("story", story)
                    .addValue("now", now == null ? null : Timestamps.of(now)));
        }
        if (!emptied.isEmpty()) {
            named.batchUpdate(
                    "UPDATE story SET members = 0, sources = 0 WHERE id = :story",
                    emptied.toArray(SqlParameterSource[]::new));
        }
        if (!summaries.isEmpty()) {
            String dates = now == null ? "" : "updated_at = :now, ";
            named.batchUpdate(
                    "UPDATE story SET title = (SELECT title FROM article WHERE id = :lead), lead_article_id = :lead, "
                            + dates + """
                            first_seen_at = :first, last_seen_at = :last, members = :members, sources = :sources
                            WHERE id = :story""",
                    summaries.toArray(SqlParameterSource[]::new));
        }
    }
}
