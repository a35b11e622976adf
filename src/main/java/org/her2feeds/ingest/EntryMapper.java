package org.her2feeds.ingest;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.her2feeds.clean.CleanSummary;
import org.her2feeds.clean.ContentCleaner;
import org.her2feeds.parse.ParsedEntry;
import org.her2feeds.parse.ParsedFeed;
import org.her2feeds.sources.SourceKind;
import org.her2feeds.store.KnownItems;
import org.her2feeds.store.NewArticle;
import org.her2feeds.tagging.TaggableText;
import org.her2feeds.tagging.Tagger;

/** Turns one parsed entry into a cleaned, tagged article, or nothing when it has nothing to show. */
final class EntryMapper {

    private static final int TITLE_FROM_TEXT = 120;
    /**
     * Entries to clean and tag from which a feed's are spread over the cores (the common fork-join pool): a first
     * fetch or a backlog of hundreds; a handful of new entries costs less than handing them out.
     */
    private static final int PARALLEL_FROM = 32;

    private final ContentCleaner cleaner;
    private final Tagger tagger;

    EntryMapper(ContentCleaner cleaner, Tagger tagger) {
        this.cleaner = cleaner;
        this.tagger = tagger;
    }

    /**
     * The URI that the feed's relative references start from: the document's own URL when it was fetched over
     * http(s); otherwise (a file source) the feed's site link, since a file path is nothing a reader can open.
     */
    URI documentBase(ParsedFeed feed, URI documentUrl) {
        if (documentUrl != null
                && ("http".equals(documentUrl.getScheme()) || "https".equals(documentUrl.getScheme()))) {
            return documentUrl;
        }
        URI feedBase = cleaner.base(null, feed.xmlBases()).orElse(null);
        return feed.link() == null
                ? feedBase
                : cleaner.link(feed.link(), feedBase).orElse(feedBase);
    }

    /**
     * The first {@code maxItems} entries of a feed fetched from {@code documentUrl}, in document order (feeds list
     * their newest first), that the store does not already hold as they are, as articles carrying their raw
     * fingerprints; entries with nothing to show, entries past the cap and known entries are counted.
     *
     * @param known asked once with the fingerprints of the entries read; says which the store holds as they are
     */
    Mapped mapAll(
            String sourceId,
            SourceKind kind,
            ParsedFeed feed,
            URI documentUrl,
            int maxItems,
            Function<List<String>, KnownItems> known) {
        URI base = documentBase(feed, documentUrl);
        List<ParsedEntry> entries = feed.entries();
        int overCap = Math.max(0, entries.size() - maxItems);
        List<ParsedEntry> read = entries.subList(0, entries.size() - overCap);
        List<String> fingerprints = read.stream()
                .map(entry -> EntryFingerprint.of(entry, base, kind))
                .toList();
        KnownItems stored = known.apply(fingerprints);
        String kindSlug = kind == null ? null : kind.slug();
        List<Integer> unknown = IntStream.range(0, fingerprints.size())
                .filter(i -> !stored.isKnown(fingerprints.get(i)))
                .boxed()
                .toList();
        IntStream indexes = IntStream.range(0, unknown.size());
        if (unknown.size() >= PARALLEL_FROM && Runtime.getRuntime().availableProcessors() > 1) {
            // Cleaning and tagging one entry touches nothing another entry does; the order is kept below.
            indexes = indexes.parallel();
        }
        List<Optional<NewArticle>> mapped = indexes.mapToObj(n -> {
                    int i = unknown.get(n);
                    return map(sourceId, kindSlug, read.get(i), base, fingerprints.get(i));
                })
                .toList();
        List<NewArticle> articles = mapped.stream().flatMap(Optional::stream).toList();
        int rejected = mapped.size() - articles.size();
        int skipped = fingerprints.size() - unknown.size();
        return new Mapped(articles, rejected, skipped, stored, overCap);
    }

    /**
     * A feed's articles to store, how many of its entries had nothing to show, how many were skipped as unchanged
     * since the store holds them as they are ({@code known}), and how many were past the cap.
     */
    record Mapped(List<NewArticle> articles, int rejected, int skipped, KnownItems known, int overCap) {

        long withoutLink() {
            return articles.stream().filter(a -> a.link() == null).count();
        }

        /** Among the articles read this time: a skipped entry was counted when it was read. */
        int irrelevant() {
            return (int) articles.stream().filter(a -> !a.tagging().relevant()).count();
        }
    }

    /**
     * @param sourceKind  the source's kind slug, or null: publication types partly depend on it
     * @param fingerprint the raw entry's fingerprint, by which a later fetch recognises it unchanged; null when the
     *                    entry is mapped outside a fetch
     */
    Optional<NewArticle> map(
            String sourceId, String sourceKind, ParsedEntry entry, URI documentBase, String fingerprint) {
        URI base = cleaner.base(documentBase, entry.xmlBases()).orElse(null);
        URI link = cleaner.link(entry.link(), base)
                .or(() -> guidAsLink(entry.guid(), base))
                .or(() -> identifierLink(entry))
                .or(() -> cleaner.link(entry.enclosure(), base))
                .orElse(null);
        CleanSummary summary = cleaner.summary(entry.summaryHtml(), link != null && base == null ? link : base);
        String contentText = cleaner.fullText(entry.contentHtml());
        String title = cleaner.plainText(entry.title());
        if (title.isEmpty()) {
            // Some feeds (microblogs, registries) send untitled items; the start of the text stands in.
            title = shorten(summary.text().isEmpty() ? contentText : summary.text());
        }
        if (title.isEmpty() && link == null) {
            return Optional.empty();
        }
        if (title.isEmpty()) {
            title = link.toString();
        }
        List<String> authors = entry.authors().stream()
                .map(cleaner::plainText)
                .filter(s -> !s.isEmpty())
                .distinct()
                .toList();
        List<String> categories = entry.categories().stream()
                .map(cleaner::plainText)
                .filter(s -> !s.isEmpty())
                .distinct()
                .toList();
        TaggableText text = new TaggableText(
                title, summary.fullText(), contentText, categories, sourceKind, link == null ? null : link.toString());
        return Optional.of(new NewArticle(
                sourceId,
                entry.guid(),
                link == null ? null : link.toString(),
                title,
                summary.html(),
                summary.text(),
                authors,
                categories,
                publicationDate(entry),
                entry.doi(),
                entry.pmid(),
                tagger.tag(text),
                text.summary(),
                text.content(),
                fingerprint));
    }

    /** Atom entries often carry only {@code <updated>}; readers take it as the date, and so does the digest. */
    private static Instant publicationDate(ParsedEntry entry) {
        return entry.publishedAt() != null ? entry.publishedAt() : entry.updatedAt();
    }

    /** RSS GUIDs are often the permalink even when no link element is given. */
    private Optional<URI> guidAsLink(String guid, URI base) {
        if (guid == null || !(guid.startsWith("http://") || guid.startsWith("https://"))) {
            return Optional.empty();
        }
        return cleaner.link(guid, base);
    }

    /**
     * With no usable link, the resolver of the article's DOI, else its PubMed record, is where readers go; the
     * media file of a podcast episode without a page comes last.
     */
    private Optional<URI> identifierLink(ParsedEntry entry) {
        if (entry.doi() != null) {
            return cleaner.link("https://doi.org/" + entry.doi(), null);
        }
        if (entry.pmid() != null) {
            return cleaner.link("https://pubmed.ncbi.nlm.nih.gov/" + entry.pmid() + "/", null);
        }
        return Optional.empty();
    }

    private static String shorten(String text) {
        if (text.length() <= TITLE_FROM_TEXT) {
            return text;
        }
        int cut = text.lastIndexOf(' ', TITLE_FROM_TEXT);
        return text.substring(0, cut > 40 ? cut : TITLE_FROM_TEXT) + "…";
    }
}
