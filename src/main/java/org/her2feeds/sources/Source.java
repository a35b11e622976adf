package org.her2feeds.sources;

import java.net.URI;
import java.time.Duration;

/**
 * One configured feed.
 *
 * @param kind may be null when the operator did not say
 */
public record Source(String id, String title, URI url, Duration interval, boolean enabled, SourceKind kind) {

    public static final Duration DEFAULT_INTERVAL = Duration.ofMinutes(30);
    /** Polite floor for remote feeds; local snapshots may be read as often as wanted. */
    public static final Duration MINIMUM_HTTP_INTERVAL = Duration.ofMinutes(5);

    public boolean isRemote() {
        return isRemote(url);
    }

    /** Whether a URL is fetched over the network, whatever the case of its scheme. */
    public static boolean isRemote(URI url) {
        return "http".equalsIgnoreCase(url.getScheme()) || "https".equalsIgnoreCase(url.getScheme());
    }

    public String kindSlug() {
        return kind == null ? null : kind.slug();
    }
}
