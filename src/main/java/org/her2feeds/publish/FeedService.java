package org.her2feeds.publish;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import org.her2feeds.sources.Source;
import org.her2feeds.sources.SourceCatalog;
import org.her2feeds.store.ArticleFilter;
import org.her2feeds.store.ArticleOrigin;
import org.her2feeds.store.ArticleQueries;
import org.her2feeds.store.StoredArticle;
import org.springframework.stereotype.Service;

/** Gathers what a feed carries: the newest published articles matching the reader's filters. */
@Service
public class FeedService {

    private final ArticleQueries articles;
    private final SourceCatalog sources;
    private final FeedProperties properties;
    private final Clock clock;

    public FeedService(ArticleQueries articles, SourceCatalog sources, FeedProperties properties, Clock clock) {
        this.articles = articles;
        this.sources = sources;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * @param baseUrl the service's root URL as the client reached it, without a trailing slash
     * @param selfUrl the full URL of the requested feed
     */
    public FeedDocument merged(String baseUrl, String selfUrl, Set<String> topics, Set<String> sourceIds, int limit) {
        List<StoredArticle> newest = articles.newest(new ArticleFilter(topics, sourceIds, null, null, null), limit);
        Instant updated = newest.stream().map(StoredArticle::updatedAt).max(Comparator.naturalOrder()).orElse(clock.instant());
        String topicDomain = baseUrl + "/api/topics";
        List<FeedArticle> entries = newest.stream().map(article -> {
            Source origin = article.origins().stream().map(ArticleOrigin::sourceId).map(sources::find)
                    .flatMap(java.util.Optional::stream).findFirst().orElse(null);
            String sourceUrl = origin == null || !origin.isRemote() ? null : origin.url().toString();
            return new FeedArticle(article, origin == null ? null : origin.title(), sourceUrl,
                    baseUrl + "/api/articles/" + article.id(), topicDomain);
        }).toList();
        return new FeedDocument(properties.title(), properties.description(), baseUrl + "/", selfUrl, updated,
                sources.shortestInterval(), entries);
    }

    public int limit(Integer requested) {
        if (requested == null) {
            return properties.size();
        }
        if (requested < 1 || requested > properties.maxLimit()) {
            throw new IllegalArgumentException("limit must be between 1 and " + properties.maxLimit() + ", not " + requested);
        }
        return requested;
    }
}
