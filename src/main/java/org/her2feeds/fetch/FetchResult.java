package org.her2feeds.fetch;

import java.net.URI;
import java.time.Duration;

/** What a fetch produced. Remote problems are results ({@link Failed}), never exceptions. */
public sealed interface FetchResult permits Fetched, NotModified, Failed {

    /** The URL the result came from, after redirects (the URL that failed, for {@link Failed}). */
    URI finalUrl();

    /** HTTP status of the last response; file: results carry 200 or 304; null when no response arrived. */
    Integer status();

    /**
     * The final URL when at least one redirect was followed and every hop was 301 or 308, so the caller
     * may update the source's address; null otherwise.
     */
    URI permanentRedirect();

    /** Wall time the fetch took, including waiting for a slot on the host. */
    Duration elapsed();
}
