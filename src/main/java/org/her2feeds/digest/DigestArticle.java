package org.her2feeds.digest;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.OffsetDateTime;
import java.util.List;
import org.her2feeds.sources.SourceKind;
import org.her2feeds.tagging.Discount;
import org.her2feeds.tagging.DrugMention;
import org.her2feeds.tagging.PublicationType;
import org.her2feeds.tagging.TermHit;
import org.her2feeds.tagging.TrialMention;

/**
 * An article in a digest.
 *
 * @param id          stable; the same as the feeds' GUID
 * @param summary     plain text, at most 500 characters
 * @param summaryHtml the sanitised HTML summary
 * @param publishedAt null when the source gave no usable date (the article is filed by {@code firstSeenAt})
 * @param updatedAt   when the stored article last changed
 * @param relevance   why the article was judged to be about HER2
 * @param type        what kind of article it is (one of the types of config/evidence.yml), with what decided it
 * @param entities    the trials and HER2-directed drugs it names
 * @param status      null unless a correction, retraction or expression of concern names the article
 */
public record DigestArticle(
        String id,
        String title,
        @Schema(nullable = true) String url,
        String summary,
        String summaryHtml,
        @Schema(nullable = true) OffsetDateTime publishedAt,
        OffsetDateTime firstSeenAt,
        OffsetDateTime updatedAt,
        List<Topic> topics,
        List<SourceRef> sources,
        List<String> authors,
        @Schema(nullable = true) String doi,
        @Schema(nullable = true) String pmid,
        Relevance relevance,

        @Schema(
                nullable = true,
                description = "null only for an article stored before publication types existed, until the "
                        + "archive is re-evaluated at the next start")
        PublicationType type,

        Entities entities,

        @Schema(
                nullable = true,
                description = "set when a notice names the article: retracted (also a withdrawn preprint), "
                        + "concern (expression of concern) or corrected")
        Status status) {

    /**
     * What a notice made of the article, and the notice to read.
     *
     * @param noticeUrl the notice's link; null when it has none
     */
    public record Status(
            @Schema(allowableValues = {"retracted", "concern", "corrected"})
            String kind,

            String noticeId,
            @Schema(nullable = true) String noticeUrl,
            String noticeTitle) {}

    /** The trials and drugs an article names; empty lists when none. */
    public record Entities(List<TrialMention> trials, List<DrugMention> drugs) {}

    /**
     * The evidence for the relevance decision: the terms that made the article relevant, each with the field it
     * was found in (title, summary, content, category), and the HER2 mentions that were discounted as negative
     * descriptors, with the qualifier that cancelled each.
     */
    public record Relevance(List<TermHit> terms, List<Discount> discounted) {}

    /** A topic of the article, with the terms that put it there: the explanation a reader or operator can check. */
    public record Topic(String slug, String label, List<TermHit> matched) {}

    /**
     * A source the article came from; the source whose copy is shown comes first.
     *
     * @param link the article's link at this source (each source's own copy); null when it gave none
     */
    public record SourceRef(
            String id,
            String title,

            @Schema(
                    nullable = true,
                    implementation = SourceKind.class,
                    description = "null when the source is no longer configured")
            String kind,

            @Schema(nullable = true) String link) {}
}
