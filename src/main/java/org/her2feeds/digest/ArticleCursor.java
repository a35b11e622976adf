package org.her2feeds.digest;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import org.her2feeds.http.InvalidRequestException;
import org.her2feeds.store.ArticleFilter;

/**
 * The opaque {@code cursor} of the article list: the position of the last article of a page in the list's order
 * (filing time, then id; in a search, the relevance rank first). A position, unlike an offset, does not move when
 * newer articles arrive.
 */
final class ArticleCursor {

    private ArticleCursor() {}

    static String encode(ArticleFilter.Position position) {
        String text = position.sortAt() + " " + position.id() + (position.rank() == null ? "" : " " + position.rank());
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * @param search whether the request searches (has {@code q}): a search's cursor carries a rank, a plain list's
     *     does not, and one is no place in the other's order
     */
    static ArticleFilter.Position decode(String cursor, boolean search) {
        ArticleFilter.Position position = parse(cursor);
        if (position != null && (position.rank() != null) != search) {
            throw new InvalidRequestException("cursor '" + cursor + "' belongs to a list "
                    + (search ? "without" : "with") + " q: pass the nextCursor of the previous page together with the "
                    + "same parameters.");
        }
        if (position == null) {
            throw new InvalidRequestException("cursor '" + cursor + "' is not one this service issued: pass the "
                    + "nextCursor of the previous page unchanged, or leave it out for the first page.");
        }
        return position;
    }

    private static ArticleFilter.Position parse(String cursor) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split(" ", -1);
            if (parts.length == 2 || parts.length == 3) {
                Instant sortAt = Instant.parse(parts[0]);
                if (!parts[1].isEmpty()) {
                    return parts.length == 2
                            ? new ArticleFilter.Position(sortAt, parts[1])
                            : new ArticleFilter.Position(Float.valueOf(parts[2]), sortAt, parts[1]);
                }
            }
        } catch (IllegalArgumentException | DateTimeParseException malformed) {
            // reported by the caller
        }
        return null;
    }
}
