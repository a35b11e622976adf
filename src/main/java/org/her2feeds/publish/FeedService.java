package org.her2feeds.publish;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.her2feeds.Sha256;
import org.her2feeds.http.Rendered;
import org.her2feeds.http.RequestLimits;
import org.her2feeds.query.ReaderFilters;
import org.her2feeds.query.Selection;
import org.her2feeds.sources.PublicUrl;
import org.her2feeds.sources.Source;
import org.her2feeds.sources.SourceCatalog;
import org.her2feeds.store.ArticleOrigin;
import org.her2feeds.store.ArticleQueries;
import org.her2feeds.store.StoredArticle;
import org.her2feeds.tagging.Tagger;
import org.her2feeds.tagging.TopicDefinition;
import org.springframework.stereotype.Service;

/**
 * The feeds: the newest published articles matching a reader's filters, rendered in one of the formats. Each
 * method checks the reader's parameters at once (cheap, no query), so a bad request fails before the render
 * cache is asked, and returns the rendering, which runs only when no current copy is cached.
 */
@Service
public class FeedService {

    private final ArticleQueries articles;
    private final SourceCatalog sources;
    private final ReaderFilters filters;
    private final RequestLimits limits;
    private final Tagger tagger;
    private final FeedRenderer renderer;
    private final FeedProperties properties;
    private final PublishedFeeds publishedFeeds;
    private final FeedHub hub;
    private final Clock clock;

    FeedService(
            ArticleQueries articles,
            SourceCatalog sources,
            ReaderFilters filters,
            RequestLimits limits,
            Tagger tagger,
            FeedRenderer renderer,
            FeedProperties properties,
            PublishedFeeds publishedFeeds,
            FeedHub hub,
            Clock clock) {
        this.hub = hub;
        this.publishedFeeds = publishedFeeds;
        this.articles = articles;
        this.sources = sources;
        this.filters = filters;
        this.limits = limits;
        this.tagger = tagger;
        this.renderer = renderer;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * The merged feed, optionally narrowed to topics and source kinds.
     *
     * @param baseUrl the service's root URL as the client reached it, without a trailing slash
     * @param selfUrl the full URL of the requested feed
     */
    public Supplier<Rendered> merged(
            FeedFormat format,
            Collection<String> topics,
            Selection asked,
            Integer limit,
            String baseUrl,
            String selfUrl) {
        FeedSelection selection = selection(filters.topics(topics), asked, limit);
        return () -> renderer.render(format, document(baseUrl, selfUrl, selection, null));
    }

    /** A published feed as it is without parameters: what the static copy writes. */
    public Supplier<Rendered> published(PublishedFeed feed, String baseUrl, String selfUrl) {
        FeedSelection selection = published(feed);
        return () -> renderer.render(feed.format(), document(baseUrl, selfUrl, selection, feed.topic()));
    }

    /**
     * What a published feed shows readers now, as a SHA-256 of the bytes it renders to (an empty feed's render time
     * aside): equal exactly when a reader would see the same feed. This is what decides that a feed changed.
     */
    String contentHash(PublishedFeed feed, String baseUrl, String selfUrl) {
        FeedDocument document = document(baseUrl, selfUrl, published(feed), feed.topic());
        return HexFormat.of().formatHex(Sha256.of(renderer.body(feed.format(), document.timeless())));
    }

    private FeedSelection published(PublishedFeed feed) {
        Set<String> topics = feed.topic() == null
                ? filters.topics(List.of())
                : Set.of(feed.topic().slug());
        return selection(topics, Selection.ANY, null);
    }

    /** The reader's parameters as a query; a bad kind, type, trial, drug or limit is a 400 naming it. */
    private FeedSelection selection(Set<String> topics, Selection asked, Integer limit) {
        return new FeedSelection(
                topics, filters.sourceIdsOfKinds(asked.kind()), filters.evidence(asked), limits.limit(limit));
    }

    /** One topic's feed; an unknown slug is a 404 naming the valid ones. See {@link #merged} for the URLs. */
    public Supplier<Rendered> topic(
            FeedFormat format, String slug, Selection asked, Integer limit, String baseUrl, String selfUrl) {
        // The mapping's path variable is never blank, so a topic is always named here.
        TopicDefinition topic = filters.topic(slug).orElseThrow();
        FeedSelection selection = selection(Set.of(topic.slug()), asked, limit);
        return () -> renderer.render(format, document(baseUrl, selfUrl, selection, topic));
    }

    /** @param topic the topic of a per-topic feed; null for the merged feed */
    private FeedDocument document(String baseUrl, String selfUrl, FeedSelection selection, TopicDefinition topic) {
        List<StoredArticle> newest = articles.newest(selection.filter(), selection.limit());
        Instant updated = newest.stream()
                .map(StoredArticle::updatedAt)
                .max(Comparator.naturalOrder())
                .orElse(clock.instant());
        String topicDomain = baseUrl + "/api/topics";
        String typeDomain = baseUrl + "/api/types";
        List<FeedArticle> entries = newest.stream()
                .map(article -> {
                    Source origin = article.origins().stream()
                            .map(ArticleOrigin::sourceId)
                            .map(sources::find)
                            .flatMap(Optional::stream)
                            .findFirst()
                            .orElse(null);
                    String sourceUrl = origin == null || !origin.isRemote() ? null : PublicUrl.of(origin.url());
                    return new FeedArticle(
                            article, origin == null ? null : origin.title(), sourceUrl, topicDomain, typeDomain);
                })
                .toList();
        String title = publishedFeeds.title(topic);
        String description = topic == null
                        || topic.description() == null
                        || topic.description().isBlank()
                ? properties.description()
                : topic.description();
        return new FeedDocument(
                title,
                description,
                properties.title(),
                baseUrl + "/",
                selfUrl,
                updated,
                sources.shortestInterval(),
                hub.hubFor(selfUrl),
                entries);
    }
}
