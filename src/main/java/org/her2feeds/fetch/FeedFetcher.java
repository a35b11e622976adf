package org.her2feeds.fetch;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import javax.net.ssl.SSLException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.stereotype.Component;

/**
 * Fetches feeds over http(s) and from {@code file:} URLs, defensively: every redirect hop is checked against
 * the SSRF address policy, the whole fetch has one deadline that includes the body, bodies are capped after
 * decompression, and each host gets only a few concurrent requests. Remote problems come back as
 * {@link Failed}; this class does not throw for them.
 */
@Component
public class FeedFetcher implements AutoCloseable {

    static final String ACCEPT =
            "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.8, */*;q=0.5";
    static final String ACCEPT_ENCODING = "gzip, deflate";

    private final FetchProperties props;
    private final AddressPolicy addressPolicy;
    private final HostPermits hostPermits;
    private final Clock clock;
    private final HttpClient client;
    private final ScheduledThreadPoolExecutor deadlineTimer;
    private final BodyReader bodyReader;
    private final FileFetcher fileFetcher;

    /** @param clock the present, against which a Retry-After date is read */
    @Autowired
    public FeedFetcher(FetchProperties props, Clock clock) {
        this(
                props,
                AddressPolicy.of(props.allowPrivateAddresses()),
                new HostPermits(props.maxConcurrentPerHost()),
                clock);
    }

    FeedFetcher(FetchProperties props, AddressPolicy addressPolicy, HostPermits hostPermits, Clock clock) {
        this.props = props;
        this.addressPolicy = addressPolicy;
        this.hostPermits = hostPermits;
        this.clock = clock;
        this.client = HttpClient.newBuilder()
                .connectTimeout(props.connectTimeout())
                // Followed by hand so each hop passes the address policy and counts toward the limits.
                .followRedirects(HttpClient.Redirect.NEVER)
                // HTTP/1.1: the client's h2c upgrade attempt on plain http upsets some old feed servers.
                .version(HttpClient.Version.HTTP_1_1)
                .build();
        this.deadlineTimer = new ScheduledThreadPoolExecutor(1, daemonThreads("her2-fetch-deadline"));
        deadlineTimer.setRemoveOnCancelPolicy(true);
        long maxBytes = props.maxBodySize().toBytes();
        this.bodyReader = new BodyReader(maxBytes, deadlineTimer);
        this.fileFetcher = new FileFetcher(maxBytes);
    }

    private static CustomizableThreadFactory daemonThreads(String name) {
        CustomizableThreadFactory threads = new CustomizableThreadFactory(name + "-");
        threads.setDaemon(true);
        return threads;
    }

    public FetchResult fetch(FetchRequest request) {
        Deadline deadline = Deadline.after(props.totalTimeout());
        String scheme = request.url().getScheme() == null
                ? ""
                : request.url().getScheme().toLowerCase(Locale.ROOT);
        if (scheme.equals("file")) {
            return fileFetcher.fetch(request, deadline);
        }
        RedirectChain chain = new RedirectChain(RedirectChain.withoutFragment(request.url()), props.maxRedirects());
        try {
            while (true) {
                HopResponse response;
                try {
                    response = hop(chain.current(), request, deadline);
                } catch (FetchException e) {
                    // The permanent target is only worth reporting once it has answered.
                    return e.toFailed(e.answered() ? chain.permanentTarget() : null, deadline.elapsed());
                }
                if (!RedirectChain.isRedirect(response.status())) {
                    return result(response, request, chain.permanentTarget(), deadline);
                }
                try {
                    chain.follow(
                            response.status(),
                            response.headers().firstValue("Location").orElse(null));
                } catch (FetchException e) {
                    return e.toFailed(null, deadline.elapsed());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            URI url = chain.current();
            return new Failed(
                    url, null, "Interrupted", url + ": fetch interrupted", null, false, null, deadline.elapsed());
        }
    }

    /** One request, within a slot on its host; the body is read only for 2xx answers. */
    private HopResponse hop(URI url, FetchRequest request, Deadline deadline)
            throws FetchException, InterruptedException {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new FetchException(
                    url,
                    "UnsupportedScheme",
                    "only http, https and file URLs can be fetched"
                            + (url.equals(request.url()) ? "" : " (reached by redirect from " + request.url() + ")"));
        }
        if (url.getHost() == null) {
            throw new FetchException(url, "BadUrl", "URL has no host");
        }
        addressPolicy.check(url);
        try (HostPermits.Permit permit = hostPermits.acquire(url.getHost(), deadline.remaining())) {
            if (permit == null) {
                throw new FetchException(
                        url,
                        "Timeout",
                        "no free slot for host " + url.getHost() + " within the total timeout of "
                                + deadline.total().toMillis() + " ms");
            }
            HttpResponse<InputStream> response = send(url, request, deadline);
            try (InputStream body = response.body()) {
                int status = response.statusCode();
                byte[] bytes = null;
                if (status >= 200 && status < 300) {
                    checkDeclaredLength(url, status, response.headers());
                    String encoding =
                            response.headers().firstValue("Content-Encoding").orElse(null);
                    bytes = bodyReader.read(url, status, body, encoding, deadline);
                }
                return new HopResponse(url, status, response.headers(), bytes);
            } catch (IOException closing) {
                throw new FetchException(
                        url,
                        response.statusCode(),
                        "Io",
                        "closing the response failed: " + FetchException.describe(closing));
            }
        }
    }

    private HttpResponse<InputStream> send(URI url, FetchRequest request, Deadline deadline)
            throws FetchException, InterruptedException {
        if (deadline.passed()) {
            throw totalTimeout(url, deadline);
        }
        HttpRequest.Builder builder;
        try {
            builder = HttpRequest.newBuilder(url);
        } catch (IllegalArgumentException e) {
            throw new FetchException(url, "BadUrl", "not a usable URL: " + e.getMessage());
        }
        builder.GET()
                .timeout(deadline.remaining())
                .header("User-Agent", props.userAgent())
                .header("Accept", ACCEPT)
                .header("Accept-Encoding", ACCEPT_ENCODING);
        if (request.etag() != null && !request.etag().isBlank()) {
            builder.header("If-None-Match", request.etag());
        }
        if (request.lastModified() != null && !request.lastModified().isBlank()) {
            builder.header("If-Modified-Since", request.lastModified());
        }
        try {
            return client.send(builder.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (HttpConnectTimeoutException e) {
            throw new FetchException(
                    url,
                    "Timeout",
                    "could not connect within " + props.connectTimeout().toMillis() + " ms");
        } catch (HttpTimeoutException e) {
            throw totalTimeout(url, deadline);
        } catch (ConnectException e) {
            throw new FetchException(url, "ConnectError", "could not connect: " + FetchException.describe(e));
        } catch (SSLException e) {
            throw new FetchException(url, "Tls", "TLS failed: " + FetchException.describe(e));
        } catch (IOException e) {
            throw new FetchException(url, "Io", FetchException.describe(e));
        } catch (IllegalArgumentException e) {
            throw new FetchException(url, "BadUrl", "not a usable URL: " + e.getMessage());
        }
    }

    /** Refuses up front what Content-Length already says is too big; the streaming caps catch the rest. */
    private void checkDeclaredLength(URI url, int status, HttpHeaders headers) throws FetchException {
        long declared = headers.firstValueAsLong("Content-Length").orElse(-1);
        long max = props.maxBodySize().toBytes();
        if (declared > max) {
            throw new FetchException(
                    url,
                    status,
                    "BodyTooLarge",
                    "Content-Length " + declared + " is larger than the limit of " + max + " bytes");
        }
    }

    private FetchResult result(HopResponse response, FetchRequest request, URI permanentRedirect, Deadline deadline) {
        URI url = response.url();
        int status = response.status();
        HttpHeaders headers = response.headers();
        Duration maxAge = CacheControl.maxAge(headers.allValues("Cache-Control"));
        String etag = headers.firstValue("ETag").orElse(null);
        String lastModified = headers.firstValue("Last-Modified").orElse(null);
        if (status == 304) {
            return new NotModified(
                    url,
                    status,
                    etag != null ? etag : request.etag(),
                    lastModified != null ? lastModified : request.lastModified(),
                    maxAge,
                    permanentRedirect,
                    deadline.elapsed());
        }
        if (response.body() != null) {
            return new Fetched(
                    url,
                    status,
                    response.body(),
                    headers.firstValue("Content-Type").orElse(null),
                    etag,
                    lastModified,
                    maxAge,
                    permanentRedirect,
                    deadline.elapsed());
        }
        Duration retryAfter = status == 429 || status == 503
                ? RetryAfter.parse(headers.firstValue("Retry-After").orElse(null), clock)
                : null;
        String problem = "HTTP " + status + (status == 410 ? " Gone" : "")
                + (retryAfter != null ? ", retry after " + retryAfter.toSeconds() + " s" : "");
        return new Failed(
                url,
                status,
                "HttpStatus",
                url + ": " + problem,
                retryAfter,
                status == 410,
                permanentRedirect,
                deadline.elapsed());
    }

    private static FetchException totalTimeout(URI url, Deadline deadline) {
        return new FetchException(
                url,
                "Timeout",
                "no response within the total timeout of " + deadline.total().toMillis() + " ms");
    }

    @Override
    public void close() {
        deadlineTimer.shutdownNow();
    }

    /** A response whose body, for 2xx answers only, has already been read. */
    private record HopResponse(URI url, int status, HttpHeaders headers, byte[] body) {}
}
