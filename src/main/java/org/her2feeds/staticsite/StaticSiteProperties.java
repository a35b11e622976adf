package org.her2feeds.staticsite;

import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where the static copy of the outputs goes ({@code her2.publish.*}; the render cache's settings share the prefix).
 *
 * @param dir     folder to write static copies of the outputs to after each change; null (the default) for none
 * @param baseUrl the public root URL written into static copies (they have no request to take it from)
 */
@Validated
@ConfigurationProperties("her2.publish")
record StaticSiteProperties(
        Path dir,
        @NotNull @DefaultValue("http://localhost:8080") URI baseUrl) {}
