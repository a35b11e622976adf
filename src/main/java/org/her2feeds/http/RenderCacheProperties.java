package org.her2feeds.http;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * How many rendered outputs are kept in memory ({@code her2.publish.cache-*}; the static copy's settings share the
 * prefix).
 *
 * @param cacheEntries the most rendered outputs kept in memory (each filter combination is one)
 * @param cacheSize    the most memory those outputs may hold, plain and gzip bodies together
 */
@Validated
@ConfigurationProperties("her2.publish")
record RenderCacheProperties(
        @Min(1) @Max(100_000) @DefaultValue("256") int cacheEntries,
        @NotNull @DefaultValue("64MB") DataSize cacheSize) {}
