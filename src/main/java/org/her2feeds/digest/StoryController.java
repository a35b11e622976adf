package org.her2feeds.digest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Stories across sources for the portal. */
@RestController
@Tag(
        name = "Stories",
        description = "Articles from several sources that report one event: a trial readout, a regulator's "
                + "decision, a paper, a notice.")
class StoryController {

    private final StoryService stories;

    StoryController(StoryService stories) {
        this.stories = stories;
    }

    @GetMapping("/api/stories")
    @Operation(
            summary = "Stories with members from at least two sources, newest coverage first, a page at a time",
            description = "Follow nextCursor for the next page. A story moves to the front when it gains a member.",
            responses = {
                @ApiResponse(responseCode = "200", description = "One page"),
                @ApiResponse(responseCode = "400", description = "Bad cursor or limit")
            })
    StoryPage list(
            @Parameter(description = "nextCursor of the previous page") @RequestParam(required = false) String cursor,
            @Parameter(
                            description = "Page size (default her2.feed.size, at most her2.feed.max-limit)",
                            schema = @Schema(type = "integer", format = "int32", minimum = "1"),
                            example = "20")
                    @RequestParam(required = false)
                    Integer limit) {
        return stories.page(cursor, limit);
    }

    @GetMapping("/api/stories/{id}")
    @Operation(
            summary = "One story",
            description = "The id of a story later joined into another answers with the story that holds it now.",
            responses = {
                @ApiResponse(responseCode = "200", description = "The story"),
                @ApiResponse(responseCode = "404", description = "No story has this id")
            })
    StoryView story(@Parameter(description = "The story id", example = "s-3f2a9c1e0b7d4a6f") @PathVariable String id) {
        return stories.story(id);
    }
}
