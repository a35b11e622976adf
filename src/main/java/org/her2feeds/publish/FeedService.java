package org.her2feeds.publish;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.her2feeds.sources.Source;
import org.her2feeds.sources.SourceCatalog;
import org.her2feeds.store.ArticleOrigin;
import org.her2feeds.store.ArticleQueries;
import org.her2feeds.store.StoredArticle;
import org.her2feeds.tagging.Tagger;
import org.her2feeds.tagging.TopicDefinition;
import org.springframework.stereotype.Service;

/** Gathers what a feed carries: the newest published articles matching the reader's filters. */
@Service
public class FeedService {

    private final ArticleQueries articles;
    private final SourceCatalog sources;
    private final ReaderFilters filters;
    private final Tagger tagger;
    private final FeedProperties properties;
    private final Clock clock;

    public FeedService(ArticleQueries articles, SourceCatalog sources, ReaderFilters filters, Tagger tagger,
            FeedProperties properties, Clock clock) {
        this.articles = articles;
        this.sources = sources;
        this.filters = filters;
        this.tagger = tagger;
        this.properties = properties;
        this.clock = clock;
    }

    /** Validates a reader's parameters; cheap (no query), so it can run before the rendered-output cache. */
    public FeedSelection select(Collection<String> topics, Collection<String> kinds, Integer limit) {
        return new FeedSelection(filters.topics(topics), filters.sourceIdsOfKinds(kinds), limit(limit));
    }

    /** The topic of a per-topic feed. */
    public TopicDefinition topic(String slug) {
        String wanted = filters.topics(List.of(slug)).iterator().next();
        return tagger.topics().stream().filter(t -> t.slug().equals(wanted)).findFirst().orElseThrow();
    }

    /**
     * @param baseUrl the service's root URL as the client reached it, without a trailing slash
     * @param selfUrl the full URL of the requested feed
     * @param topic   the topic of a per-topic feed; null for the merged feed
     */
    public FeedDocument feed(String baseUrl, String selfUrl, FeedSelection selection, TopicDefinition topic) {
        List<StoredArticle> newest = articles.newest(selection.filter(), selection.limit());
        Instant updated = newest.stream().map(StoredArticle::updatedAt).max(Comparator.naturalOrder()).orElse(clock.instant());
        String topicDomain = baseUrl + "/api/topics";
        List<FeedArticle> entries = newest.stream().map(article -> {
            Source origin = article.origins().stream().map(ArticleOrigin::sourceId).map(sources::find)
                    .flatMap(Optional::stream).findFirst().orElse(null);
            String sourceUrl = origin == null || !origin.isRemote() ? null : origin.url().toString();
            return new FeedArticle(article, origin == null ? null : origin.title(), sourceUrl, topicDomain);
        }).toList();
        String title = topic == null ? properties.title() : properties.title() + " – " + topic.label();
        String description = topic == null || topic.description() == null || topic.description().isBlank()
                ? properties.description() : topic.description();
        return new FeedDocument(title, description, baseUrl + "/", selfUrl, updated, sources.shortestInterval(), entries);
    }

    public int limit(Integer requested) {
        if (requested == null) {
            return properties.size();
        }
        if (requested < 1 || requested > properties.maxLimit()) {
            throw new InvalidRequestException("limit must be between 1 and " + properties.maxLimit() + ", not " + requested + ".");
        }
        return requested;
    }
}
