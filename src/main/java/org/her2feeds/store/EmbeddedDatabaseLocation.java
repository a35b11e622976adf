package org.her2feeds.store;

import java.nio.file.Path;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Points the data source at an H2 file under {@code her2.data-dir} when no URL is configured. A placeholder in
 * YAML cannot do it: H2 refuses implicitly relative file URLs, and an absolute data dir must not be prefixed with
 * {@code ./}, so the path is made absolute first. Done when the data source settings are built, so every
 * property source (command line, environment, tests) has been seen.
 */
@Component
class EmbeddedDatabaseLocation implements BeanPostProcessor, EnvironmentAware {

    /**
     * {@code AUTO_COMPACT_FILL_RATE=50}: at H2's default (90) its background writer keeps the file about nine tenths
     * full while writes go on, by copying the live pages out of every chunk that writes left below that. Ingest
     * writes at random places of indexes keyed by hashes, so into a large archive each feed leaves a little dead
     * space in many old chunks, and keeping them full rewrote pages of the whole file: in a profile of ingest into
     * 250,000 articles the background writer took 17 % of the CPU. At 50 the file is compacted when idle and may
     * hold up to twice its live data meanwhile (README, "Ingest into a large archive, profiled").
     *
     * <p>{@code QUERY_CACHE_SIZE=64}: H2 keeps the parsed and planned statements of a connection by their text, 8 by
     * default, the least recently used dropped first. Storing one feed runs about twenty-five different statements
     * in turn, so with 8 none was ever found again and each was parsed and planned anew: 5 % of storing's CPU in a
     * profile of the benchmark's stage split (src/test/bench/RESULTS.md, "Ingest, storing's statements and
     * summaries").
     */
    static final String H2_OPTIONS = ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;"
            + "AUTO_COMPACT_FILL_RATE=50;QUERY_CACHE_SIZE=64";

    private static final String OBJECT_CACHE = "h2.objectCache";

    private Environment environment;

    @Override
    public void setEnvironment(Environment environment) {
        this.environment = environment;
    }

    @Override
    public Object postProcessBeforeInitialization(Object bean, String beanName) {
        if (bean instanceof DataSourceProperties properties && properties.getUrl() == null) {
            withoutValueCache();
            properties.setUrl(h2Url(environment.getProperty("her2.data-dir", "data")));
            if (properties.getUsername() == null) {
                properties.setUsername("sa");
            }
        }
        return bean;
    }

    /**
     * Turns off H2's cache of values ({@code h2.objectCache}), unless the JVM was started with a choice, before H2
     * first reads its settings (when the pool opens). The cache hashes every string of up to 4,096 characters H2
     * reads from a page, to share equal ones, and H2 reads every row of each page it visits: in a profile of
     * uncached digests at 400,000 articles it held 11.6 % of the request thread's CPU samples, for rows mostly of
     * other days. Nothing depends on the sharing; the values are the same.
     */
    static void withoutValueCache() {
        if (System.getProperty(OBJECT_CACHE) == null) {
            System.setProperty(OBJECT_CACHE, "false");
        }
    }

    static String h2Url(String dataDir) {
        return "jdbc:h2:file:" + Path.of(dataDir).toAbsolutePath().normalize().resolve("her2") + H2_OPTIONS;
    }
}
