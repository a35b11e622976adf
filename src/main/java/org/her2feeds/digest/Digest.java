package org.her2feeds.digest;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * One day's published articles, newest first, as the portal reads them.
 *
 * @param updatedAt when the day's articles last changed (late articles can join a past day); null for an empty day
 * @param topics    article count per topic slug, in the order of {@code topics.yml}
 * @param stories   the stories (articles from several sources that report one event) that one of the day's
 *                  articles belongs to, newest coverage first
 */
public record Digest(
        int schemaVersion,
        LocalDate date,
        String zone,
        OffsetDateTime generatedAt,
        @Schema(nullable = true) OffsetDateTime updatedAt,
        int count,
        Map<String, Long> topics,
        List<DigestArticle> articles,
        List<StoryView> stories) {

    public static final int SCHEMA_VERSION = 1;
}
