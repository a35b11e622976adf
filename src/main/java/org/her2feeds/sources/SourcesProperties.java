package org.her2feeds.sources;

import java.nio.file.Path;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/** Where the operator lists the sources. */
@Validated
@ConfigurationProperties("her2")
public record SourcesProperties(@NotNull @DefaultValue("feeds/sources.yml") Path sourcesFile) {
}
