package org.her2feeds.tagging;

import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param topicsFile   the relevance and topic rules ({@code her2.topics-file}); a relative path is resolved
 *                     against the working directory
 * @param evidenceFile publication types, drugs and curated trials ({@code her2.evidence-file}), same syntax
 */
@Validated
@ConfigurationProperties("her2")
record TaggingProperties(
        @NotNull @DefaultValue("config/topics.yml") Path topicsFile,
        @NotNull @DefaultValue("config/evidence.yml") Path evidenceFile) {}
