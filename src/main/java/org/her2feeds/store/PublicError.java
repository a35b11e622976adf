package org.her2feeds.store;

import java.util.Map;

/**
 * What the public may read of a source's last error: its category and a fixed sentence. The recorded error
 * ("Category: detail") can hold internal DNS answers, addresses, URLs with credentials or SQL; it stays in the
 * log and the admin API.
 */
public final class PublicError {

    private static final Map<String, String> WORDS = Map.ofEntries(
            Map.entry("Timeout", "no complete answer within the time limit"),
            Map.entry("UnknownHost", "the host name could not be resolved"),
            Map.entry("ForbiddenAddress", "the source's address is not allowed"),
            Map.entry("ConnectError", "could not connect"),
            Map.entry("Tls", "the secure connection failed"),
            Map.entry("Io", "the connection failed"),
            Map.entry("BodyTooLarge", "the feed is larger than the size limit"),
            Map.entry("ContentEncoding", "the response's compression could not be read"),
            Map.entry("RedirectLoop", "the redirects go round in a loop"),
            Map.entry("TooManyRedirects", "too many redirects"),
            Map.entry("BadRedirect", "a redirect could not be followed"),
            Map.entry("UnsupportedScheme", "the URL cannot be fetched"),
            Map.entry("BadUrl", "the URL cannot be fetched"),
            Map.entry("FileNotFound", "the file is missing"),
            Map.entry("NotAFile", "not a regular file"),
            Map.entry("Interrupted", "the fetch was interrupted"),
            Map.entry("FeedParseException", "the document is not a readable feed"));

    private PublicError() {}

    /** @param recorded the recorded error, "Category: detail"; @param status the last HTTP status, or null */
    public static String of(String recorded, Integer status) {
        if (recorded == null || recorded.isBlank()) {
            return null;
        }
        int colon = recorded.indexOf(':');
        String category =
                colon < 0 ? recorded.strip() : recorded.substring(0, colon).strip();
        if (category.equals("HttpStatus")) {
            return status == null ? "HttpStatus: the server refused" : "HttpStatus: the server answered HTTP " + status;
        }
        String words = WORDS.get(category);
        return words == null ? "Internal: the source could not be processed" : category + ": " + words;
    }
}
