package org.her2feeds.store;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.her2feeds.tagging.StoryCandidates;
import org.her2feeds.tagging.StoryLinks;

/**
 * The story members of a span of time, indexed for grouping and kept in memory from one grouping transaction to the
 * next. Reading and indexing every member of the window again for each stored feed made a feed's cost grow with
 * the archive (most of the pipeline's time in the ingest benchmark, and one window's worth of JSON read per fetch of
 * every source).
 *
 * <p>A kept window is used again only when the database says nothing changed behind it: the story version (moved
 * by every grouping that changes a membership, on any instance) is the one it was built at, and the database holds
 * as many members in its span as it does (a member deleted with its article lowers the count). A window is handed
 * back only after its transaction commits; one that saw members leave their story (parts split off) is not kept,
 * since its index cannot forget them.
 */
final class StoryWindows {

    /**
     * Beyond this many members a window is read for each transaction rather than kept: its index takes up to about
     * 2.5 KB a member whose text is as long as the rules read (1.3 KB before texts were indexed for quoted titles;
     * about as much with texts indexed by their words' prefixes as by anchors, see StoryCandidates), besides the
     * members' profiles: 100,000 such members keep a window within about half of the 512 MB the pipeline is meant
     * to run in.
     */
    static final int MOST_KEPT = 100_000;

    /** A span of members, their index and the story each belongs to; owned by one transaction at a time. */
    static final class Window {
        final StoryCandidates<StoryGrouping.Member> candidates;
        final Map<String, String> storyOf = new HashMap<>();
        private Instant from;
        private Instant to;
        private int size;
        private long version;

        private Window(StoryCandidates<StoryGrouping.Member> candidates, Instant from, Instant to) {
            this.candidates = candidates;
            this.from = from;
            this.to = to;
        }

        void add(StoryGrouping.Member member) {
            add(member, StoryCandidates.split(member.profile()));
        }

        /** Adds an arriving member by the words it was looked up with. */
        void add(StoryGrouping.Member member, StoryCandidates.Split split) {
            candidates.add(member, split);
            if (storyOf.put(member.articleId(), member.storyId()) == null) {
                size++;
            }
        }

        int size() {
            return size;
        }
    }

    /** Reads the members seen in a span: {@code (from, to)} with either end inclusive as {@link Span} says. */
    interface Reader {
        List<StoryGrouping.Member> members(Span span);

        int count(Span span);
    }

    /** A span of {@code seen_at}; an open end excludes its instant (a window already holds it). */
    record Span(Instant from, boolean fromOpen, Instant to, boolean toOpen) {

        static Span closed(Instant from, Instant to) {
            return new Span(from, false, to, false);
        }
    }

    private final StoryLinks links;
    private final AtomicReference<Window> kept = new AtomicReference<>();

    StoryWindows(StoryLinks links) {
        this.links = links;
    }

    /**
     * The members seen from {@code from} to {@code to} (and maybe more), indexed: the kept window when it is still
     * true to the database, grown to the span if needed, else read afresh. The caller owns it until {@link #keep}.
     */
    Window open(long version, Instant from, Instant to, Reader reader) {
        Window window = kept.getAndSet(null);
        StoryCandidates<StoryGrouping.Member> fresh = links.candidates();
        Duration reach = links.window().multipliedBy(2);
        boolean usable = window != null
                && window.version == version
                && window.candidates.indexesLike(fresh)
                // A window that trails far behind the span is read again rather than carried on growing.
                && !window.from.isBefore(from.minus(reach))
                && !window.to.isAfter(to.plus(reach))
                && reader.count(Span.closed(window.from, window.to)) == window.size;
        if (!usable) {
            Window read = new Window(fresh, from, to);
            reader.members(Span.closed(from, to)).forEach(read::add);
            return read;
        }
        if (from.isBefore(window.from)) {
            reader.members(new Span(from, false, window.from, true)).forEach(window::add);
            window.from = from;
        }
        if (to.isAfter(window.to)) {
            reader.members(new Span(window.to, true, to, false)).forEach(window::add);
            window.to = to;
        }
        return window;
    }

    /**
     * Keeps a window for the next transaction, as of the story version its own changes led to; to be called once
     * the transaction that used it has committed.
     */
    void keep(Window window, long version) {
        if (window.size <= MOST_KEPT) {
            window.version = version;
            kept.set(window);
        }
    }

    /** Forgets the kept window (its members changed in a way it cannot follow). */
    void forget() {
        kept.set(null);
    }

    /** For tests: how many members the kept window holds, or -1 when none is kept. */
    int keptSize() {
        Window window = kept.get();
        return window == null ? -1 : window.size;
    }
}
