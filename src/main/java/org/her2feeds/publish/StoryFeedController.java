package org.her2feeds.publish;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.her2feeds.http.CachedResponses;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The story feed for RSS readers. */
@RestController
@Tag(name = "Feeds")
class StoryFeedController {

    private final StoryFeed feed;
    private final CachedResponses responses;

    StoryFeedController(StoryFeed feed, CachedResponses responses) {
        this.feed = feed;
        this.responses = responses;
    }

    @GetMapping(StoryFeed.PATH)
    @Operation(
            summary = "Story feed in RSS 2.0",
            description = "One item per story (articles from several sources that report one event), newest "
                    + "coverage first. The GUID is the story's id; the item's date and description change when the "
                    + "story gains a member. Cheap to poll: strong ETag, Last-Modified, 304, gzip.")
    @FeedResponses
    void stories(@ParameterObject FeedSize size, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        responses.serve(request, response, feed.render(size.limit(), responses.base(), responses.self(request)));
    }
}
