package org.her2feeds.testsupport;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import com.github.tomakehurst.wiremock.WireMockServer;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Sources served by WireMock for an application under test: the feeds, the sources file listing them, and the
 * properties that point the application at both (with loopback allowed, since WireMock listens there).
 */
public final class RemoteSources {

    private final WireMockServer server;
    private final Path dir;
    private final StringBuilder yaml = new StringBuilder("sources:\n");

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
        try (InputStream in = RemoteSources.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("no test resource " + resource);
            }
            server.stubFor(get(path).willReturn(aResponse().withStatus(200).withHeader("Content-Type", contentType)
                    .withBody(in.readAllBytes())));
        }
        return this;
    }

    /**
     * Lists a source fetched from {@code path} on the server.
     *
     * @param kind     null to leave it out
     * @param interval null for the default interval
     */
    public RemoteSources add(String id, String title, String path, String kind, String interval) {
        yaml.append("  - id: ").append(id).append('\n')
                .append("    title: ").append(title).append('\n')
                .append("    url: ").append(server.baseUrl()).append(path).append('\n');
        if (interval != null) {
            yaml.append("    interval: ").append(interval).append('\n');
        }
        if (kind != null) {
            yaml.append("    kind: ").append(kind).append('\n');
        }
        return this;
    }

    /** Writes the sources file and registers it, a fresh data dir, loopback access and the first-fetch window. */
    public void register(DynamicPropertyRegistry registry, Duration firstFetchWindow) throws IOException {
        Path sources = dir.resolve("sources.yml");
        Files.writeString(sources, yaml);
        registry.add("her2.sources-file", sources::toString);
        registry.add("her2.data-dir", () -> dir.resolve("data").toString());
        registry.add("her2.fetch.allow-private-addresses", () -> "true");
        registry.add("her2.schedule.first-fetch-window", firstFetchWindow::toString);
    }
}
