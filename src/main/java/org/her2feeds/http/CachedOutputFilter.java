package org.her2feeds.http;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.filter.ServerHttpObservationFilter;

/**
 * Answers a poll of a current rendered output before Spring MVC dispatches it: the request was validated when
 * the output was first rendered, so what remains is a lookup and a write. Cross-origin requests (with an
 * {@code Origin} header) always go through MVC, where the CORS rules apply; so does everything not yet rendered.
 * It runs before the security filter chain too: what it serves are public, read-only outputs, and the chain's dozen
 * filters cost a 304 more than the lookup itself. Only request metrics and the security headers come first; the
 * request is counted in the metrics under the route the output was rendered for.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class CachedOutputFilter extends OncePerRequestFilter {

    private final RenderCache cache;
    private final CachedResponses responses;

    CachedOutputFilter(RenderCache cache, CachedResponses responses) {
        this.cache = cache;
        this.responses = responses;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String method = request.getMethod();
        if (("GET".equals(method) || "HEAD".equals(method)) && request.getHeader(HttpHeaders.ORIGIN) == null) {
            Rendered rendered = cache.peek(responses.self(request));
            if (rendered != null) {
                if (rendered.route() != null) {
                    ServerHttpObservationFilter.findObservationContext(request)
                            .ifPresent(observation -> observation.setPathPattern(rendered.route()));
                }
                responses.send(request, response, rendered);
                return;
            }
        }
        chain.doFilter(request, response);
    }
}
