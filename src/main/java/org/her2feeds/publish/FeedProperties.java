package org.her2feeds.publish;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * What the published feeds look like. ({@code her2.feed.size} and {@code max-limit} are the request limits of
 * every list output, see {@link org.her2feeds.http.RequestLimits}.)
 *
 * @param title the name the feeds and OPML lists are published under; per-topic feeds add the topic's label
 */
@Validated
@ConfigurationProperties("her2.feed")
public record FeedProperties(
        @NotBlank @DefaultValue("HER2 Feeds") String title,

        @NotBlank
        @DefaultValue("New research, trials, approvals and news about HER2 (ERBB2) and the drugs that target it.")
        String description) {}
