package org.her2feeds.ingest;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.her2feeds.Sha256;
import org.her2feeds.parse.ParsedEntry;
import org.her2feeds.sources.SourceKind;

/**
 * The fingerprint of an entry as the feed gave it, before any cleaning: every value the parser read from it, and
 * what else decides what it becomes (the base its links resolve against, the kind of the source carrying it). Two
 * fetches that give the same fingerprint make the same stored article, so the second need not clean, tag or write it.
 */
final class EntryFingerprint {

    /**
     * Changed whenever cleaning or mapping changes what an unchanged entry becomes, so that every entry is read
     * again once after such a release. (Changed topic rules need no bump: stored articles are re-tagged at start-up.)
     */
    private static final String PIPELINE_VERSION = "1";

    private static final char FIELD = '\u0000';
    private static final char ITEM = '\u0001';

    private EntryFingerprint() {}

    static String of(ParsedEntry entry, URI documentBase, SourceKind kind) {
        StringBuilder text = new StringBuilder(256);
        field(text, PIPELINE_VERSION);
        field(text, documentBase);
        field(text, kind == null ? null : kind.slug());
        field(text, entry.guid());
        field(text, entry.link());
        list(text, entry.xmlBases());
        field(text, entry.title());
        field(text, entry.summaryHtml());
        field(text, entry.contentHtml());
        list(text, entry.authors());
        list(text, entry.categories());
        field(text, entry.publishedAt());
        field(text, entry.updatedAt());
        field(text, entry.doi());
        field(text, entry.pmid());
        field(text, entry.enclosure());
        return Sha256.hex(text.toString());
    }

    /**
     * The fingerprint of a whole fetched document and what decides what its entries become: the same value means
     * the same entries, so the fetch need not even be parsed.
     *
     * @param content the parser's fingerprint of the document's content (blind to the feed-level dates publishers
     *                rewrite at every request), or empty: then the bytes themselves are compared
     */
    static String ofDocument(
            Optional<String> content, byte[] body, String contentType, URI documentUrl, SourceKind kind) {
        StringBuilder context = new StringBuilder(128);
        field(context, PIPELINE_VERSION);
        field(context, contentType);
        field(context, documentUrl);
        field(context, kind == null ? null : kind.slug());
        if (content.isPresent()) {
            field(context, "content");
            field(context, content.get());
            return Sha256.hex(context.toString());
        }
        field(context, "bytes");
        byte[] head = context.toString().getBytes(StandardCharsets.UTF_8);
        byte[] all = Arrays.copyOf(head, head.length + body.length);
        System.arraycopy(body, 0, all, head.length, body.length);
        return HexFormat.of().formatHex(Sha256.of(all));
    }

    private static void field(StringBuilder text, Object value) {
        // "null" and a missing value differ: a null is written as a lone separator.
        text.append(value == null ? "" : "=" + value).append(FIELD);
    }

    private static void list(StringBuilder text, List<String> values) {
        for (String value : values) {
            text.append(value).append(ITEM);
        }
        text.append(FIELD);
    }
}
