package org.her2feeds.fetch;

import java.net.URI;
import java.util.Objects;

/**
 * One fetch of a source's feed.
 *
 * @param sourceId     the source being fetched, for the caller's bookkeeping
 * @param url          http, https or file URL
 * @param etag         validator from the previous successful fetch, or null
 * @param lastModified Last-Modified value from the previous successful fetch (an HTTP date), or null
 */
public record FetchRequest(String sourceId, URI url, String etag, String lastModified) {

    public FetchRequest {
        Objects.requireNonNull(url, "url");
    }

    /** An unconditional fetch. */
    public static FetchRequest of(String sourceId, URI url) {
        return new FetchRequest(sourceId, url, null, null);
    }
}
