package org.her2feeds.fetch;

import java.net.URI;
import java.time.Duration;

/**
 * The source is unchanged since the validators in the request. {@code etag} and {@code lastModified} are the
 * server's updated validators, or the request's own when the 304 carried none.
 */
public record NotModified(
        URI finalUrl,
        Integer status,
        String etag,
        String lastModified,
        Duration maxAge,
        URI permanentRedirect,
        Duration elapsed)
        implements FetchResult {}
