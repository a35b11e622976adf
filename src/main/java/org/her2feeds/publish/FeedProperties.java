package org.her2feeds.publish;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * What the published feeds look like.
 *
 * @param size     how many articles a feed carries when the reader does not ask for a limit
 * @param maxLimit the largest {@code ?limit=} a reader may ask for
 */
@Validated
@ConfigurationProperties("her2.feed")
public record FeedProperties(@Min(1) @Max(1000) @DefaultValue("50") int size,
        @Min(1) @Max(5000) @DefaultValue("500") int maxLimit,
        @NotBlank @DefaultValue("HER2 Feeds") String title,
        @NotBlank @DefaultValue("New research, trials, approvals and news about HER2 (ERBB2) and the drugs that target it.") String description) {
}
