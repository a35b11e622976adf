package org.her2feeds.publish;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.function.Supplier;
import org.her2feeds.http.CachedResponses;
import org.her2feeds.http.Rendered;
import org.her2feeds.query.Selection;
import org.her2feeds.query.TopicQuery;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.HandlerMapping;

/**
 * The feeds for RSS readers: merged and per topic, each in RSS 2.0 ({@code feed.xml}), Atom 1.0 ({@code feed.atom})
 * and JSON Feed 1.1 ({@code feed.json}). The file name picks the format.
 */
@RestController
@Tag(name = "Feeds", description = "Feeds for RSS readers, cheap to poll: ETag/Last-Modified, 304, gzip.")
class FeedController {

    static final String FORMATS = " in RSS 2.0 (feed.xml), Atom 1.0 (feed.atom) or JSON Feed 1.1 (feed.json)";

    private final FeedService feeds;
    private final CachedResponses responses;

    FeedController(FeedService feeds, CachedResponses responses) {
        this.feeds = feeds;
        this.responses = responses;
    }

    @GetMapping({"/feed.xml", "/feed.atom", "/feed.json"})
    @Operation(
            summary = "Merged feed" + FORMATS,
            description = "The newest published articles of every topic, filtered by topic and source kind; the "
                    + "file name picks the format. Cheap to poll: strong ETag, Last-Modified, 304, gzip.")
    @FeedResponses
    void merged(
            @ParameterObject TopicQuery topics,
            @ParameterObject Selection selection,
            @ParameterObject FeedSize size,
            HttpServletRequest request,
            HttpServletResponse response)
            throws IOException {
        serve(
                request,
                response,
                (f, base, self) -> feeds.merged(f, topics.topic(), selection, size.limit(), base, self));
    }

    @GetMapping({"/topics/{slug}/feed.xml", "/topics/{slug}/feed.atom", "/topics/{slug}/feed.json"})
    @Operation(
            summary = "One topic's feed" + FORMATS,
            description = "The newest published articles of one topic, optionally of some source kinds only.")
    @FeedResponses
    void topic(
            @Parameter(description = "Topic slug; see /api/topics", example = "adc") @PathVariable String slug,
            @ParameterObject Selection selection,
            @ParameterObject FeedSize size,
            HttpServletRequest request,
            HttpServletResponse response)
            throws IOException {
        serve(request, response, (f, base, self) -> feeds.topic(f, slug, selection, size.limit(), base, self));
    }

    /** Renders (or takes from the cache) the feed in the format the path names, for the public base and self URL. */
    private void serve(HttpServletRequest request, HttpServletResponse response, FeedRendering rendering)
            throws IOException {
        responses.serve(
                request, response, rendering.render(format(request), responses.base(), responses.self(request)));
    }

    /** One handler's call into {@link FeedService}, given what every feed request shares. */
    @FunctionalInterface
    private interface FeedRendering {
        Supplier<Rendered> render(FeedFormat format, String baseUrl, String selfUrl);
    }

    /** The format named by the last segment of the mapping that matched: one of the three above. */
    private static FeedFormat format(HttpServletRequest request) {
        String pattern = (String) request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        return FeedFormat.ofFileName(pattern.substring(pattern.lastIndexOf('/') + 1));
    }
}
