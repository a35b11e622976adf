package org.her2feeds.digest;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.her2feeds.publish.FeedService;
import org.her2feeds.publish.InvalidRequestException;
import org.her2feeds.publish.NotFoundException;
import org.her2feeds.publish.ReaderFilters;
import org.her2feeds.store.ArticleFilter;
import org.her2feeds.store.ArticleQueries;
import org.her2feeds.store.StoredArticle;
import org.her2feeds.tagging.Tagger;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Articles and topics for the portal: search, filters and stable pagination. */
@RestController
@Tag(name = "Articles", description = "Published articles, newest first, and the topics they are tagged with.")
public class ArticleController {

    private final ArticleQueries articles;
    private final ReaderFilters filters;
    private final FeedService feeds;
    private final DigestArticles view;
    private final Tagger tagger;

    public ArticleController(ArticleQueries articles, ReaderFilters filters, FeedService feeds, DigestArticles view, Tagger tagger) {
        this.articles = articles;
        this.filters = filters;
        this.feeds = feeds;
        this.view = view;
        this.tagger = tagger;
    }

    @GetMapping("/api/articles")
    @Operation(summary = "Published articles, newest first, a page at a time",
            description = "Follow nextCursor for older articles; pages do not shift when new articles arrive.",
            responses = @ApiResponse(responseCode = "400", description = "Unknown kind, bad since, cursor or limit"))
    public ArticlePage list(
            @Parameter(description = "Topic slugs, any of them", example = "adc") @RequestParam(required = false) List<String> topic,
            @Parameter(description = "Source kinds, any of them", example = "journal") @RequestParam(required = false) List<String> kind,
            @Parameter(description = "Words to find in title or summary, any case", example = "deruxtecan") @RequestParam(required = false) String q,
            @Parameter(description = "Only articles filed at or after this time (ISO-8601 with offset) or day (yyyy-MM-dd)",
                    example = "2026-11-01") @RequestParam(required = false) String since,
            @Parameter(description = "nextCursor of the previous page") @RequestParam(required = false) String cursor,
            @Parameter(description = "Page size (default her2.feed.size, at most her2.feed.max-limit)", example = "20")
            @RequestParam(required = false) Integer limit) {
        int size = feeds.limit(limit);
        ArticleFilter filter = new ArticleFilter(filters.topics(topic), filters.sourceIdsOfKinds(kind), q, since(since),
                cursor == null || cursor.isBlank() ? null : ArticleCursor.decode(cursor));
        List<StoredArticle> page = articles.newest(filter, size + 1);
        List<StoredArticle> shown = page.subList(0, Math.min(size, page.size()));
        String next = page.size() > size
                ? ArticleCursor.encode(new ArticleFilter.Position(shown.get(size - 1).sortAt(), shown.get(size - 1).id()))
                : null;
        return new ArticlePage(shown.stream().map(view::of).toList(), next);
    }

    @GetMapping("/api/articles/{id}")
    @Operation(summary = "One published article", responses = @ApiResponse(responseCode = "404", description = "No published article has this id"))
    public DigestArticle article(@Parameter(description = "The article id (the feeds' GUID)", example = "3f2a9c1e0b7d4a6f8e5c2b1a0d9f8e7c")
            @PathVariable String id) {
        return articles.find(id).map(view::of)
                .orElseThrow(() -> new NotFoundException("No published article has id '" + id + "'."));
    }

    @GetMapping("/api/topics")
    @Operation(summary = "The topics, in the order of config/topics.yml, with their article counts")
    public List<TopicSummary> topics() {
        Map<String, Long> counts = articles.topicCounts();
        return tagger.topics().stream()
                .map(t -> new TopicSummary(t.slug(), t.label(), t.description(), counts.getOrDefault(t.slug(), 0L))).toList();
    }

    private Instant since(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return text.length() == 10 ? LocalDate.parse(text).atStartOfDay(view.zone()).toInstant() : OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidRequestException("since '" + text + "' is neither a day (yyyy-MM-dd) nor a time with offset "
                    + "(for example 2026-11-29T08:00:00Z).");
        }
    }
}
