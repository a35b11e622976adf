package org.her2feeds.sources;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Optional;

/** What kind of publisher a source is; shown on each article so readers can weigh it. */
public enum SourceKind {
    JOURNAL,
    PREPRINT,
    REGISTRY,
    REGULATOR,
    NEWS,
    PATIENT;

    /** The lower-case name used in files, URLs and JSON (and the enum the API description lists). */
    @JsonValue
    public String slug() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** Every kind's slug, for messages that list the valid ones: "journal, preprint, …". */
    public static String slugs() {
        return String.join(", ", Arrays.stream(values()).map(SourceKind::slug).toList());
    }

    public static Optional<SourceKind> fromSlug(String slug) {
        return Arrays.stream(values()).filter(kind -> kind.slug().equals(slug)).findFirst();
    }
}
