package org.her2feeds.fetch;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import javax.net.ssl.SSLException;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.Timeout;
import org.her2feeds.DaemonThreads;
import org.springframework.beans.factory.annotation.Autowired;
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
    private final HostPermits hostPermits;
    private final Clock clock;
    private final CloseableHttpClient client;
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
        this.hostPermits = hostPermits;
        this.clock = clock;
        this.deadlineTimer = new ScheduledThreadPoolExecutor(1, DaemonThreads.named("her2-fetch-deadline"));
        deadlineTimer.setRemoveOnCancelPolicy(true);
        this.client = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        // Resolution and the address check are one step: the connection goes where was checked.
                        .setDnsResolver(addressPolicy)
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(Timeout.of(props.connectTimeout()))
                                .build())
                        // Host permits bound concurrency; the pool must never be what a fetch waits for.
                        .setMaxConnTotal(Integer.MAX_VALUE)
                        .setMaxConnPerRoute(Integer.MAX_VALUE)
                        .build())
                // Every connection is fresh, so each one passes through the checking resolver.
                .setConnectionReuseStrategy((request, response, context) -> false)
                // Followed by hand so each hop passes the address policy and counts toward the limits.
                .disableRedirectHandling()
                // The body reader decompresses, counting the bytes after decompression against the cap.
                .disableContentCompression()
                .disableAutomaticRetries()
                .disableCookieManagement()
                .disableAuthCaching()
                .build();
        long maxBytes = props.maxBodySize().toBytes();
        this.bodyReader = new BodyReader(maxBytes);
        this.fileFetcher = new FileFetcher(maxBytes);
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
        try (HostPermits.Permit permit = hostPermits.acquire(url.getHost(), deadline.remaining())) {
            if (permit == null) {
                throw new FetchException(
                        url,
                        "Timeout",
                        "no free slot for host " + url.getHost() + " within the total timeout of "
                                + deadline.total().toMillis() + " ms");
            }
            if (deadline.passed()) {
                throw totalTimeout(url, deadline);
            }
            HttpGet get = request(url, request);
            try (Watchdog watchdog = new Watchdog(deadlineTimer, deadline.remaining(), get::cancel)) {
                ClassicHttpResponse response = send(get, url, deadline, watchdog);
                try {
                    int status = response.getCode();
                    HttpHeaders headers = headers(response);
                    byte[] bytes = null;
                    if (status >= 200 && status < 300) {
                        checkDeclaredLength(url, status, headers);
                        String encoding = headers.firstValue("Content-Encoding").orElse(null);
                        HttpEntity entity = response.getEntity();
                        bytes = entity == null
                                ? new byte[0]
                                : bodyReader.read(url, status, entity.getContent(), encoding, deadline, watchdog);
                    }
                    return new HopResponse(url, status, headers, bytes);
                } catch (IOException e) {
                    throw new FetchException(
                            url, response.getCode(), "Io", "reading the body failed: " + FetchException.describe(e));
                } finally {
                    // Aborting drops the connection without reading what is left of a body nobody wants.
                    get.cancel();
                    closeQuietly(response);
                }
            }
        }
    }

    private HttpGet request(URI url, FetchRequest request) throws FetchException {
        HttpGet get;
        try {
            get = new HttpGet(withoutUserInfo(url));
        } catch (IllegalArgumentException | URISyntaxException e) {
            throw new FetchException(url, "BadUrl", "not a usable URL: " + e.getMessage());
        }
        if (url.getUserInfo() != null) {
            // Credentials written into a source URL are meant for its server, sent as curl and browsers do.
            get.setHeader(
                    "Authorization",
                    "Basic "
                            + Base64.getEncoder()
                                    .encodeToString(url.getUserInfo().getBytes(StandardCharsets.UTF_8)));
        }
        get.setHeader("User-Agent", props.userAgent());
        get.setHeader("Accept", ACCEPT);
        get.setHeader("Accept-Encoding", ACCEPT_ENCODING);
        if (request.etag() != null && !request.etag().isBlank()) {
            get.setHeader("If-None-Match", request.etag());
        }
        if (request.lastModified() != null && !request.lastModified().isBlank()) {
            get.setHeader("If-Modified-Since", request.lastModified());
        }
        return get;
    }

    private static URI withoutUserInfo(URI url) throws URISyntaxException {
        if (url.getRawUserInfo() == null) {
            return url;
        }
        String authority = url.getRawAuthority().substring(url.getRawAuthority().indexOf('@') + 1);
        return new URI(url.getScheme() + "://" + authority + (url.getRawPath() == null ? "" : url.getRawPath())
                + (url.getRawQuery() == null ? "" : "?" + url.getRawQuery()));
    }

    private ClassicHttpResponse send(HttpGet get, URI url, Deadline deadline, Watchdog watchdog) throws FetchException {
        try {
            return client.executeOpen(null, get, null);
        } catch (AddressPolicy.ForbiddenAddressException e) {
            throw new FetchException(url, "ForbiddenAddress", e.getMessage());
        } catch (IOException e) {
            if (watchdog.expired()) {
                throw totalTimeout(url, deadline);
            }
            throw connectionProblem(url, e);
        } catch (IllegalArgumentException e) {
            throw new FetchException(url, "BadUrl", "not a usable URL: " + e.getMessage());
        }
    }

    private FetchException connectionProblem(URI url, IOException e) {
        if (e instanceof UnknownHostException) {
            return new FetchException(url, "UnknownHost", "host " + url.getHost() + " could not be resolved");
        }
        if (e instanceof ConnectTimeoutException) {
            return new FetchException(
                    url,
                    "Timeout",
                    "could not connect within " + props.connectTimeout().toMillis() + " ms");
        }
        if (e instanceof ConnectException) {
            return new FetchException(url, "ConnectError", "could not connect: " + FetchException.describe(e));
        }
        if (e instanceof SSLException) {
            return new FetchException(url, "Tls", "TLS failed: " + FetchException.describe(e));
        }
        return new FetchException(url, "Io", FetchException.describe(e));
    }

    /** The response headers in the JDK's case-insensitive form, which the rest of the fetch reads. */
    private static HttpHeaders headers(ClassicHttpResponse response) {
        Map<String, List<String>> byName = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (Header header : response.getHeaders()) {
            byName.computeIfAbsent(header.getName(), n -> new ArrayList<>()).add(header.getValue());
        }
        return HttpHeaders.of(byName, (name, value) -> true);
    }

    private static void closeQuietly(ClassicHttpResponse response) {
        try {
            response.close();
        } catch (IOException ignored) {
            // The connection was aborted already; closing only tidies up.
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
        client.close(CloseMode.IMMEDIATE);
    }

    /** A response whose body, for 2xx answers only, has already been read. */
    private record HopResponse(URI url, int status, HttpHeaders headers, byte[] body) {}
}
