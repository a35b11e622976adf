package org.her2feeds.testsupport;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.net.URI;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The WireMock server of a test class, with its lifecycle in one place: started before the class (or earlier, by
 * whoever needs it first, such as a test context's {@code @DynamicPropertySource}), stopped after it, and for
 * tests that stub per test, reset before each. Register it as a static field:
 * {@code @RegisterExtension static final StubServer remote = StubServer.perTest();}
 */
public final class StubServer extends WireMockServer
        implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback {

    private final boolean resetBeforeEach;

    private StubServer(WireMockConfiguration options, boolean resetBeforeEach) {
        super(options);
        this.resetBeforeEach = resetBeforeEach;
    }

    /** Stubs set once for the whole class; like a real server, it gzips a response when the client accepts it. */
    public static StubServer perClass() {
        return perClass(options().dynamicPort());
    }

    /**
     * Stubs set once for the whole class, gzip off: what a stub serves is exactly what the fetcher receives (each
     * stub decides its own Content-Encoding).
     */
    public static StubServer perClassAsStubbed() {
        return perClass(options().dynamicPort().gzipDisabled(true));
    }

    /** Stubs set once for the whole class, on a server configured as given. */
    public static StubServer perClass(WireMockConfiguration options) {
        return new StubServer(options, false);
    }

    /** Stubs and request journal cleared before each test; gzip off. */
    public static StubServer perTest() {
        return new StubServer(options().dynamicPort().gzipDisabled(true), true);
    }

    /**
     * As {@link #perTest()}, with an HTTPS port (a self-signed certificate) beside the HTTP one. WireMock's
     * {@code baseUrl()} and {@code url()} then give HTTPS addresses; {@link #uri(String)} stays on HTTP.
     */
    public static StubServer perTestWithHttps() {
        return new StubServer(options().dynamicPort().dynamicHttpsPort().gzipDisabled(true), true);
    }

    /** Starts the server unless it runs already. */
    public StubServer started() {
        if (!isRunning()) {
            start();
        }
        return this;
    }

    /** An HTTP address on this server under the host name {@code localhost}. */
    public URI uri(String path) {
        return URI.create("http://localhost:" + port() + path);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        started();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (resetBeforeEach) {
            resetAll();
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        stop();
    }
}
