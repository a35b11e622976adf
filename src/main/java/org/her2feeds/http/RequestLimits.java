package org.her2feeds.http;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.stereotype.Component;
import org.springframework.validation.annotation.Validated;

/**
 * The {@code ?limit=} every list output accepts (feeds, the article list): a default when absent, a 400 outside the
 * bounds.
 */
@Component
public class RequestLimits {

    private final Properties properties;

    RequestLimits(Properties properties) {
        this.properties = properties;
    }

    /**
     * How many articles a reader gets.
     *
     * @throws InvalidRequestException naming the bounds when the requested number is outside them
     */
    public int limit(Integer requested) {
        if (requested == null) {
            return properties.size();
        }
        if (requested < 1 || requested > properties.maxLimit()) {
            throw new InvalidRequestException(
                    "limit must be between 1 and " + properties.maxLimit() + ", not " + requested + ".");
        }
        return requested;
    }

    /**
     * The bounds, under {@code her2.feed} with the feeds' look (title, description) for historical reasons.
     *
     * @param size     how many articles a feed or page carries when the reader does not ask for a limit
     * @param maxLimit the largest {@code ?limit=} a reader may ask for
     */
    @Validated
    @ConfigurationProperties("her2.feed")
    record Properties(
            @Min(1) @Max(1000) @DefaultValue("50") int size,
            @Min(1) @Max(5000) @DefaultValue("500") int maxLimit) {}
}
