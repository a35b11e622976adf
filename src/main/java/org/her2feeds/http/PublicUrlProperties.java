package org.her2feeds.http;

import jakarta.validation.constraints.NotNull;
import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where readers reach the service ({@code her2.publish.base-url}; the cache and the static copy share the prefix).
 *
 * @param baseUrl the public root URL: every absolute link the outputs carry starts with it, served or static
 */
@Validated
@ConfigurationProperties("her2.publish")
record PublicUrlProperties(
        @NotNull @DefaultValue("http://localhost:8080") URI baseUrl) {}
