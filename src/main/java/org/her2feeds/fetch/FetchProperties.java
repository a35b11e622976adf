package org.her2feeds.fetch;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * How feeds are fetched: timeouts, body cap, identification, politeness per host and SSRF protection.
 *
 * @param connectTimeout        time allowed to open a TCP/TLS connection
 * @param totalTimeout          deadline for the whole fetch: waiting for a host slot, every redirect hop and the body
 * @param maxBodySize           cap on the body, applied to the bytes on the wire and again after decompression
 * @param userAgent             sent with every request so publishers can identify and contact us
 * @param maxConcurrentPerHost  requests to one host name that may be in flight at once
 * @param allowPrivateAddresses lets sources point at loopback/private/link-local hosts (tests, intranets only)
 * @param maxRedirects          redirect hops followed before giving up
 */
@ConfigurationProperties("her2.fetch")
@Validated
record FetchProperties(
        @NotNull @DurationMin(millis = 1) @DefaultValue("10s")
        Duration connectTimeout,

        @NotNull @DurationMin(millis = 1) @DefaultValue("60s")
        Duration totalTimeout,

        @NotNull @DefaultValue("10MB") DataSize maxBodySize,

        @NotBlank @DefaultValue("HER2Feeds/0.1 (+https://github.com/her2feeds)")
        String userAgent,

        @Min(1) @DefaultValue("2") int maxConcurrentPerHost,
        @DefaultValue("false") boolean allowPrivateAddresses,
        @Min(0) @Max(20) @DefaultValue("5") int maxRedirects) {}
