package org.her2feeds.store;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The bound on one search's cost.
 *
 * @param maxResults how many matching articles one search ranks and pages through at most: the newest that many
 */
@Validated
@ConfigurationProperties("her2.search")
record SearchProperties(
        @Min(10) @Max(10000) @DefaultValue("1000") int maxResults) {

    static final SearchProperties DEFAULTS = new SearchProperties(1000);
}
