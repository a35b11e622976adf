package org.her2feeds.store;

import java.nio.file.Path;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Points the data source at an H2 file under {@code her2.data-dir} when no URL is configured. Done here rather
 * than with a placeholder in YAML because H2 refuses implicitly relative file URLs and an absolute data dir
 * must not be prefixed with {@code ./}: the path is resolved to an absolute one first.
 */
public class EmbeddedDatabaseLocation implements EnvironmentPostProcessor, Ordered {

    static final String H2_OPTIONS = ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (environment.containsProperty("spring.datasource.url")) {
            return;
        }
        String dataDir = environment.getProperty("her2.data-dir", "data");
        Path file = Path.of(dataDir).toAbsolutePath().normalize().resolve("her2");
        environment.getPropertySources().addLast(new MapPropertySource("her2-embedded-database",
                Map.of("spring.datasource.url", "jdbc:h2:file:" + file + H2_OPTIONS,
                        "spring.datasource.username", "sa")));
    }

    @Override
    public int getOrder() {
        // After the config files are read, so her2.data-dir from config/application.yml is seen.
        return Ordered.LOWEST_PRECEDENCE;
    }
}
