package org.her2feeds.digest;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.her2feeds.publish.CachedResponses;
import org.her2feeds.publish.InvalidRequestException;
import org.her2feeds.publish.ReaderFilters;
import org.her2feeds.publish.RenderCache;
import org.her2feeds.publish.Rendered;
import org.her2feeds.publish.RequestUrls;
import org.her2feeds.store.ArticleFilter;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import tools.jackson.databind.json.JsonMapper;

/**
 * The portal's JSON digests by day. Rendered once per change of the archive and served with validators, so
 * the portal's polls cost a lookup.
 */
@RestController
@Tag(name = "Digests", description = "Published articles by day, as the portal builds its pages from them.")
public class DigestController {

    private final DigestService digests;
    private final ReaderFilters filters;
    private final RenderCache cache;
    private final CachedResponses responses;
    private final JsonMapper json;
    private final Clock clock;

    public DigestController(DigestService digests, ReaderFilters filters, RenderCache cache, CachedResponses responses,
            JsonMapper json, Clock clock) {
        this.digests = digests;
        this.filters = filters;
        this.cache = cache;
        this.responses = responses;
        this.json = json;
        this.clock = clock;
    }

    @GetMapping("/api/digests")
    @Operation(summary = "The days that have articles, with counts; or, with from and to, each day's digest",
            description = "Without parameters: every day with published articles, newest first. With from and to "
                    + "(inclusive, at most " + DigestService.MAX_RANGE_DAYS + " days): a DigestRange with one digest per day.",
            responses = {
                    @ApiResponse(responseCode = "200", description = "Days, or a range of digests", content = @Content(
                            mediaType = "application/json", array = @ArraySchema(schema = @Schema(implementation = DayEntry.class)))),
                    @ApiResponse(responseCode = "200 (range)", description = "With from and to", content = @Content(
                            mediaType = "application/json", schema = @Schema(implementation = DigestRange.class))),
                    @ApiResponse(responseCode = "400", description = "A bad date, only one of from/to, or a range that is too long")})
    public void days(@Parameter(description = "First day, yyyy-MM-dd", example = "2026-11-01") @RequestParam(required = false) String from,
            @Parameter(description = "Last day, yyyy-MM-dd", example = "2026-11-29") @RequestParam(required = false) String to,
            @Parameter(description = "Topic slugs, any of them (range only)", example = "adc") @RequestParam(required = false) List<String> topic,
            @Parameter(description = "Source kinds, any of them (range only)", example = "journal") @RequestParam(required = false) List<String> kind,
            HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (from == null && to == null) {
            send(request, response, () -> json(digests.days(), null));
            return;
        }
        if (from == null || to == null) {
            throw new InvalidRequestException("Give both from and to (yyyy-MM-dd, inclusive), or neither for the list of days.");
        }
        LocalDate first = day("from", from);
        LocalDate last = day("to", to);
        ArticleFilter filter = filter(topic, kind);
        send(request, response, () -> {
            DigestRange range = digests.range(first, last, filter);
            return json(range, range.updatedAt() == null ? null : range.updatedAt().toInstant());
        });
    }

    @GetMapping("/api/digests/{date}")
    @Operation(summary = "One day's digest", description = "The day's published articles, newest first, with topic counts.",
            responses = {
                    @ApiResponse(responseCode = "200", content = @Content(mediaType = "application/json",
                            schema = @Schema(implementation = Digest.class))),
                    @ApiResponse(responseCode = "304", description = "Not modified since the ETag or date sent"),
                    @ApiResponse(responseCode = "400", description = "Not a date, or an unknown kind"),
                    @ApiResponse(responseCode = "404", description = "Unknown topic")})
    public void digest(@Parameter(description = "The day, yyyy-MM-dd, in her2.digest.zone", example = "2026-11-25") @PathVariable String date,
            @Parameter(description = "Topic slugs, any of them", example = "adc") @RequestParam(required = false) List<String> topic,
            @Parameter(description = "Source kinds, any of them", example = "journal,preprint") @RequestParam(required = false) List<String> kind,
            HttpServletRequest request, HttpServletResponse response) throws IOException {
        LocalDate day = day("date", date);
        ArticleFilter filter = filter(topic, kind);
        send(request, response, () -> {
            Digest digest = digests.digest(day, filter);
            return json(digest, digest.updatedAt() == null ? null : digest.updatedAt().toInstant());
        });
    }

    private void send(HttpServletRequest request, HttpServletResponse response,
            java.util.function.Supplier<Rendered> render) throws IOException {
        responses.send(request, response, cache.get(RequestUrls.self(request), render));
    }

    private Rendered json(Object value, Instant lastModified) {
        return Rendered.of(json.writeValueAsBytes(value), MediaType.APPLICATION_JSON_VALUE,
                lastModified == null ? clock.instant() : lastModified);
    }

    private ArticleFilter filter(List<String> topic, List<String> kind) {
        return new ArticleFilter(filters.topics(topic), filters.sourceIdsOfKinds(kind), null, null, null);
    }

    static LocalDate day(String parameter, String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new InvalidRequestException(parameter + " '" + text + "' is not a date: use yyyy-MM-dd, for example 2026-11-29.");
        }
    }
}
