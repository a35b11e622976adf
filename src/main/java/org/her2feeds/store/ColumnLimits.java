package org.her2feeds.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.her2feeds.Sha256;
import org.her2feeds.tagging.Discount;
import org.her2feeds.tagging.TaggingResult;
import org.her2feeds.tagging.TermHit;
import org.her2feeds.tagging.TopicTag;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one place that knows how wide the columns are (V2__articles_and_sources.sql) and what to do with a value
 * that does not fit. Every value is bounded here before it reaches SQL, so an item can no longer fail a feed's
 * transaction with "value too long", and nothing is ever cut by the database itself.
 *
 * <p>The rules, by what a cut would do to the value:
 * <ul>
 * <li>text a reader sees (title, summary) is cut at a word boundary and ends with "…";</li>
 * <li>lists (authors, categories) keep their first entries; a cut author list ends with {@value #ET_AL};</li>
 * <li>a value that a cut would make wrong (a link, an ETag, Last-Modified, a redirect target, a DOI, a PubMed id)
 * is dropped: a truncated URL is a broken link and a truncated validator never matches;</li>
 * <li>a GUID keeps its identity from the full value (identity keys are hashes, see {@link ArticleIdentity}); the
 * stored form is its start plus the hash of the whole, so two long GUIDs with one start stay distinct;</li>
 * <li>the tagging explanation loses term hits (never topics or relevance) until its JSON fits.</li>
 * </ul>
 * Lengths are Java {@code char}s, which is at least the number of characters PostgreSQL and H2 count. Text is
 * also made storable: NUL is removed (PostgreSQL refuses it in text) and lone surrogates (which UTF-8 cannot
 * encode; the driver would silently turn them into "?") become U+FFFD. Other control characters are storable and
 * left to the outputs, which each deal with them for their format.
 */
final class ColumnLimits {

    static final int TITLE = 2000;
    static final int GUID = 2000;
    static final int URL = 4000;
    static final int SUMMARY_HTML = 200_000;
    static final int SUMMARY_TEXT = 2000;
    static final int AUTHORS_JSON = 4000;
    static final int CATEGORIES_JSON = 8000;
    static final int DOI = 300;
    static final int PMID = 20;
    static final int TAGGING_JSON = 20_000;
    /** The text relevance read (V5__article_full_text.sql), kept so rules can read it again. */
    static final int READ_TEXT = 20_000;

    static final int DISCOUNTED_KEPT = 20;
    static final int SOURCE_URL = 2000;
    static final int ETAG = 1000;
    static final int LAST_MODIFIED = 100;
    static final int LAST_ERROR = 1000;
    static final int DISABLED_REASON = 200;

    /** Appended to a cut author list, so a reader knows there were more (the usual citation convention). */
    static final String ET_AL = "et al.";
    /** One name or category never takes a whole column: a single entry is cut at this many characters. */
    static final int LIST_ENTRY = 500;
    /**
     * The earliest date the timestamp columns hold on both databases. Which dates are plausible is decided once, by
     * the parser ({@code parse.DatePolicy}); this only keeps out what a column cannot represent, whoever the caller.
     */
    static final Instant EARLIEST_DATE = Instant.parse("0001-01-01T00:00:00Z");

    private static final String ELLIPSIS = "…";

    private ColumnLimits() {}

    /**
     * The form of an item that fits the article columns, or the reason it cannot be stored at all.
     *
     * @param original what the caller gave: the identity keys are computed from it (full GUID, full link)
     * @param stored   what is written: every field within its column
     * @param changes  what bounding changed, for the log ("title cut", "link dropped (5000 chars)")
     * @param rejection why the item cannot be stored; null when it can
     */
    record Bounded(NewArticle original, NewArticle stored, List<String> changes, String rejection, String taggingJson) {

        Bounded(NewArticle original, NewArticle stored, List<String> changes, String rejection) {
            this(original, stored, changes, rejection, null);
        }
    }

    /** A tagging as stored, with its JSON: writing it once serves both the length check and the column. */
    private record FittedTagging(TaggingResult tagging, String json) {}

    static Bounded article(NewArticle item, JsonMapper json) {
        List<String> changes = new ArrayList<>();
        String title = storable(item.title());
        if (title == null || title.isBlank()) {
            return new Bounded(item, null, changes, "no title");
        }
        if (item.tagging() == null) {
            return new Bounded(item, null, changes, "not tagged");
        }
        String cutTitle = cut(title.strip(), TITLE);
        note(changes, "title", title.strip(), cutTitle);
        String guid = boundGuid(item.guid());
        note(changes, "guid", item.guid(), guid);
        String link = dropIfLonger(storable(item.link()), URL);
        if (link == null && item.link() != null) {
            changes.add("link dropped (" + item.link().length() + " chars)");
        }
        String text = cut(nonNull(storable(item.summaryText())), SUMMARY_TEXT);
        note(changes, "summary text", nonNull(item.summaryText()), text);
        String html = nonNull(storable(item.summaryHtml()));
        if (html.length() > SUMMARY_HTML) {
            // Cutting markup could leave an open tag or attribute; the plain text, escaped, is always well-formed.
            html = text.isEmpty() ? "" : "<p>" + escapeHtml(text) + "</p>";
            changes.add(
                    "summary HTML replaced by its text (" + item.summaryHtml().length() + " chars)");
        } else {
            note(changes, "summary HTML", nonNull(item.summaryHtml()), html);
        }
        List<String> authors = boundList(item.authors(), AUTHORS_JSON, ET_AL, json);
        note(changes, "authors", item.authors() == null ? List.of() : item.authors(), authors);
        List<String> categories = boundList(item.categories(), CATEGORIES_JSON, null, json);
        note(changes, "categories", item.categories() == null ? List.of() : item.categories(), categories);
        // Only a DOI in the parser's normal form is kept (ArticleIdentity.doi checks the shape, it does not repair).
        String doi = ArticleIdentity.doi(storable(item.doi()));
        if (doi != null && doi.length() > DOI) {
            doi = null;
        }
        if (doi == null && item.doi() != null && !item.doi().isBlank()) {
            changes.add("DOI dropped (unusable)");
        }
        String pmid = ArticleIdentity.normalisePmid(item.pmid());
        if (pmid == null && item.pmid() != null && !item.pmid().isBlank()) {
            changes.add("PubMed id dropped (unusable)");
        }
        Instant published =
                item.publishedAt() != null && item.publishedAt().isBefore(EARLIEST_DATE) ? null : item.publishedAt();
        if (published == null && item.publishedAt() != null) {
            changes.add("publication date dropped (" + item.publishedAt() + ")");
        }
        FittedTagging fitted = fitTagging(item.tagging(), json);
        TaggingResult tagging = fitted == null ? null : fitted.tagging();
        if (tagging == null) {
            return new Bounded(item, null, changes, "tagging explanation too large even without term hits");
        }
        if (!tagging.equals(item.tagging())) {
            changes.add("tagging term hits cut");
        }
        NewArticle stored = new NewArticle(
                item.sourceId(),
                guid,
                link,
                cutTitle,
                html,
                text,
                authors,
                categories,
                published,
                doi,
                pmid,
                tagging,
                hardCut(nonNull(storable(item.descriptionText())), READ_TEXT),
                hardCut(nonNull(storable(item.contentText())), READ_TEXT),
                item.fingerprint());
        return new Bounded(item, stored, List.copyOf(changes), null, fitted.json());
    }

    /** A GUID as stored: whole when it fits; otherwise its start, "…#" and the SHA-256 of the whole value. */
    static String boundGuid(String guid) {
        String clean = storable(guid);
        if (clean == null || clean.length() <= GUID) {
            return clean;
        }
        String hash = Sha256.hex(guid);
        return clean.substring(0, safeEnd(clean, GUID - hash.length() - 2)) + ELLIPSIS + "#" + hash;
    }

    /** Text cut at a word boundary (when there is one in the last fifth) with "…"; unchanged when it fits. */
    static String cut(String text, int max) {
        if (text == null || text.length() <= max) {
            return text;
        }
        int end = safeEnd(text, max - ELLIPSIS.length());
        int space = lastWhitespace(text, end);
        if (space > max * 4 / 5) {
            end = space;
        }
        return text.substring(0, end).stripTrailing() + ELLIPSIS;
    }

    /** A value a cut would make wrong: kept whole, or dropped. */
    static String dropIfLonger(String value, int max) {
        return value == null || value.length() > max ? null : value;
    }

    /**
     * Removes NUL, which PostgreSQL refuses in text, and turns lone surrogates, which UTF-8 cannot encode, into U+FFFD.
     */
    static String storable(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String replacement = null;
            if (c == '\u0000') {
                replacement = "";
            } else if (Character.isHighSurrogate(c)) {
                if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    if (out != null) {
                        out.append(c).append(text.charAt(i + 1));
                    }
                    i++;
                    continue;
                }
                replacement = "\uFFFD";
            } else if (Character.isLowSurrogate(c)) {
                replacement = "\uFFFD";
            }
            if (replacement != null && out == null) {
                out = new StringBuilder(text.length()).append(text, 0, i);
            }
            if (out != null) {
                out.append(replacement != null ? replacement : String.valueOf(c));
            }
        }
        return out == null ? text : out.toString();
    }

    /**
     * The first entries of a list whose JSON fits {@code maxJson}; with {@code marker}, a cut list ends with it.
     * Each entry is made storable, cut to {@link #LIST_ENTRY} characters, and empty entries are left out.
     */
    static List<String> boundList(List<String> values, int maxJson, String marker, JsonMapper json) {
        if (values == null || values.isEmpty()) {
            return List.of();
        }
        List<String> entries = new ArrayList<>(values.size());
        for (String value : values) {
            String entry = cut(storable(value), LIST_ENTRY);
            if (entry != null && !entry.isBlank()) {
                entries.add(entry);
            }
        }
        if (json.writeValueAsString(entries).length() <= maxJson) {
            return List.copyOf(entries);
        }
        int reserve = marker == null ? 0 : json.writeValueAsString(marker).length() + 1;
        int length = 2; // the brackets
        List<String> kept = new ArrayList<>();
        for (String entry : entries) {
            int add = json.writeValueAsString(entry).length() + (kept.isEmpty() ? 0 : 1);
            if (length + add + reserve > maxJson) {
                break;
            }
            kept.add(entry);
            length += add;
        }
        if (marker != null) {
            kept.add(marker);
        }
        return List.copyOf(kept);
    }

    /**
     * The tagging as stored: term hits are dropped from the end of each list (relevance first, then topics from the
     * last) until the JSON fits. Relevance and the topics themselves are decisions and are always kept; null when
     * even they do not fit.
     */
    static TaggingResult boundTagging(TaggingResult tagging, JsonMapper json) {
        FittedTagging fitted = fitTagging(tagging, json);
        return fitted == null ? null : fitted.tagging();
    }

    private static FittedTagging fitTagging(TaggingResult tagging, JsonMapper json) {
        TaggingResult clean = storable(tagging);
        TaggingResult whole = clean.equals(tagging) ? tagging : clean;
        String wholeJson = json.writeValueAsString(whole);
        if (wholeJson.length() <= TAGGING_JSON) {
            return new FittedTagging(whole, wholeJson);
        }
        List<TermHit> relevance = new ArrayList<>(clean.relevanceHits());
        List<List<TermHit>> matched = new ArrayList<>();
        clean.topics().forEach(topic -> matched.add(new ArrayList<>(topic.matched())));
        while (true) {
            TaggingResult candidate = withHits(clean, relevance, matched);
            String candidateJson = json.writeValueAsString(candidate);
            if (candidateJson.length() <= TAGGING_JSON) {
                return new FittedTagging(candidate, candidateJson);
            }
            List<TermHit> longest = relevance;
            for (List<TermHit> hits : matched) {
                if (hits.size() > longest.size()) {
                    longest = hits;
                }
            }
            if (longest.isEmpty()) {
                return null;
            }
            // Halving the longest list keeps the first hits (the order the tagger found them) and needs few rounds.
            longest.subList(longest.size() / 2, longest.size()).clear();
        }
    }

    private static TaggingResult withHits(TaggingResult tagging, List<TermHit> relevance, List<List<TermHit>> matched) {
        List<TopicTag> topics = new ArrayList<>();
        for (int i = 0; i < tagging.topics().size(); i++) {
            TopicTag topic = tagging.topics().get(i);
            topics.add(new TopicTag(topic.slug(), topic.label(), matched.get(i)));
        }
        return new TaggingResult(tagging.relevant(), relevance, tagging.discounted(), topics, tagging.evidence());
    }

    private static TaggingResult storable(TaggingResult tagging) {
        // A text full of "HER2-negative" would list hundreds of discounted mentions; the first few are the evidence.
        List<Discount> discounted = tagging.discounted().stream()
                .limit(DISCOUNTED_KEPT)
                .map(d -> new Discount(
                        cut(storable(d.term()), LIST_ENTRY),
                        storable(d.field()),
                        cut(storable(d.qualifier()), LIST_ENTRY)))
                .toList();
        return new TaggingResult(
                tagging.relevant(),
                hits(tagging.relevanceHits()),
                discounted,
                tagging.topics().stream()
                        .map(topic ->
                                new TopicTag(storable(topic.slug()), storable(topic.label()), hits(topic.matched())))
                        .toList(),
                // Bounded by the tagger: names from the rules files and at most a few dozen registry ids.
                tagging.evidence());
    }

    private static List<TermHit> hits(List<TermHit> hits) {
        return hits.stream()
                .map(hit -> new TermHit(cut(storable(hit.term()), LIST_ENTRY), storable(hit.field())))
                .toList();
    }

    /** Text that is read, not shown, needs no ellipsis: cut at the limit, never inside a surrogate pair. */
    private static String hardCut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, safeEnd(text, max));
    }

    private static String escapeHtml(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;");
    }

    /** An end index that does not split a surrogate pair. */
    private static int safeEnd(String text, int end) {
        return end > 0 && Character.isHighSurrogate(text.charAt(end - 1)) ? end - 1 : end;
    }

    private static int lastWhitespace(String text, int before) {
        for (int i = before - 1; i >= 0; i--) {
            if (Character.isWhitespace(text.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    private static String nonNull(String text) {
        return text == null ? "" : text;
    }

    private static void note(List<String> changes, String field, Object before, Object after) {
        if (!java.util.Objects.equals(before, after)) {
            changes.add(field + " bounded");
        }
    }
}
