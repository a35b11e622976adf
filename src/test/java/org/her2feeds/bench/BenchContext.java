package org.her2feeds.bench;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.her2feeds.Her2FeedsApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** The real application, started for a benchmark: no scheduler firing, quiet logs, data under target/. */
final class BenchContext {

    private BenchContext() {}

    static Map<String, Object> properties(Path sourcesFile, Path dataDir) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("her2.sources-file", sourcesFile.toAbsolutePath().toString());
        p.put("her2.data-dir", dataDir.toAbsolutePath().toString());
        p.put("spring.quartz.auto-startup", "false");
        p.put("spring.main.banner-mode", "off");
        p.put("logging.level.root", "WARN");
        // One line per source and pass would drown the table; errors still show.
        p.put("logging.level.org.her2feeds", "WARN");
        return p;
    }

    static Map<String, Object> postgres(Map<String, Object> p, String database) {
        p.put("spring.datasource.url", "jdbc:postgresql://127.0.0.1:5432/" + database);
        p.put("spring.datasource.username", "postgres");
        p.put("spring.datasource.password", "");
        return p;
    }

    static ConfigurableApplicationContext start(Map<String, Object> properties, boolean web) {
        // As command-line arguments: they outrank ./config/application.yml, which default properties do not.
        String[] args = properties.entrySet().stream()
                .map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        return new SpringApplicationBuilder(Her2FeedsApplication.class)
                .web(web ? WebApplicationType.SERVLET : WebApplicationType.NONE)
                .run(args);
    }
}
