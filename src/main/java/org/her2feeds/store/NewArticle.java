package org.her2feeds.store;

import java.time.Instant;
import java.util.List;

import org.her2feeds.tagging.TaggingResult;

/**
 * One cleaned and tagged item of a feed, ready to be stored.
 *
 * @param link        the item's link, absolute and without tracking parameters; may be null
 * @param publishedAt may be null when the feed gave no usable date
 */
public record NewArticle(String sourceId, String guid, String link, String title, String summaryHtml,
        String summaryText, List<String> authors, List<String> categories, Instant publishedAt, String doi,
        String pmid, TaggingResult tagging) {
}
