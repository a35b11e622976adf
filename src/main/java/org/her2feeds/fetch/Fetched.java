package org.her2feeds.fetch;

import java.net.URI;
import java.time.Duration;

/**
 * A body was received.
 *
 * @param body         the decompressed body; its charset is left to the parser (see {@code contentType})
 * @param contentType  Content-Type header as sent, or null
 * @param etag         ETag to send as If-None-Match next time, or null
 * @param lastModified Last-Modified to send as If-Modified-Since next time, or null
 * @param maxAge       Cache-Control max-age, or null
 */
public record Fetched(
        URI finalUrl,
        Integer status,
        byte[] body,
        String contentType,
        String etag,
        String lastModified,
        Duration maxAge,
        URI permanentRedirect,
        Duration elapsed)
        implements FetchResult {

    @Override
    public String toString() {
        return "Fetched[" + finalUrl + ", status=" + status + ", " + body.length + " bytes, contentType="
                + contentType + ", etag=" + etag + ", lastModified=" + lastModified + ", maxAge=" + maxAge
                + ", permanentRedirect=" + permanentRedirect + ", elapsed=" + elapsed + "]";
    }
}
