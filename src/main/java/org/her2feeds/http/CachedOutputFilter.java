package org.her2feeds.http;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

/**
 * Answers a poll of a current rendered output before Spring MVC dispatches it: the request was validated when
 * the output was first rendered, so what remains is a lookup and a write. Cross-origin requests (with an
 * {@code Origin} header) always go through MVC, where the CORS rules apply; so does everything not yet rendered.
 * It runs before the security filter chain too: what it serves are public, read-only outputs, and the chain's dozen
 * filters cost a 304 more than the lookup itself. Only the security headers come first; the request observation comes
 * after ({@link RequestObservationFilter}), and an answered poll is counted in the same request metrics under the
 * route the output was rendered for ({@link CachedPollMetrics}). A plain filter, not a once-per-request one: it is
 * registered for the request dispatch only, and so spares every poll the "already filtered" attribute.
 */
@Component
@Order(CachedOutputFilter.ORDER)
class CachedOutputFilter extends HttpFilter {

    /** Right after the security headers (SecurityHeadersFilter, highest precedence), which a cached answer carries. */
    static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 1;

    private final RenderCache cache;
    private final CachedResponses responses;
    private final CachedPollMetrics metrics;

    CachedOutputFilter(RenderCache cache, CachedResponses responses, CachedPollMetrics metrics) {
        this.cache = cache;
        this.responses = responses;
        this.metrics = metrics;
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long start = System.nanoTime();
        String method = request.getMethod();
        if (("GET".equals(method) || "HEAD".equals(method)) && request.getHeader(HttpHeaders.ORIGIN) == null) {
            Rendered rendered = cache.peek(responses.self(request));
            if (rendered != null) {
                try {
                    responses.send(request, response, rendered);
                } catch (IOException | RuntimeException e) {
                    metrics.recordFailure(request, response, rendered.route(), start, e);
                    throw e;
                }
                metrics.record(request, response, rendered.route(), start);
                return;
            }
        }
        chain.doFilter(request, response);
    }
}
