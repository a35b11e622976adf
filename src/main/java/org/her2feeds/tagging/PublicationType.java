package org.her2feeds.tagging;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * What kind of article it is, from the closed vocabulary of the evidence file, with what decided it.
 *
 * @param slug       e.g. {@code trial-result}, {@code approval}, {@code notice}
 * @param matched    the terms that decided it, with their field; empty when the source's kind or the default did
 * @param sourceKind the source kind the type's rule required, when one did; null otherwise
 */
public record PublicationType(
        String slug,
        String label,
        List<TermHit> matched,
        @Schema(nullable = true) String sourceKind) {

    public PublicationType {
        matched = matched == null ? List.of() : List.copyOf(matched);
    }
}
