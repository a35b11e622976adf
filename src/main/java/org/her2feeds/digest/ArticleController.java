package org.her2feeds.digest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.her2feeds.query.Selection;
import org.her2feeds.query.TopicQuery;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Articles and topics for the portal: search, filters and stable pagination. */
@RestController
@Tag(name = "Articles", description = "Published articles, newest first, and the topics they are tagged with.")
class ArticleController {

    private final ArticleService articles;

    ArticleController(ArticleService articles) {
        this.articles = articles;
    }

    @GetMapping("/api/articles")
    @Operation(
            summary = "Published articles, newest first (with q, most relevant first), a page at a time",
            description = "Follow nextCursor for the next page; pages do not shift when new articles arrive. "
                    + "Filters combine: any of the topics, any of the kinds, types, trials and drugs, all words of "
                    + "q. With q the order is relevance (a word in the title counts more than one in the summary), "
                    + "then newest first; words match as words, in any form (\"trials\" finds \"trial\"), and "
                    + "only the newest her2.search.max-results (default 1000) matching articles are ranked and "
                    + "paged through. A q of only common English words (\"the\", \"and\") finds nothing.",
            responses = {
                @ApiResponse(responseCode = "200", description = "One page"),
                @ApiResponse(
                        responseCode = "400",
                        description = "Unknown kind, type, trial or drug; bad since, cursor or limit; q longer than "
                                + "200 characters or 12 words"),
                @ApiResponse(responseCode = "404", description = "Unknown topic; the detail lists the valid slugs")
            })
    ArticlePage list(
            @ParameterObject TopicQuery topics,
            @ParameterObject Selection selection,
            @Parameter(
                            description = "Words that must all be in the title or summary, in any case and word form",
                            schema = @Schema(type = "string", maxLength = 200),
                            example = "deruxtecan")
                    @RequestParam(required = false)
                    String q,
            @Parameter(
                            description = "Only articles filed at or after this time (ISO-8601 with offset) or day "
                                    + "(yyyy-MM-dd)",
                            example = "2026-11-01")
                    @RequestParam(required = false)
                    String since,
            @Parameter(description = "nextCursor of the previous page, with the same q and filters")
                    @RequestParam(required = false)
                    String cursor,
            @Parameter(
                            description = "Page size (default her2.feed.size, at most her2.feed.max-limit)",
                            schema = @Schema(type = "integer", format = "int32", minimum = "1"),
                            example = "20")
                    @RequestParam(required = false)
                    Integer limit) {
        return articles.page(topics.topic(), selection, q, since, cursor, limit);
    }

    @GetMapping("/api/articles/{id}")
    @Operation(
            summary = "One published article",
            description = "The article as the digests show it; the id is the one the feeds use as GUID.",
            responses = {
                @ApiResponse(responseCode = "200", description = "The article"),
                @ApiResponse(responseCode = "404", description = "No published article has this id")
            })
    DigestArticle article(
            @Parameter(description = "The article id (the feeds' GUID)", example = "3f2a9c1e0b7d4a6f8e5c2b1a0d9f8e7c")
                    @PathVariable
                    String id) {
        return articles.article(id);
    }

    @GetMapping("/api/types")
    @Operation(
            summary = "The publication types",
            description = "The closed vocabulary of an article's type, in the order config/evidence.yml decides "
                    + "them (the last is the default); the slugs are what ?type= accepts.",
            responses = {
                @ApiResponse(responseCode = "200", description = "Every type"),
                @ApiResponse(responseCode = "406", description = "The request's Accept header excludes JSON")
            })
    List<TypeSummary> types() {
        return articles.types();
    }

    @GetMapping("/api/topics")
    @Operation(
            summary = "The topics, with their article counts",
            description = "In the order of config/topics.yml; the slugs are what topic filters accept.",
            responses = {
                @ApiResponse(responseCode = "200", description = "Every topic"),
                @ApiResponse(responseCode = "406", description = "The request's Accept header excludes JSON")
            })
    List<TopicSummary> topics() {
        return articles.topics();
    }
}
