package org.her2feeds.publish;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The WebSub hub the published feeds advertise and notify of their changes ({@code her2.publish.websub.*}).
 *
 * @param hub        the hub's URL, e.g. {@code https://pubsubhubbub.appspot.com/}; absent (the default): no hub is
 *                   advertised and nothing is sent
 * @param timeout    how long one notification may take, connecting included
 * @param attempts   how many times a notification the hub did not accept is sent, the first time included
 * @param retryDelay the wait before the second attempt, doubled before each further one
 */
@Validated
@ConfigurationProperties("her2.publish.websub")
record WebSubProperties(
        URI hub,

        @NotNull @DurationMin(millis = 1) @DefaultValue("10s")
        Duration timeout,

        @Min(1) @Max(10) @DefaultValue("3") int attempts,

        @NotNull @DurationMin(millis = 1) @DefaultValue("30s")
        Duration retryDelay) {

    WebSubProperties {
        if (hub != null && hub.toString().isBlank()) {
            hub = null;
        }
        if (hub != null && !isHttpUrl(hub)) {
            throw new IllegalArgumentException(
                    "her2.publish.websub.hub must be an absolute http or https URL, not '" + hub + "'");
        }
    }

    boolean enabled() {
        return hub != null;
    }

    /** An absolute http(s) URL naming a host: what a hub's address and a feed's self link must be. */
    static boolean isHttpUrl(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null;
    }
}
