package org.her2feeds.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.zip.GZIPOutputStream;
import org.her2feeds.Sha256;

/**
 * An output rendered once, with everything a response needs precomputed: the gzip body (compressing per
 * request costs 20-40x the rest of the response), and strong validators derived from the bytes.
 *
 * @param etag         strong ETag of the identity encoding, quoted
 * @param gzipEtag     strong ETag of the gzip encoding (a different representation must have a different strong ETag)
 * @param lastModified when the content last changed, to the second (the precision of HTTP dates)
 * @param route        the URL pattern it was rendered for ("/topics/{slug}/feed.xml"), or null before it is cached
 */
public record Rendered(
        byte[] body,
        byte[] gzip,
        String contentType,
        String etag,
        String gzipEtag,
        Instant lastModified,
        String route) {

    public static Rendered of(byte[] body, String contentType, Instant lastModified) {
        String hash = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(Sha256.of(body))
                .substring(0, 27);
        return new Rendered(
                body,
                gzip(body),
                contentType,
                '"' + hash + '"',
                "\"" + hash + "-gz\"",
                lastModified.truncatedTo(ChronoUnit.SECONDS),
                null);
    }

    /** The same output, remembered as rendered for this URL pattern. */
    Rendered routed(String pattern) {
        return new Rendered(body, gzip, contentType, etag, gzipEtag, lastModified, pattern);
    }

    /** Memory held by this output, for the cache's budget. */
    public long size() {
        return body.length + gzip.length + 200L;
    }

    private static byte[] gzip(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length / 4 + 64);
        try (GZIPOutputStream gz = new GZIPOutputStream(out, 8192)) {
            gz.write(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
