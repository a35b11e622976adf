package org.her2feeds.publish;

import java.net.URI;
import java.nio.file.Path;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * How outputs are kept and published.
 *
 * @param dir          folder to write static copies of the outputs to after each change; null (the default) for none
 * @param baseUrl      the public root URL written into static copies (they have no request to take it from)
 * @param cacheEntries the most rendered outputs kept in memory (each filter combination is one)
 * @param cacheSize    the most memory those outputs may hold, plain and gzip bodies together
 */
@Validated
@ConfigurationProperties("her2.publish")
public record PublishProperties(Path dir,
        @NotNull @DefaultValue("http://localhost:8080") URI baseUrl,
        @Min(1) @Max(100_000) @DefaultValue("256") int cacheEntries,
        @NotNull @DefaultValue("64MB") DataSize cacheSize) {
}
