package org.her2feeds.staticsite;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Where the static copy of the outputs goes ({@code her2.publish.*}; the render cache's settings share the prefix).
 *
 * @param dir folder to write static copies of the outputs to after each change; null (the default) for none; the
 *            links inside start with {@code her2.publish.base-url} ({@link org.her2feeds.http.RequestUrls#base})
 */
@Validated
@ConfigurationProperties("her2.publish")
record StaticSiteProperties(Path dir) {}
