package org.her2feeds.digest;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Supplier;
import org.her2feeds.http.InvalidRequestException;
import org.her2feeds.http.Rendered;
import org.her2feeds.query.ReaderFilters;
import org.her2feeds.query.Selection;
import org.her2feeds.store.ArticleFilter;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The digests as the JSON API serves them. Each method checks the request's parameters at once (cheap, no query),
 * so a bad request fails before the render cache is asked, and returns the rendering of the JSON, which runs only
 * when no current copy is cached.
 */
@Component
class DigestOutputs {

    private final DigestService digests;
    private final ReaderFilters filters;
    private final JsonMapper json;
    private final Clock clock;

    DigestOutputs(DigestService digests, ReaderFilters filters, JsonMapper json, Clock clock) {
        this.digests = digests;
        this.filters = filters;
        this.json = json;
        this.clock = clock;
    }

    /** Without {@code from} and {@code to}, the days that have articles; with both, a {@link DigestRange}. */
    Supplier<Rendered> days(String from, String to, List<String> topics, Selection selection) {
        if (from == null && to == null) {
            return () -> json(digests.days(), null);
        }
        if (from == null || from.isBlank() || to == null || to.isBlank()) {
            throw new InvalidRequestException(
                    "Give both from and to (yyyy-MM-dd, inclusive), or neither for the list of days.");
        }
        LocalDate first = ReaderFilters.day("from", from);
        LocalDate last = ReaderFilters.day("to", to);
        ArticleFilter filter = filter(topics, selection);
        return () -> {
            DigestRange range = digests.range(first, last, filter);
            return json(
                    range, range.updatedAt() == null ? null : range.updatedAt().toInstant());
        };
    }

    Supplier<Rendered> digest(String date, List<String> topics, Selection selection) {
        LocalDate day = ReaderFilters.day("date", date);
        ArticleFilter filter = filter(topics, selection);
        return () -> {
            Digest digest = digests.digest(day, filter);
            return json(
                    digest,
                    digest.updatedAt() == null ? null : digest.updatedAt().toInstant());
        };
    }

    private Rendered json(Object value, Instant lastModified) {
        return Rendered.of(
                json.writeValueAsBytes(value),
                MediaType.APPLICATION_JSON_VALUE,
                lastModified == null ? clock.instant() : lastModified);
    }

    private ArticleFilter filter(List<String> topics, Selection selection) {
        return new ArticleFilter(
                filters.topics(topics),
                filters.sourceIdsOfKinds(selection.kind()),
                null,
                null,
                null,
                filters.evidence(selection));
    }
}
