package org.her2feeds.testsupport;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Sources served by WireMock for an application under test: the feeds, the sources file listing them, and the
 * properties that point the application at both (with loopback allowed, since WireMock listens there), a fresh
 * data dir and, where a test needs them, its own topics file and further properties. The one place where the
 * full-context tests write their files and register their properties.
 */
public final class RemoteSources {

    private final WireMockServer server;
    private final Path dir;
    private final StringBuilder yaml = new StringBuilder("sources:\n");
    private final Map<String, String> properties = new LinkedHashMap<>();
    private String topics;

    /** Starts the server if needed; {@code dir} holds the sources file and the database. */
    public RemoteSources(WireMockServer server, Path dir) {
        if (!server.isRunning()) {
            server.start();
        }
        this.server = server;
        this.dir = dir;
    }

    /** Serves a test resource as a feed at {@code path}. */
    public RemoteSources serve(String path, String resource, String contentType) throws IOException {
        server.stubFor(get(path)
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", contentType)
                        .withBody(resource(resource))));
        return this;
    }

    /** The bytes of a test resource on the class path. */
    public static byte[] resource(String name) throws IOException {
        try (InputStream in = RemoteSources.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("no test resource " + name);
            }
            return in.readAllBytes();
        }
    }

    /**
     * Lists a source fetched from {@code path} on the server.
     *
     * @param kind     null to leave it out
     * @param interval null for the default interval
     */
    public RemoteSources add(String id, String title, String path, String kind, String interval) {
        yaml.append("  - id: ")
                .append(id)
                .append('\n')
                .append("    title: ")
                .append(title)
                .append('\n')
                .append("    url: \"")
                .append(server.baseUrl())
                .append(path)
                .append("\"\n");
        if (interval != null) {
            yaml.append("    interval: ").append(interval).append('\n');
        }
        if (kind != null) {
            yaml.append("    kind: ").append(kind).append('\n');
        }
        return this;
    }

    /** Uses these topic rules (a topics file's YAML) instead of the configured ones. */
    public RemoteSources topics(String rulesYaml) {
        this.topics = rulesYaml;
        return this;
    }

    /** Sets one more property of the application. */
    public RemoteSources property(String name, String value) {
        properties.put(name, value);
        return this;
    }

    /** No scheduled fetches: the test drives fetching itself. */
    public RemoteSources schedulerOff() {
        return property("spring.quartz.auto-startup", "false");
    }

    /** Writes the sources file and registers it, a fresh data dir, loopback access and the first-fetch window. */
    public void register(DynamicPropertyRegistry registry, Duration firstFetchWindow) throws IOException {
        property("her2.schedule.first-fetch-window", firstFetchWindow.toString());
        register(registry);
    }

    /** Writes the sources (and topics) file and registers them, a fresh data dir, loopback access and the rest. */
    public void register(DynamicPropertyRegistry registry) throws IOException {
        Path sources = dir.resolve("sources.yml");
        Files.writeString(sources, yaml);
        registry.add("her2.sources-file", sources::toString);
        if (topics != null) {
            Path file = dir.resolve("topics.yml");
            Files.writeString(file, topics);
            registry.add("her2.topics-file", file::toString);
        }
        registry.add("her2.data-dir", () -> dir.resolve("data").toString());
        registry.add("her2.fetch.allow-private-addresses", () -> "true");
        properties.forEach((name, value) -> registry.add(name, () -> value));
    }

    /** Topic rules under which any word starting with a letter or digit makes an article relevant. */
    public static String everythingRelevant() {
        StringBuilder terms = new StringBuilder();
        for (char c = 'a'; c <= 'z'; c++) {
            terms.append("    - ").append(c).append("*\n");
        }
        for (char c = '0'; c <= '9'; c++) {
            terms.append("    - \"").append(c).append("*\"\n");
        }
        return "relevance:\n  description: everything\n  terms:\n" + terms
                + "topics:\n  - slug: all\n    label: All\n    description: everything\n    terms:\n" + terms;
    }
}
