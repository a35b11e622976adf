package org.her2feeds.digest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.her2feeds.http.CachedResponses;
import org.her2feeds.query.Selection;
import org.her2feeds.query.TopicQuery;
import org.springdoc.core.annotations.ParameterObject;
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
                    + " days): a DigestRange with one digest per day (type, trial, drug, topic and kind filter its "
                    + "articles), at most her2.digest.range.max-articles (1000) articles per response, in whole "
                    + "days; when the range holds more, complete is false and nextTo is the to of the next request "
                    + "(same from).",
            responses = {
                @ApiResponse(
                        responseCode = "200",
                        description = "An array of DayEntry without a range; a DigestRange with from and to",
                        content =
                                @Content(
                                        mediaType = "application/json",
                                        schema = @Schema(oneOf = {DayEntry[].class, DigestRange.class}))),
                @ApiResponse(responseCode = "304", description = "Not modified since the ETag or date sent"),
                @ApiResponse(
                        responseCode = "400",
                        description = "A bad date, only one of from and to, a range that is too long, or an "
                                + "unknown kind"),
                @ApiResponse(responseCode = "404", description = "Unknown topic; the detail lists the valid slugs")
            })
    void days(
            @Parameter(
                            description = "First day, yyyy-MM-dd (with to)",
                            schema = @Schema(format = "date"),
                            example = "2026-11-01")
                    @RequestParam(required = false)
                    String from,
            @Parameter(
                            description = "Last day, yyyy-MM-dd (with from)",
                            schema = @Schema(format = "date"),
                            example = "2026-11-29")
                    @RequestParam(required = false)
                    String to,
            @ParameterObject TopicQuery topics,
            @ParameterObject Selection selection,
            HttpServletRequest request,
            HttpServletResponse response)
            throws IOException {
        responses.serve(request, response, digests.days(from, to, topics.topic(), selection));
    }

    @GetMapping("/api/digests/{date}")
    @Operation(
            summary = "One day's digest",
            description = "The day's published articles in her2.digest.zone, newest first, with per-topic counts. "
                    + "A day without articles is an empty digest, not a 404. The shape is also published as a "
                    + "JSON Schema at /schemas/digest-v1.json.",
            responses = {
                @ApiResponse(
                        responseCode = "200",
                        description = "The digest",
                        content =
                                @Content(
                                        mediaType = "application/json",
                                        schema = @Schema(implementation = Digest.class))),
                @ApiResponse(responseCode = "304", description = "Not modified since the ETag or date sent"),
                @ApiResponse(responseCode = "400", description = "Not a date, or an unknown kind"),
                @ApiResponse(responseCode = "404", description = "Unknown topic; the detail lists the valid slugs")
            })
    void digest(
            @Parameter(
                            description = "The day, yyyy-MM-dd, in her2.digest.zone",
                            schema = @Schema(format = "date"),
                            example = "2026-11-25")
                    @PathVariable
                    String date,
            @ParameterObject TopicQuery topics,
            @ParameterObject Selection selection,
            HttpServletRequest request,
            HttpServletResponse response)
            throws IOException {
        responses.serve(request, response, digests.digest(date, topics.topic(), selection));
    }
}
