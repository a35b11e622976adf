package org.her2feeds.publish;

import java.io.IOException;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.her2feeds.tagging.TopicDefinition;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The feeds for RSS readers: merged and per topic, each in RSS 2.0, Atom 1.0 and JSON Feed 1.1. */
@RestController
@Tag(name = "Feeds", description = "Feeds for RSS readers, cheap to poll: ETag/Last-Modified, 304, gzip.")
public class FeedController {

    static final String TOPICS = "Topic slugs, any of them (comma-separated or repeated); see /api/topics";
    static final String KINDS = "Source kinds, any of them: journal, preprint, registry, regulator, news, patient";
    static final String LIMIT = "How many articles (default her2.feed.size, at most her2.feed.max-limit)";

    private final FeedService feeds;
    private final FeedRenderer renderer;
    private final RenderCache cache;
    private final CachedResponses responses;

    public FeedController(FeedService feeds, FeedRenderer renderer, RenderCache cache, CachedResponses responses) {
        this.feeds = feeds;
        this.renderer = renderer;
        this.cache = cache;
        this.responses = responses;
    }

    @GetMapping("/feed.xml")
    @Operation(summary = "Merged feed, RSS 2.0", responses = {
            @ApiResponse(responseCode = "200", content = @Content(mediaType = "application/rss+xml")),
            @ApiResponse(responseCode = "304", description = "Not modified since the ETag or date the reader sent")})
    public void rss(@Parameter(description = TOPICS, example = "adc") @RequestParam(required = false) List<String> topic,
            @Parameter(description = KINDS, example = "journal,preprint") @RequestParam(required = false) List<String> kind,
            @Parameter(description = LIMIT, example = "20") @RequestParam(required = false) Integer limit,
            HttpServletRequest request, HttpServletResponse response) throws IOException {
        merged(FeedFormat.RSS, topic, kind, limit, request, response);
    }

    @GetMapping("/feed.atom")
    @Operation(summary = "Merged feed, Atom 1.0", responses = {
            @ApiResponse(responseCode = "200", content = @Content(mediaType = "application/atom+xml")),
            @ApiResponse(responseCode = "304", description = "Not modified since the ETag or date the reader sent")})
    public void atom(@Parameter(description = TOPICS, example = "adc") @RequestParam(required = false) List<String> topic,
            @Parameter(description = KINDS, example = "journal,preprint") @RequestParam(required = false) List<String> kind,
            @Parameter(description = LIMIT, example = "20") @RequestParam(required = false) Integer limit,
            HttpServletRequest request, HttpServletResponse response) throws IOException {
        merged(FeedFormat.ATOM, topic, kind, limit, request, response);
    }

    @GetMapping("/feed.json")
    @Operation(summary = "Merged feed, JSON Feed 1.1", responses = {
            @ApiResponse(responseCode = "200", content = @Content(mediaType = "application/feed+json")),
            @ApiResponse(responseCode = "304", description = "Not modified since the ETag or date the reader sent")})
    public void json(@Parameter(description = TOPICS, example = "adc") @RequestParam(required = false) List<String> topic,
            @Parameter(description = KINDS, example = "journal,preprint") @RequestParam(required = false) List<String> kind,
            @Parameter(description = LIMIT, example = "20") @RequestParam(required = false) Integer limit,
            HttpServletRequest request, HttpServletResponse response) throws IOException {
        merged(FeedFormat.JSON, topic, kind, limit, request, response);
    }

    @GetMapping("/topics/{slug}/feed.xml")
    @Operation(summary = "One topic's feed, RSS 2.0", responses = {
            @ApiResponse(responseCode = "200", content = @Content(mediaType = "application/rss+xml")),
            @ApiResponse(responseCode = "404", description = "Unknown topic; the detail lists the valid slugs")})
    public void topicRss(@Parameter(description = "Topic slug; see /api/topics", example = "adc") @PathVariable String slug, @Parameter(description = KINDS, example = "journal,preprint") @RequestParam(required = false) List<String> kind,
            @Parameter(description = LIMIT, example = "20") @RequestParam(required = false) Integer limit,
            HttpServletRequest request, HttpServletResponse response) throws IOException {
        topic(FeedFormat.RSS, slug, kind, limit, request, response);
    }

    @GetMapping("/topics/{slug}/feed.atom")
    @Operation(summary = "One topic's feed, Atom 1.0", responses = {
            @ApiResponse(responseCode = "200", content = @Content(mediaType = "application/atom+xml")),
            @ApiResponse(responseCode = "404", description = "Unknown topic; the detail lists the valid slugs")})
    public void topicAtom(@Parameter(description = "Topic slug; see /api/topics", example = "adc") @PathVariable String slug, @Parameter(description = KINDS, example = "journal,preprint") @RequestParam(required = false) List<String> kind,
            @Parameter(description = LIMIT, example = "20") @RequestParam(required = false) Integer limit,
            HttpServletRequest request, HttpServletResponse response) throws IOException {
        topic(FeedFormat.ATOM, slug, kind, limit, request, response);
    }

    @GetMapping("/topics/{slug}/feed.json")
    @Operation(summary = "One topic's feed, JSON Feed 1.1", responses = {
            @ApiResponse(responseCode = "200", content = @Content(mediaType = "application/feed+json")),
            @ApiResponse(responseCode = "404", description = "Unknown topic; the detail lists the valid slugs")})
    public void topicJson(@Parameter(description = "Topic slug; see /api/topics", example = "adc") @PathVariable String slug, @Parameter(description = KINDS, example = "journal,preprint") @RequestParam(required = false) List<String> kind,
            @Parameter(description = LIMIT, example = "20") @RequestParam(required = false) Integer limit,
            HttpServletRequest request, HttpServletResponse response) throws IOException {
        topic(FeedFormat.JSON, slug, kind, limit, request, response);
    }

    private void merged(FeedFormat format, List<String> topic, List<String> kind, Integer limit,
            HttpServletRequest request, HttpServletResponse response) throws IOException {
        FeedSelection selection = feeds.select(topic, kind, limit);
        send(format, selection, null, request, response);
    }

    private void topic(FeedFormat format, String slug, List<String> kind, Integer limit,
            HttpServletRequest request, HttpServletResponse response) throws IOException {
        TopicDefinition topic = feeds.topic(slug);
        FeedSelection selection = feeds.select(List.of(topic.slug()), kind, limit);
        send(format, selection, topic, request, response);
    }

    private void send(FeedFormat format, FeedSelection selection, TopicDefinition topic,
            HttpServletRequest request, HttpServletResponse response) throws IOException {
        String self = RequestUrls.self(request);
        Rendered rendered = cache.get(self, () -> renderer.render(format,
                feeds.feed(RequestUrls.base(request), self, selection, topic)));
        responses.send(request, response, rendered);
    }
}
