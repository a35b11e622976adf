package org.her2feeds.tagging;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A clinical trial an article names, by registry id, by acronym from the curated list, or both.
 *
 * @param id      the registry id (NCT01234567, EU CT 2023-501234-12-00, EudraCT 2015-001234-56, ISRCTN…), or null
 *                when only an acronym without a known id was named
 * @param acronym the trial's name from the curated list (e.g. DESTINY-Breast09), or null
 * @param url     the trial's page in its registry, or null without an id
 */
public record TrialMention(
        @Schema(nullable = true) String id,
        @Schema(nullable = true) String acronym,
        @Schema(nullable = true) String url) {}
