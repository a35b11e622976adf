package org.her2feeds.parse;

import java.time.Instant;
import java.util.List;

/**
 * One item or entry of a feed, with its values as the feed gave them (nothing is cleaned or resolved here).
 *
 * @param guid        the RSS guid, the RDF item's {@code rdf:about} or the Atom id; null when absent
 * @param link        the item's link exactly as written (may be relative); null when absent
 * @param xmlBases    the {@code xml:base} values in force at the link (or the item), outermost first, as written
 * @param title       the title as written; may contain markup or entities
 * @param summaryHtml the description, or the content when there is no description; null when neither exists
 * @param contentHtml the full content ({@code content:encoded}, Atom content) when it differs from
 *                    {@code summaryHtml}; null otherwise. Often the description is a teaser and this the text.
 * @param authors     author names in document order, without duplicates
 * @param categories  category names in document order, without duplicates
 * @param publishedAt when the item was published; null when missing, unreadable or before 1990. A date in the
 *                    future is given as stated: the store decides whether it is used
 * @param updatedAt   when the item was last updated, with the same rules; null when absent
 * @param doi         the article's DOI in lower case (e.g. "10.1056/nejmoa2203690"), or null
 * @param pmid        the article's PubMed id (digits), or null
 * @param enclosure   the media file the item carries (a podcast's audio), as written; null when none
 */
public record ParsedEntry(
        String guid,
        String link,
        List<String> xmlBases,
        String title,
        String summaryHtml,
        String contentHtml,
        List<String> authors,
        List<String> categories,
        Instant publishedAt,
        Instant updatedAt,
        String doi,
        String pmid,
        String enclosure) {

    public ParsedEntry {
        xmlBases = List.copyOf(xmlBases);
        authors = List.copyOf(authors);
        categories = List.copyOf(categories);
    }
}
