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
import java.util.function.Function;
import org.her2feeds.sources.SourceKind;
import org.her2feeds.tagging.StoryCandidates;
import org.her2feeds.tagging.StoryLinks;
import org.her2feeds.tagging.StoryProfile;
import org.her2feeds.tagging.TaggableText;
import org.her2feeds.tagging.TaggingResult;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
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
 *
 * <p>This class decides which story each article goes to; the rows are written by {@link StoryRows} (a story
 * started, taken up again or joined into another) and {@link PendingStories} (the batches of one grouping), the
 * stories' summaries by {@link StorySummaries}, and a story that lost a member is split by {@link StorySplitting}.
 */
final class StoryGrouping {

    /**
     * An article just written or evaluated again, with what its story profile is read from.
     *
     * @param owner the source whose copy of the article is stored ({@code article.owner_source}), kept on its member
     *              row for the story's source count; null when the caller read it before its transaction (a
     *              take-over may have changed it since), then grouping reads it again once it holds the story lock
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

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate named;
    private final StoredProfiles profiles;
    private final StoryLinks links;
    private final StoryWindows windows;
    private final StoryRows rows;
    private final StorySplitting splitting;
    private final StorySummaries summaries;

    StoryGrouping(JdbcClient jdbc, NamedParameterJdbcTemplate named, JsonMapper json, StoryLinks links) {
        this.jdbc = jdbc;
        this.named = named;
        this.profiles = new StoredProfiles(json);
        this.links = links;
        this.windows = new StoryWindows(links);
        this.rows = new StoryRows(jdbc);
        this.splitting = new StorySplitting(jdbc, profiles, rows, links);
        this.summaries = new StorySummaries(jdbc, named);
    }

    /**
     * Groups articles just written or evaluated again; must run inside a transaction.
     *
     * @return how many of them joined or started a story
     */
    int group(List<Arriving> written, Instant now) {
        Round round = new Round(written, this::profile);
        if (round.fresh.isEmpty()) {
            return 0;
        }
        lock();
        readOwners(round);
        long version = storyVersion();
        leave(round, now);
        StoryWindows.Window window = round.arriving.isEmpty() ? null : window(round.arriving, version);
        Set<String> grown = arrive(round, now, window);
        summarise(round, grown, now);
        if (!round.arriving.isEmpty() || !round.left.isEmpty()) {
            long next = version + 1;
            jdbc.sql("UPDATE store_meta SET long_value = :next WHERE name = 'stories_version'")
                    .param("next", next)
                    .update();
            if (window != null && round.left.isEmpty()) {
                keepAfterCommit(window, next);
            }
        }
        return round.arriving.size();
    }

    /**
     * Takes the story lock until the transaction ends: groupings on every instance sharing the database run one at a
     * time. Taken again by the same transaction, it is already held.
     */
    void lock() {
        jdbc.sql("SELECT id FROM story_lock WHERE id = 1 FOR UPDATE")
                .query(Integer.class)
                .list();
    }

    /** One grouping's state, from the articles handed in to the stories it changed. */
    private static final class Round {
        /** Each article's profile now (empty: it belongs to no story), in the order handed in. */
        final Map<String, Optional<StoryProfile>> fresh = new LinkedHashMap<>();
        /** Each article's owner, as handed in or read under the story lock. */
        final Map<String, String> owners = new HashMap<>();
        /** The articles to link: new members, or members whose profile changed. */
        final List<Member> arriving = new ArrayList<>();
        /** The story each arriving article belonged to before its profile changed. */
        final Map<String, String> previous = new HashMap<>();
        /** The stories that lost a member, split before anything arrives. */
        final Set<String> left = new LinkedHashSet<>();
        /** The stories summarised again though none of them gained a member (a title, an owner, a split). */
        final Set<String> touched = new LinkedHashSet<>();
        /** The stories started here that still hold only the member that started them. */
        final Map<String, Member> founded = new HashMap<>();
        /** Those of them written with their summary already. */
        final Set<String> summarised = new HashSet<>();

        Round(List<Arriving> written, Function<Arriving, Optional<StoryProfile>> profile) {
            for (Arriving item : written) {
                if (item.articleId() != null) {
                    fresh.put(item.articleId(), profile.apply(item));
                    owners.put(item.articleId(), item.owner());
                }
            }
        }
    }

    /**
     * The owners not handed in, read under the story lock: a take-over committed while this waited for it has
     * written its owner by then (it groups the article under the same lock), so the member row cannot be given
     * the owner it replaced.
     */
    private void readOwners(Round round) {
        List<String> unknown = round.owners.entrySet().stream()
                .filter(entry -> entry.getValue() == null
                        && round.fresh.get(entry.getKey()).isPresent())
                .map(Map.Entry::getKey)
                .toList();
        if (!unknown.isEmpty()) {
            jdbc.sql("SELECT id, owner_source FROM article WHERE id = ANY(:ids)")
                    .param("ids", AnyOf.strings(unknown))
                    .query((rs, row) -> round.owners.put(rs.getString(1), rs.getString(2)))
                    .list();
        }
    }

    /**
     * Compares each article with the member it is: the same profile keeps its place (its owner brought up to date);
     * a changed one leaves its story, which is split into the parts that still link, and arrives again with the
     * articles not yet in a story.
     */
    private void leave(Round round, Instant now) {
        Map<String, String> knownOwners = new HashMap<>();
        Map<String, Member> known = membersByArticle(List.copyOf(round.fresh.keySet()), knownOwners);
        round.fresh.forEach((articleId, profile) -> {
            Member was = known.get(articleId);
            if (was != null && profile.isPresent() && was.profile().equals(profile.get())) {
                // Same profile, same links: only the title the story shows, or the owner (a take-over), may have
                // changed.
                String owner = round.owners.get(articleId);
                if (!Objects.equals(owner, knownOwners.get(articleId))) {
                    jdbc.sql("UPDATE story_member SET owner_source = :owner WHERE article_id = :id")
                            .param("owner", owner)
                            .param("id", articleId)
                            .update();
                }
                round.touched.add(was.storyId());
                return;
            }
            if (was != null) {
                jdbc.sql("DELETE FROM story_member WHERE article_id = :id")
                        .param("id", articleId)
                        .update();
                round.left.add(was.storyId());
                round.previous.put(articleId, was.storyId());
            }
            profile.ifPresent(p -> round.arriving.add(new Member(articleId, null, p)));
        });
        for (String story : round.left) {
            Set<String> parts = splitting.split(story, now);
            summaries.summarise(parts, null);
            round.touched.addAll(parts);
        }
    }

    /**
     * The summaries of the stories this grouping changed: those that gained a member with its times, a story that
     * still holds only its founder from that member (unless written with it already), the rest as they are.
     */
    private void summarise(Round round, Set<String> grown, Instant now) {
        round.touched.removeAll(grown);
        summaries.summarise(round.touched, null);
        List<String> regrown = new ArrayList<>();
        grown.forEach(story -> {
            Member only = round.founded.get(story);
            if (only == null) {
                regrown.add(story);
            } else if (!round.summarised.contains(story)) {
                summaries.founded(story, only.articleId(), only.profile().at(), now);
            }
        });
        summaries.summarise(regrown, now);
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
     * and the member rows are written in batches ({@link PendingStories}), and a story still holding only the member
     * that started it is written with its summary; whatever reads or changes stories or members in between writes
     * what is pending first, so each statement sees what it did when each row was written at once.
     *
     * @return the stories that gained a member; {@link Round#founded} and {@link Round#summarised} filled
     */
    private Set<String> arrive(Round round, Instant now, StoryWindows.Window window) {
        List<Member> arriving = round.arriving;
        if (arriving.isEmpty()) {
            return Set.of();
        }
        Map<String, Member> founded = round.founded;
        StoryCandidates<Member> candidates = window.candidates;
        Map<String, String> storyOf = window.storyOf;
        Set<String> grown = new LinkedHashSet<>();
        Set<String> withRow =
                rows.withRow(arriving.stream().map(Member::articleId).toList());
        PendingStories pending = new PendingStories(named, profiles, rows, withRow, rows.held(withRow), now);
        for (Member member : arriving) {
            Set<String> stories = new LinkedHashSet<>();
            String reason = null;
            StoryCandidates.Split split = StoryCandidates.split(member.profile());
            for (Member candidate : candidates.of(split)) {
                // Which stories it joins is all that counts: a story already joined needs no second link.
                if (stories.contains(storyOf.get(candidate.articleId()))) {
                    continue;
                }
                Optional<String> why = links.link(candidate.profile(), member.profile(), candidates);
                if (why.isPresent()) {
                    stories.add(storyOf.get(candidate.articleId()));
                    reason = reason == null ? why.get() + " (" + candidate.articleId() + ")" : reason;
                }
            }
            String before = round.previous.get(member.articleId());
            String story = stories.isEmpty()
                    ? pending.start(member.articleId(), member.profile().at(), before, founded)
                    : kept(stories, before, pending, founded);
            boolean started = stories.isEmpty();
            stories.remove(story);
            founded.remove(story);
            if (!stories.isEmpty()) {
                pending.write(founded, false);
                rows.merge(stories, story);
                storyOf.replaceAll((article, s) -> stories.contains(s) ? story : s);
                grown.removeAll(stories);
                founded.keySet().removeAll(stories);
            }
            pending.member(member, story, reason, round.owners.get(member.articleId()), started);
            if (started) {
                founded.put(story, member);
            }
            window.add(new Member(member.articleId(), story, member.profile()), split);
            if (!story.equals(before) || !stories.isEmpty()) {
                grown.add(story);
            }
        }
        round.summarised.addAll(pending.write(founded, true));
        return grown;
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
                    return new Member(rs.getString(1), rs.getString(2), profiles.read(rs.getString(3)));
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
                .query((rs, row) -> new Member(rs.getString(1), rs.getString(2), profiles.read(rs.getString(3))))
                .list();
    }

    private static String between(StoryWindows.Span span) {
        return "seen_at " + (span.fromOpen() ? ">" : ">=") + " :from AND seen_at " + (span.toOpen() ? "<" : "<=")
                + " :to";
    }

    /**
     * The story an article linked to several keeps: the one it belonged to before, else the oldest (what is
     * pending is written first: the stories' rows tell which is oldest). One story is kept without asking.
     */
    private String kept(Set<String> stories, String before, PendingStories pending, Map<String, Member> founded) {
        if (before != null && stories.contains(before)) {
            return before;
        }
        if (stories.size() == 1) {
            return stories.iterator().next();
        }
        pending.write(founded, false);
        return rows.oldest(stories);
    }
}
