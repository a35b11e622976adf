package org.her2feeds.digest;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * The digests of consecutive days, newest first, every day of the range included (empty days with no articles).
 *
 * @param from      the oldest day included: the asked-for first day, or a later one when the articles of the asked-for
 *                  range exceed the cap of one response
 * @param updatedAt the latest {@code updatedAt} of its days; null when every day is empty
 * @param complete  false when the response stops before the asked-for first day (see {@code nextTo})
 * @param nextTo    when not complete, the {@code to} of the next request (same {@code from}); else null
 */
record DigestRange(
        int schemaVersion,
        LocalDate from,
        LocalDate to,
        String zone,
        @Schema(nullable = true) OffsetDateTime updatedAt,
        List<Digest> digests,
        boolean complete,
        @Schema(nullable = true) LocalDate nextTo) {}
