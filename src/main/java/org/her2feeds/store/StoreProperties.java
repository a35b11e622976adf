package org.her2feeds.store;

import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where the embedded database lives ({@link EmbeddedDatabaseLocation} turns it into the H2 URL unless the
 * operator set {@code spring.datasource.url}), and how often an instance looks for changes that other
 * instances of a cluster made to the archive.
 */
@Validated
@ConfigurationProperties("her2")
record StoreProperties(
        @NotNull @DefaultValue("data") Path dataDir,
        @NotNull @DefaultValue("2s") Duration changePollInterval) {}
