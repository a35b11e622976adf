package org.her2feeds.digest;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.her2feeds.http.InvalidRequestException;
import org.her2feeds.store.ArticleFilter;
import org.her2feeds.store.ArticleQueries;
import org.her2feeds.store.StoredArticle;
import org.her2feeds.tagging.Tagger;
import org.her2feeds.tagging.TopicDefinition;
import org.her2feeds.tagging.TopicTag;
import org.springframework.stereotype.Service;

/** Builds the daily digests from the archive. */
@Service
public class DigestService {

    /** The longest range one request may ask for: a quarter. */
    public static final int MAX_RANGE_DAYS = 92;

    private final ArticleQueries articles;
    private final Tagger tagger;
    private final DigestArticles view;
    private final Clock clock;
    private final int maxRangeArticles;
    private final StoryService stories;

    DigestService(
            ArticleQueries articles,
            Tagger tagger,
            DigestArticles view,
            Clock clock,
            DigestRangeProperties rangeProperties,
            StoryService stories) {
        this.stories = stories;
        this.articles = articles;
        this.tagger = tagger;
        this.view = view;
        this.clock = clock;
        this.maxRangeArticles = rangeProperties.maxArticles();
    }

    public Digest digest(LocalDate day, ArticleFilter filter) {
        List<StoredArticle> stored = articles.day(day, filter);
        return digest(day, stored, clock.instant(), stories.withAnyOf(ids(stored)));
    }

    /**
     * Every day from {@code from} to {@code to} inclusive, newest first, in one query of at most the cap plus one
     * article. When the range holds more, the response ends with the last whole day that fits and names the
     * {@code to} of the next page; a single day above the cap alone is cut at the cap.
     */
    public DigestRange range(LocalDate from, LocalDate to, ArticleFilter filter) {
        if (to.isBefore(from)) {
            throw new InvalidRequestException("from (" + from + ") must not be after to (" + to + ").");
        }
        long days = ChronoUnit.DAYS.between(from, to) + 1;
        if (days > MAX_RANGE_DAYS) {
            throw new InvalidRequestException("The range " + from + " to " + to + " spans " + days
                    + " days; ask for at most " + MAX_RANGE_DAYS + " days at a time.");
        }
        Instant now = clock.instant();
        List<StoredArticle> loaded = articles.days(from, to, filter, maxRangeArticles + 1);
        LocalDate oldest = from;
        LocalDate nextTo = null;
        boolean complete = true;
        if (loaded.size() > maxRangeArticles) {
            complete = false;
            LocalDate cutDay = loaded.get(maxRangeArticles).digestDate();
            if (cutDay.isBefore(to)) {
                oldest = cutDay.plusDays(1);
                nextTo = cutDay;
            } else {
                oldest = to;
                nextTo = to.isAfter(from) ? to.minusDays(1) : null;
            }
            LocalDate first = oldest;
            loaded = loaded.stream()
                    .limit(maxRangeArticles)
                    .filter(a -> !a.digestDate().isBefore(first))
                    .toList();
        }
        Map<LocalDate, List<StoredArticle>> byDay = loaded.stream()
                .collect(Collectors.groupingBy(StoredArticle::digestDate, LinkedHashMap::new, Collectors.toList()));
        // The stories of every day in one read: a read per day made a range of 92 days 184 statements.
        List<StoryView> stories = this.stories.withAnyOf(ids(loaded));
        List<Digest> digests = new ArrayList<>();
        for (LocalDate day = to; !day.isBefore(oldest); day = day.minusDays(1)) {
            List<StoredArticle> ofDay = byDay.getOrDefault(day, List.of());
            Set<String> ids = ids(ofDay);
            digests.add(digest(
                    day,
                    ofDay,
                    now,
                    stories.stream()
                            .filter(story -> story.members().stream().anyMatch(m -> ids.contains(m.id())))
                            .toList()));
        }
        var updated = digests.stream()
                .map(Digest::updatedAt)
                .filter(Objects::nonNull)
                .max(Comparator.naturalOrder())
                .orElse(null);
        return new DigestRange(
                Digest.SCHEMA_VERSION, oldest, to, view.zone().getId(), updated, digests, complete, nextTo);
    }

    public List<DayEntry> days() {
        return articles.days().stream()
                .map(day -> new DayEntry(day.date(), day.count()))
                .toList();
    }

    private static Set<String> ids(List<StoredArticle> stored) {
        return stored.stream().map(StoredArticle::id).collect(Collectors.toSet());
    }

    /** @param stories the stories with one of the day's articles among their members, newest coverage first */
    private Digest digest(LocalDate day, List<StoredArticle> stored, Instant now, List<StoryView> stories) {
        // Counted in one pass over the articles: a pass per topic built each article's list of slugs once per topic.
        Map<String, Long> perSlug = new HashMap<>();
        for (StoredArticle article : stored) {
            article.topics().stream()
                    .map(TopicTag::slug)
                    .distinct()
                    .forEach(slug -> perSlug.merge(slug, 1L, Long::sum));
        }
        Map<String, Long> counts = new LinkedHashMap<>();
        for (TopicDefinition topic : tagger.topics()) {
            Long count = perSlug.get(topic.slug());
            if (count != null) {
                counts.put(topic.slug(), count);
            }
        }
        Instant updated = stored.stream()
                .map(StoredArticle::updatedAt)
                .max(Instant::compareTo)
                .orElse(null);
        return new Digest(
                Digest.SCHEMA_VERSION,
                day,
                view.zone().getId(),
                view.at(now),
                view.at(updated),
                stored.size(),
                counts,
                stored.stream().map(view::of).toList(),
                stories);
    }
}
