package org.her2feeds.publish;

import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.her2feeds.sources.Source;
import org.her2feeds.sources.SourceCatalog;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Subscription lists: every feed this service publishes, and the sources it reads. */
@RestController
@Tag(name = "Feeds")
public class OpmlController {

    private final FeedOpml opml;
    private final RenderCache cache;
    private final CachedResponses responses;

    public OpmlController(FeedOpml opml, RenderCache cache, CachedResponses responses) {
        this.opml = opml;
        this.cache = cache;
        this.responses = responses;
    }

    @GetMapping("/feeds.opml")
    @Operation(summary = "OPML of every published feed: merged and per topic, in RSS, Atom and JSON Feed",
            responses = @ApiResponse(responseCode = "200", content = @Content(mediaType = "text/x-opml")))
    public void feeds(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String base = RequestUrls.base(request);
        responses.send(request, response, cache.get(RequestUrls.self(request), () -> opml.feeds(base)));
    }

    @GetMapping("/sources.opml")
    @Operation(summary = "OPML of the configured sources (http and https ones), grouped by kind",
            responses = @ApiResponse(responseCode = "200", content = @Content(mediaType = "text/x-opml")))
    public void sources(HttpServletRequest request, HttpServletResponse response) throws IOException {
        responses.send(request, response, cache.get(RequestUrls.self(request), opml::sources));
    }

    /** Builds the two lists; also used for static publishing. */
    @Component
    public static class FeedOpml {

        private final PublishedFeeds feeds;
        private final SourceCatalog sources;
        private final FeedProperties properties;
        private final Clock clock;

        public FeedOpml(PublishedFeeds feeds, SourceCatalog sources, FeedProperties properties, Clock clock) {
            this.feeds = feeds;
            this.sources = sources;
            this.properties = properties;
            this.clock = clock;
        }

        /** @param base the root URL the feed URLs start with, without a trailing slash */
        public Rendered feeds(String base) {
            Map<String, List<OpmlOutline>> byFeed = new LinkedHashMap<>();
            for (PublishedFeed feed : feeds.all()) {
                String description = feed.topic() == null ? properties.description() : feed.topic().description();
                byFeed.computeIfAbsent(feed.title(), title -> new ArrayList<>()).add(OpmlOutline.feed(
                        feed.title() + " (" + label(feed.format()) + ")", base + feed.path(), base + "/", description));
            }
            List<OpmlOutline> outlines = byFeed.entrySet().stream()
                    .map(entry -> OpmlOutline.folder(entry.getKey(), entry.getValue())).toList();
            return Rendered.of(OpmlWriter.write(properties.title() + " – feeds", clock.instant(), outlines),
                    OpmlWriter.CONTENT_TYPE, clock.instant());
        }

        public Rendered sources() {
            Map<String, List<OpmlOutline>> byKind = new LinkedHashMap<>();
            for (Source source : sources.all()) {
                if (source.isRemote()) {
                    String kind = source.kind() == null ? "other" : source.kindSlug();
                    byKind.computeIfAbsent(kind, k -> new ArrayList<>())
                            .add(OpmlOutline.feed(source.title(), source.url().toString(), null, null));
                }
            }
            List<OpmlOutline> outlines = byKind.entrySet().stream()
                    .map(entry -> OpmlOutline.folder(entry.getKey(), entry.getValue())).toList();
            return Rendered.of(OpmlWriter.write(properties.title() + " – sources", clock.instant(), outlines),
                    OpmlWriter.CONTENT_TYPE, clock.instant());
        }

        private static String label(FeedFormat format) {
            return switch (format) {
                case RSS -> "RSS";
                case ATOM -> "Atom";
                case JSON -> "JSON Feed";
            };
        }
    }
}
