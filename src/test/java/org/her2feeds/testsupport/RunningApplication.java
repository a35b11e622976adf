package org.her2feeds.testsupport;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import org.her2feeds.ingest.IngestService;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole application on a random port, as the full-context tests run it: a temporary folder for its files and
 * database, a client for its port, and the beans most of these tests drive. A subclass keeps what is its own:
 * its {@link StubServer} and a {@code @DynamicPropertySource} that points the application at it and at
 * {@link #work} through {@link RemoteSources}.
 */
// The application writes into the temporary folder (database, search index on a background thread) until it
// closes: close it with its class, before JUnit deletes that folder.
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class RunningApplication {

    /** A fresh folder for each test class (JUnit sets this static field before the class's context starts). */
    @TempDir
    protected static Path work;

    @LocalServerPort
    protected int port;

    @Autowired
    protected IngestService ingest;

    @Autowired
    protected JsonMapper json;

    protected final HttpClient http = HttpClient.newHttpClient();

    /** A request to this application. */
    protected HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
    }
}
