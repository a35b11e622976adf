package org.her2feeds.sources;

import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where the operator lists the sources.
 *
 * @param minimumHttpInterval the shortest interval accepted for http sources: publishers expect no more than a
 *                            poll every few minutes. Lowered only by tests that watch a cluster over seconds.
 */
@Validated
@ConfigurationProperties("her2")
public record SourcesProperties(
        @NotNull @DefaultValue("feeds/sources.yml") Path sourcesFile,

        @NotNull @DurationMin(seconds = 1) @DefaultValue("5m")
        Duration minimumHttpInterval) {}
