package org.her2feeds.tagging;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * What a correction, retraction, expression of concern or withdrawal notice is about: the article it names by DOI,
 * by PubMed id or, failing both, by title.
 *
 * @param kind  {@code retraction}, {@code correction}, {@code concern} or {@code withdrawal}
 * @param title the title of the article concerned, as the notice gives it; null when it gives none
 */
public record Notice(
        String kind,
        List<String> dois,
        List<String> pmids,
        @Schema(nullable = true) String title) {

    public static final String RETRACTION = "retraction";
    public static final String CORRECTION = "correction";
    public static final String CONCERN = "concern";
    public static final String WITHDRAWAL = "withdrawal";

    public Notice {
        dois = dois == null ? List.of() : List.copyOf(dois);
        pmids = pmids == null ? List.of() : List.copyOf(pmids);
    }
}
