package org.her2feeds.digest;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How much one {@code /api/digests?from=&to=} response may carry.
 *
 * @param maxArticles articles per response; a longer range is answered in pages of whole days
 */
@Validated
@ConfigurationProperties("her2.digest.range")
record DigestRangeProperties(@Min(1) @DefaultValue("1000") int maxArticles) {}
