package org.her2feeds.digest;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import org.her2feeds.http.InvalidRequestException;
import org.her2feeds.store.ArticleFilter;

/**
 * The opaque {@code cursor} of the article list: the position of the last article of a page in the newest-first
 * order (filing time, then id). A position, unlike an offset, does not move when newer articles arrive.
 */
final class ArticleCursor {

    private ArticleCursor() {}

    static String encode(ArticleFilter.Position position) {
        String text = position.sortAt() + " " + position.id();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    static ArticleFilter.Position decode(String cursor) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            int space = text.indexOf(' ');
            if (space > 0 && space < text.length() - 1) {
                return new ArticleFilter.Position(Instant.parse(text.substring(0, space)), text.substring(space + 1));
            }
        } catch (IllegalArgumentException | DateTimeParseException malformed) {
            // reported below
        }
        throw new InvalidRequestException("cursor '" + cursor + "' is not one this service issued: pass the nextCursor "
                + "of the previous page unchanged, or leave it out for the first page.");
    }
}
