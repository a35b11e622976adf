package org.her2feeds.store;

import java.time.Instant;
import java.util.List;
import org.her2feeds.tagging.TaggingResult;

/**
 * One cleaned and tagged item of a feed, ready to be stored.
 *
 * @param link        the item's link, absolute and without tracking parameters; may be null
 * @param publishedAt     may be null when the feed gave no usable date
 * @param descriptionText the whole description as plain text (bounded), kept so that rules can read it again
 * @param contentText     the whole content as plain text (bounded), or "" when the feed gave none
 * @param fingerprint     the raw entry's fingerprint (see {@link KnownItems}), or null when the caller keeps none:
 *                        recorded so that the same raw entry fetched again is known without cleaning it
 */
public record NewArticle(
        String sourceId,
        String guid,
        String link,
        String title,
        String summaryHtml,
        String summaryText,
        List<String> authors,
        List<String> categories,
        Instant publishedAt,
        String doi,
        String pmid,
        TaggingResult tagging,
        String descriptionText,
        String contentText,
        String fingerprint) {}
