package org.her2feeds.digest;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * The digests of consecutive days, newest first, every day of the range included (empty days with no articles).
 *
 * @param updatedAt the latest {@code updatedAt} of its days; null when every day is empty
 */
public record DigestRange(
        int schemaVersion,
        LocalDate from,
        LocalDate to,
        String zone,
        @Schema(nullable = true) OffsetDateTime updatedAt,
        List<Digest> digests) {}
