package org.her2feeds.digest;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.her2feeds.sources.SourceCatalog;
import org.her2feeds.store.ArticleFilter;
import org.her2feeds.store.ArticleQueries;
import org.her2feeds.store.DigestZoneProperties;
import org.her2feeds.store.StoredArticle;
import org.her2feeds.tagging.Tagger;
import org.her2feeds.tagging.TopicDefinition;
import org.springframework.stereotype.Service;

/** Builds the daily digests from the archive. */
@Service
public class DigestService {

    private final ArticleQueries articles;
    private final SourceCatalog sources;
    private final Tagger tagger;
    private final ZoneId zone;
    private final Clock clock;

    public DigestService(ArticleQueries articles, SourceCatalog sources, Tagger tagger, DigestZoneProperties digest, Clock clock) {
        this.articles = articles;
        this.sources = sources;
        this.tagger = tagger;
        this.zone = digest.zone();
        this.clock = clock;
    }

    public Digest digest(LocalDate day, ArticleFilter filter) {
        List<StoredArticle> stored = articles.day(day, filter);
        Map<String, Long> counts = new LinkedHashMap<>();
        for (TopicDefinition topic : tagger.topics()) {
            long count = stored.stream().filter(a -> a.topicSlugs().contains(topic.slug())).count();
            if (count > 0) {
                counts.put(topic.slug(), count);
            }
        }
        Instant updated = stored.stream().map(StoredArticle::updatedAt).max(Instant::compareTo).orElse(null);
        return new Digest(Digest.SCHEMA_VERSION, day, zone.getId(), at(clock.instant()), at(updated), stored.size(),
                counts, stored.stream().map(this::article).toList());
    }

    public List<DayEntry> days() {
        return articles.days().stream().map(day -> new DayEntry(day.date(), day.count())).toList();
    }

    private DigestArticle article(StoredArticle a) {
        List<DigestArticle.Topic> topics = a.topics().stream()
                .map(t -> new DigestArticle.Topic(t.slug(), t.label(), List.copyOf(t.matched()))).toList();
        List<DigestArticle.SourceRef> refs = a.origins().stream().map(origin -> sources.find(origin.sourceId())
                .map(s -> new DigestArticle.SourceRef(s.id(), s.title(), s.kindSlug()))
                .orElse(new DigestArticle.SourceRef(origin.sourceId(), origin.sourceId(), null))).toList();
        return new DigestArticle(a.id(), a.title(), a.url(), a.summaryText(), a.summaryHtml(), at(a.publishedAt()),
                at(a.firstSeenAt()), topics, refs, a.authors(), a.doi(), a.pmid());
    }

    private OffsetDateTime at(Instant instant) {
        return instant == null ? null : instant.atZone(zone).toOffsetDateTime();
    }
}
