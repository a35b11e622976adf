package org.her2feeds.http;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.servlet.ServletException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.catalina.Context;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.apache.tomcat.util.http.FastHttpDateFormat;
import org.apache.tomcat.util.http.MimeHeaders;
import org.springframework.boot.tomcat.TomcatContextCustomizer;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

/**
 * Answers a poll of a current rendered output in Tomcat's context pipeline, before the servlet filter chain: the
 * request was validated when the output was first rendered, so what remains is a lookup and a write. Cross-origin
 * requests (with an {@code Origin} header) always go through MVC, where the CORS rules apply; so does everything not
 * yet rendered. Nothing of Spring Security or MVC runs for these public, read-only outputs.
 *
 * <p>Why a valve: a filter can only set headers as strings, which Tomcat encodes to bytes per response through a new
 * charset encoder each (half of what a cached poll allocated), and it runs after the filter chain's own set-up. Here
 * the headers go into Tomcat's header table as bytes, prepared once per rendered output (and the {@code Date} once a
 * second), and Tomcat still frames the response: status line, {@code Content-Length}, keep-alive, HEAD and 304
 * without a body. What the headers are is decided where the other paths decide it: {@link SecurityHeadersFilter} and
 * {@link CachedResponses#headers}. An answered poll is counted like the filter path counted it
 * ({@link CachedPollMetrics}), in the timer of the route the output was rendered for.
 */
@Component
class CachedAnswerValve extends ValveBase implements TomcatContextCustomizer {

    /** A header ready for Tomcat's header table. */
    private record Wire(byte[] name, byte[] value) {

        static Wire of(ResponseHeader header) {
            return new Wire(
                    header.name().getBytes(StandardCharsets.ISO_8859_1),
                    header.value().getBytes(StandardCharsets.ISO_8859_1));
        }

        void addTo(MimeHeaders headers) {
            headers.addValue(name, 0, name.length).setBytes(value, 0, value.length);
        }
    }

    /** What one request gets: the headers besides security and date, and the body (null for a 304). */
    private record Answer(List<Wire> headers, byte[] body) {}

    /** The four answers of an output, by gzip and 304, for the Cache-Control value they were built with. */
    private record Answers(String cacheControl, Answer[] byCase) {

        Answer get(boolean gzip, boolean notModified) {
            return byCase[(gzip ? 2 : 0) + (notModified ? 1 : 0)];
        }
    }

    /** The Date header and the string it was made from, which Tomcat renews once a second. */
    private record DateHeader(String date, Wire wire) {}

    private final RenderCache cache;
    private final CachedResponses responses;
    private final CachedPollMetrics metrics;
    private final List<List<Wire>> security = new ArrayList<>();
    private final byte[] contentLength = HttpHeaders.CONTENT_LENGTH.getBytes(StandardCharsets.ISO_8859_1);
    /** Weak keys: an output's bytes go when the render cache drops the output. Compared by identity. */
    private final Cache<Rendered, Answers> answers =
            Caffeine.newBuilder().weakKeys().build();

    private volatile DateHeader date = new DateHeader("", null);

    CachedAnswerValve(RenderCache cache, CachedResponses responses, CachedPollMetrics metrics) {
        // Async-capable, or Tomcat would take async support away from every request behind it.
        super(true);
        this.cache = cache;
        this.responses = responses;
        this.metrics = metrics;
        for (int variant = 0; variant < SecurityHeadersFilter.variants(); variant++) {
            security.add(SecurityHeadersFilter.headers(variant).stream()
                    .map(Wire::of)
                    .toList());
        }
    }

    @Override
    public void customize(Context context) {
        context.getPipeline().addValve(this);
    }

    @Override
    public void invoke(Request request, Response response) throws IOException, ServletException {
        long start = System.nanoTime();
        // Read once: Tomcat decodes the method and the URI from the request's bytes on every call.
        String method = request.getMethod();
        if (("GET".equals(method) || "HEAD".equals(method)) && request.getHeader(HttpHeaders.ORIGIN) == null) {
            String path =
                    request.getRequestURI().substring(request.getContextPath().length());
            Rendered rendered = cache.peek(responses.self(path, request.getQueryString()));
            if (rendered != null) {
                try {
                    send(request, response, method, path, rendered);
                } catch (IOException | RuntimeException e) {
                    metrics.recordFailure(request, response, rendered.route(), start, e);
                    throw e;
                }
                metrics.record(request, response, method, rendered.route(), start);
                return;
            }
        }
        getNext().invoke(request, response);
    }

    private void send(Request request, Response response, String method, String path, Rendered rendered)
            throws IOException {
        boolean notModified = CachedResponses.notModified(request, rendered);
        Answer answer = answers(rendered).get(CachedResponses.acceptsGzip(request), notModified);
        MimeHeaders headers = response.getCoyoteResponse().getMimeHeaders();
        for (Wire header : security.get(SecurityHeadersFilter.variant(path, 0, request.isSecure()))) {
            header.addTo(headers);
        }
        for (Wire header : answer.headers()) {
            header.addTo(headers);
        }
        // Tomcat adds a Date only where there is none, as a string it then encodes.
        dateHeader().addTo(headers);
        if (notModified) {
            response.setStatus(Response.SC_NOT_MODIFIED);
            return;
        }
        response.setStatus(Response.SC_OK);
        // Tomcat delimits the body by this length, and sets the header by name: given here with its name as bytes, it
        // is found and filled in place rather than added with a name Tomcat encodes per response.
        headers.addValue(contentLength, 0, contentLength.length).setLong(answer.body().length);
        response.setContentLength(answer.body().length);
        if (!"HEAD".equals(method)) {
            response.getOutputStream().write(answer.body());
        }
    }

    private Answers answers(Rendered rendered) {
        String cacheControl = responses.cacheControl();
        Answers current = answers.getIfPresent(rendered);
        if (current == null || !current.cacheControl().equals(cacheControl)) {
            current = new Answers(cacheControl, new Answer[] {
                answer(rendered, false, false, cacheControl),
                answer(rendered, false, true, cacheControl),
                answer(rendered, true, false, cacheControl),
                answer(rendered, true, true, cacheControl)
            });
            answers.put(rendered, current);
        }
        return current;
    }

    private static Answer answer(Rendered rendered, boolean gzip, boolean notModified, String cacheControl) {
        List<Wire> wires = new ArrayList<>();
        for (ResponseHeader header : CachedResponses.headers(rendered, gzip, notModified, cacheControl)) {
            if (HttpHeaders.CONTENT_LENGTH.equals(header.name())) {
                // Set on the response, for Tomcat to delimit the body (and to send none for HEAD).
                continue;
            }
            if (HttpHeaders.CONTENT_TYPE.equals(header.name())) {
                // As Tomcat writes a content type set through the servlet API ("; charset=" becomes ";charset=").
                org.apache.coyote.Response formatted = new org.apache.coyote.Response();
                formatted.setContentType(header.value());
                header = new ResponseHeader(header.name(), formatted.getContentType());
            }
            wires.add(Wire.of(header));
        }
        return new Answer(List.copyOf(wires), notModified ? null : gzip ? rendered.gzip() : rendered.body());
    }

    private Wire dateHeader() {
        String now = FastHttpDateFormat.getCurrentDate();
        DateHeader current = date;
        if (!current.date().equals(now)) {
            current = new DateHeader(now, Wire.of(new ResponseHeader(HttpHeaders.DATE, now)));
            date = current;
        }
        return current.wire();
    }
}
