package org.her2feeds.digest;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import org.her2feeds.sources.SourceCatalog;
import org.her2feeds.store.DigestZoneProperties;
import org.her2feeds.store.StoredArticle;
import org.springframework.stereotype.Component;

/** Shows stored articles as the JSON API presents them, with times in the digest zone. */
@Component
class DigestArticles {

    private final SourceCatalog sources;
    private final ZoneId zone;

    DigestArticles(SourceCatalog sources, DigestZoneProperties digest) {
        this.sources = sources;
        this.zone = digest.zone();
    }

    DigestArticle of(StoredArticle a) {
        List<DigestArticle.Topic> topics = a.topics().stream()
                .map(t -> new DigestArticle.Topic(t.slug(), t.label(), List.copyOf(t.matched())))
                .toList();
        List<DigestArticle.SourceRef> refs = a.origins().stream()
                .map(origin -> sources.find(origin.sourceId())
                        .map(s -> new DigestArticle.SourceRef(s.id(), s.title(), s.kindSlug(), origin.link()))
                        .orElse(new DigestArticle.SourceRef(origin.sourceId(), origin.sourceId(), null, origin.link())))
                .toList();
        return new DigestArticle(
                a.id(),
                a.title(),
                a.url(),
                a.summaryText(),
                a.summaryHtml(),
                at(a.publishedAt()),
                at(a.firstSeenAt()),
                at(a.updatedAt()),
                topics,
                refs,
                a.authors(),
                a.doi(),
                a.pmid(),
                new DigestArticle.Relevance(a.relevanceHits(), a.discounted()),
                a.evidence() == null ? null : a.evidence().type(),
                a.evidence() == null
                        ? new DigestArticle.Entities(List.of(), List.of())
                        : new DigestArticle.Entities(
                                a.evidence().trials(), a.evidence().drugs()),
                a.status()
                        .map(s -> new DigestArticle.Status(
                                s.kind(),
                                s.notice().noticeId(),
                                s.notice().url(),
                                s.notice().title()))
                        .orElse(null));
    }

    OffsetDateTime at(Instant instant) {
        return instant == null ? null : instant.atZone(zone).toOffsetDateTime();
    }

    ZoneId zone() {
        return zone;
    }
}
