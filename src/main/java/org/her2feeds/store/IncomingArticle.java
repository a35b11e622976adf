package org.her2feeds.store;

import java.util.List;
import tools.jackson.databind.json.JsonMapper;

/**
 * One item of a feed as it will be written, computed once before any database work: the bounded values, the
 * JSON columns, the identity keys and the content hash. Immutable, so a retried transaction starts from the same
 * values.
 *
 * @param given          the item as the caller gave it (for the log)
 * @param stored         the bounded item: every field fits its column ({@link ColumnLimits})
 * @param changes        what bounding changed
 * @param keys           the identity keys, strongest first, from what the feed said (a long GUID keeps its full
 *                       value, hashed)
 * @param authorsJson    the {@code authors} column
 * @param categoriesJson the {@code categories} column
 * @param taggingJson    the {@code tagging} column
 * @param contentHash    what tells a changed copy from an unchanged one
 */
record IncomingArticle(
        NewArticle given,
        NewArticle stored,
        List<String> changes,
        List<IdentityKey> keys,
        String authorsJson,
        String categoriesJson,
        String taggingJson,
        String contentHash) {

    static IncomingArticle of(ColumnLimits.Bounded bounded, JsonMapper json) {
        NewArticle item = bounded.stored();
        String authors = json.writeValueAsString(item.authors());
        String categories = json.writeValueAsString(item.categories());
        String tagging = bounded.taggingJson();
        return new IncomingArticle(
                bounded.original(),
                item,
                bounded.changes(),
                ArticleIdentity.keys(bounded.original()),
                authors,
                categories,
                tagging,
                contentHash(item, authors, categories, tagging));
    }

    /** Unchanged since the first stored article: a different hash would count every stored article as updated once. */
    private static String contentHash(NewArticle item, String authors, String categories, String tagging) {
        return org.her2feeds.Sha256.hex(String.join(
                "\u0000",
                String.valueOf(item.title()),
                String.valueOf(item.link()),
                String.valueOf(item.summaryHtml()),
                String.valueOf(item.publishedAt()),
                String.valueOf(item.doi()),
                String.valueOf(item.pmid()),
                item.contentText(),
                authors,
                categories,
                tagging));
    }

    boolean hasGuid() {
        return keys.stream().anyMatch(IdentityKey::isGuid);
    }

    /** The same item known by fewer keys (a generic link left out). */
    IncomingArticle withKeys(List<IdentityKey> fewer) {
        return new IncomingArticle(
                given, stored, changes, fewer, authorsJson, categoriesJson, taggingJson, contentHash);
    }
}
