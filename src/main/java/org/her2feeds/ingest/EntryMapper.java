package org.her2feeds.ingest;

import java.net.URI;
import java.util.List;
import java.util.Optional;

import org.her2feeds.clean.CleanSummary;
import org.her2feeds.clean.ContentCleaner;
import org.her2feeds.parse.ParsedEntry;
import org.her2feeds.store.NewArticle;
import org.her2feeds.tagging.TaggableText;
import org.her2feeds.tagging.Tagger;

/** Turns one parsed entry into a cleaned, tagged article, or nothing when it has nothing to show. */
final class EntryMapper {

    private static final int TITLE_FROM_TEXT = 120;

    private final ContentCleaner cleaner;
    private final Tagger tagger;

    EntryMapper(ContentCleaner cleaner, Tagger tagger) {
        this.cleaner = cleaner;
        this.tagger = tagger;
    }

    Optional<NewArticle> map(String sourceId, ParsedEntry entry, URI feedUrl) {
        URI link = cleaner.link(entry.link(), feedUrl)
                .or(() -> guidAsLink(entry.guid(), feedUrl))
                .orElse(null);
        URI base = link != null ? link : feedUrl;
        CleanSummary summary = cleaner.summary(entry.summaryHtml(), base);
        String title = cleaner.plainText(entry.title());
        if (title.isEmpty()) {
            // Some feeds (microblogs, registries) send untitled items; the start of the text stands in.
            title = shorten(summary.text());
        }
        if (title.isEmpty() && link == null) {
            return Optional.empty();
        }
        if (title.isEmpty()) {
            title = link.toString();
        }
        List<String> authors = entry.authors().stream().map(cleaner::plainText).filter(s -> !s.isEmpty()).distinct().toList();
        List<String> categories = entry.categories().stream().map(cleaner::plainText).filter(s -> !s.isEmpty()).distinct().toList();
        var tagging = tagger.tag(new TaggableText(title, summary.text(), categories));
        return Optional.of(new NewArticle(sourceId, entry.guid(), link == null ? null : link.toString(), title,
                summary.html(), summary.text(), authors, categories, publicationDate(entry), entry.doi(), entry.pmid(), tagging));
    }

    /** Atom entries often carry only {@code <updated>}; readers take it as the date, and so does the digest. */
    private static java.time.Instant publicationDate(ParsedEntry entry) {
        return entry.publishedAt() != null ? entry.publishedAt() : entry.updatedAt();
    }

    /** RSS GUIDs are often the permalink even when no link element is given. */
    private Optional<URI> guidAsLink(String guid, URI feedUrl) {
        if (guid == null || !(guid.startsWith("http://") || guid.startsWith("https://"))) {
            return Optional.empty();
        }
        return cleaner.link(guid, feedUrl);
    }

    private static String shorten(String text) {
        if (text.length() <= TITLE_FROM_TEXT) {
            return text;
        }
        int cut = text.lastIndexOf(' ', TITLE_FROM_TEXT);
        return text.substring(0, cut > 40 ? cut : TITLE_FROM_TEXT) + "…";
    }
}
