package org.her2feeds.ops;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The health of every source for the public: what was fetched when, what went wrong (in short), when the next
 * fetch is due; URLs masked. The admin's full view is {@link AdminController}'s.
 */
@RestController
@Tag(name = "Sources", description = "The configured sources and how their fetches go.")
class SourceStatusController {

    private final SourceStatusService statuses;

    SourceStatusController(SourceStatusService statuses) {
        this.statuses = statuses;
    }

    @GetMapping("/api/sources")
    @Operation(
            summary = "Every configured source with its health",
            description = "In the order of the sources file: where it is fetched from, how its last fetches went "
                    + "and when it is fetched next.",
            responses = {
                @ApiResponse(responseCode = "200", description = "Every source"),
                @ApiResponse(responseCode = "406", description = "The request's Accept header excludes JSON")
            })
    public List<SourceReport> all() {
        return statuses.all(SourceStatusService.Audience.PUBLIC);
    }

    @GetMapping("/api/sources/{id}")
    @Operation(
            summary = "One source with its health",
            description = "The same report as in the list, for one source id of the sources file.",
            responses = {
                @ApiResponse(responseCode = "200", description = "The source"),
                @ApiResponse(responseCode = "404", description = "No source with this id in the sources file")
            })
    public SourceReport one(
            @Parameter(description = "The source id from the sources file", example = "medrxiv-oncology") @PathVariable
                    String id) {
        return statuses.get(id, SourceStatusService.Audience.PUBLIC);
    }
}
