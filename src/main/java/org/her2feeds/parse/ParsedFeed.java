package org.her2feeds.parse;

import java.util.List;

/**
 * A feed as read from one fetched document.
 *
 * @param title      the feed's title, or null
 * @param link       the feed's web page as written (may be relative), or null
 * @param xmlBases   the {@code xml:base} values in force at the feed's element, outermost first
 * @param format     Rome's name for the format, e.g. "rss_2.0", "rss_1.0", "atom_1.0"
 * @param ttlMinutes how long the publisher asks readers to wait between fetches (RSS {@code <ttl>} or
 *                   {@code sy:updatePeriod}/{@code sy:updateFrequency}), or null when it says nothing
 * @param entries    the items in document order; empty for a feed with no items
 * @param repaired   true when the document was not well-formed XML and had to be repaired before reading
 */
public record ParsedFeed(
        String title,
        String link,
        List<String> xmlBases,
        String format,
        Integer ttlMinutes,
        List<ParsedEntry> entries,
        boolean repaired) {

    public ParsedFeed {
        xmlBases = List.copyOf(xmlBases);
        entries = List.copyOf(entries);
    }
}
