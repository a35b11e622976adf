package org.her2feeds.opml;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.her2feeds.http.CachedResponses;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Subscription lists: every feed this service publishes, and the sources it reads. */
@RestController
@Tag(name = "Feeds")
class OpmlController {

    private final SubscriptionLists lists;
    private final CachedResponses responses;

    OpmlController(SubscriptionLists lists, CachedResponses responses) {
        this.lists = lists;
        this.responses = responses;
    }

    @GetMapping("/feeds.opml")
    @Operation(
            summary = "OPML of every published feed: merged and per topic, in RSS, Atom and JSON Feed",
            description = "For importing every feed into a reader at once. It takes no parameters, so it has no 4xx.")
    @OpmlResponses
    void feeds(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String base = responses.base();
        responses.serve(request, response, () -> lists.feeds(base));
    }

    @GetMapping("/sources.opml")
    @Operation(
            summary = "OPML of the configured sources (http and https ones), grouped by kind",
            description = "What this service reads, to subscribe to the sources themselves. It takes no parameters, "
                    + "so it has no 4xx.")
    @OpmlResponses
    void sources(HttpServletRequest request, HttpServletResponse response) throws IOException {
        responses.serve(request, response, lists::sources);
    }
}
