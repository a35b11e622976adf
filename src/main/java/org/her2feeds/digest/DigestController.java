package org.her2feeds.digest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.her2feeds.http.CachedResponses;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The portal's JSON digests by day. Rendered once per change of the archive and served with validators, so
 * the portal's polls cost a lookup.
 */
@RestController
@Tag(name = "Digests", description = "Published articles by day, as the portal builds its pages from them.")
class DigestController {

    private final DigestOutputs digests;
    private final CachedResponses responses;

    DigestController(DigestOutputs digests, CachedResponses responses) {
        this.digests = digests;
        this.responses = responses;
    }

    @GetMapping("/api/digests")
    @Operation(
            summary = "The days that have articles, with counts; or, with from and to, each day's digest",
            description = "Without parameters: every day with published articles, newest first. With from and to "
                    + "(inclusive, at most " + DigestService.MAX_RANGE_DAYS
                    + " days): a DigestRange with one digest per day, at most her2.digest.range.max-articles "
                    + "(1000) articles per response, in whole days; when the range holds more, complete is false "
                    + "and nextTo is the to of the next request (same from).",
            responses = {
                @ApiResponse(
                        responseCode = "200",
                        description = "Days, or a range of digests",
                        content =
                                @Content(
                                        mediaType = "application/json",
                                        array = @ArraySchema(schema = @Schema(implementation = DayEntry.class)))),
                @ApiResponse(
                        responseCode = "200 (range)",
                        description = "With from and to",
                        content =
                                @Content(
                                        mediaType = "application/json",
                                        schema = @Schema(implementation = DigestRange.class))),
                @ApiResponse(
                        responseCode = "400",
                        description = "A bad date, only one of from/to, or a range that is too long")
            })
    void days(
            @Parameter(description = "First day, yyyy-MM-dd", example = "2026-11-01") @RequestParam(required = false)
                    String from,
            @Parameter(description = "Last day, yyyy-MM-dd", example = "2026-11-29") @RequestParam(required = false)
                    String to,
            @Parameter(description = "Topic slugs, any of them (range only)", example = "adc")
                    @RequestParam(required = false)
                    List<String> topic,
            @Parameter(description = "Source kinds, any of them (range only)", example = "journal")
                    @RequestParam(required = false)
                    List<String> kind,
            HttpServletRequest request,
            HttpServletResponse response)
            throws IOException {
        responses.serve(request, response, digests.days(from, to, topic, kind));
    }

    @GetMapping("/api/digests/{date}")
    @Operation(
            summary = "One day's digest",
            description = "The day's published articles, newest first, with topic counts.",
            responses = {
                @ApiResponse(
                        responseCode = "200",
                        content =
                                @Content(
                                        mediaType = "application/json",
                                        schema = @Schema(implementation = Digest.class))),
                @ApiResponse(responseCode = "304", description = "Not modified since the ETag or date sent"),
                @ApiResponse(responseCode = "400", description = "Not a date, or an unknown kind"),
                @ApiResponse(responseCode = "404", description = "Unknown topic")
            })
    void digest(
            @Parameter(description = "The day, yyyy-MM-dd, in her2.digest.zone", example = "2026-11-25") @PathVariable
                    String date,
            @Parameter(description = "Topic slugs, any of them", example = "adc") @RequestParam(required = false)
                    List<String> topic,
            @Parameter(description = "Source kinds, any of them", example = "journal,preprint")
                    @RequestParam(required = false)
                    List<String> kind,
            HttpServletRequest request,
            HttpServletResponse response)
            throws IOException {
        responses.serve(request, response, digests.digest(date, topic, kind));
    }
}
