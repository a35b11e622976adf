package org.her2feeds.http;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Browser-side defences on every response, from this one place: Spring Security writes none (its header writers are
 * off), because cached outputs are answered before its filter chain runs and must carry the same headers as a
 * render. The page needs no inline script or style (CSS is a file, the chart is plain SVG), so the policy allows only
 * this origin; feed and summary text can then not run even if escaping failed. The rest are Spring Security's
 * defaults. Headers are set, not added, so running twice or beside another header writer leaves one value each. A plain
 * filter, registered for the request dispatch only (as a once-per-request filter it would skip the others anyway):
 * it spares every request the "already filtered" attribute, whose name alone was a string built per request. The
 * list is defined once, here, for this filter and for polls answered from the render cache before any filter runs.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class SecurityHeadersFilter extends HttpFilter {

    static final String CONTENT_SECURITY_POLICY = policy("style-src 'self'");
    /**
     * Swagger UI (springdoc, under /swagger-ui/) injects a style element from its script bundle and cannot run
     * without inline style; script stays limited to this origin there too. It shows no feed content.
     */
    static final String API_DOCS_POLICY = policy("style-src 'self' 'unsafe-inline'");

    static final String API_DOCS_PATH = "/swagger-ui/";

    /** Spring Security's default, sent on HTTPS requests only (a plain-HTTP answer cannot pin HTTPS). */
    static final String STRICT_TRANSPORT_SECURITY = "max-age=31536000 ; includeSubDomains";

    private static String policy(String styleSource) {
        return "default-src 'self'; script-src 'self'; " + styleSource + "; img-src 'self' data:; object-src 'none'; "
                + "base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
    }

    /** The page's and every output's headers, then the API documentation's, each without and with HSTS. */
    private static final List<List<ResponseHeader>> HEADERS = List.of(
            list(CONTENT_SECURITY_POLICY, false),
            list(CONTENT_SECURITY_POLICY, true),
            list(API_DOCS_POLICY, false),
            list(API_DOCS_POLICY, true));

    private static List<ResponseHeader> list(String policy, boolean secure) {
        List<ResponseHeader> headers = new ArrayList<>(List.of(
                new ResponseHeader("Content-Security-Policy", policy),
                new ResponseHeader("X-Content-Type-Options", "nosniff"),
                new ResponseHeader("Referrer-Policy", "strict-origin-when-cross-origin"),
                new ResponseHeader("X-Frame-Options", "DENY"),
                // Off as browsers advise: the old XSS auditors could be abused to blank or probe pages.
                new ResponseHeader("X-XSS-Protection", "0")));
        if (secure) {
            headers.add(new ResponseHeader("Strict-Transport-Security", STRICT_TRANSPORT_SECURITY));
        }
        return List.copyOf(headers);
    }

    /**
     * Which of {@link #headers(int)} a request gets: the one definition this filter and the cached answers
     * ({@link CachedAnswerValve}, which answers before any filter) both send.
     */
    static int variant(HttpServletRequest request) {
        return variant(request.getRequestURI(), request.getContextPath().length(), request.isSecure());
    }

    /** {@link #variant(HttpServletRequest)} of a request URI whose path below the context starts at the offset. */
    static int variant(String requestUri, int contextPathLength, boolean secure) {
        return (requestUri.startsWith(API_DOCS_PATH, contextPathLength) ? 2 : 0) + (secure ? 1 : 0);
    }

    /** The security headers of a {@link #variant}, in the order they are sent. */
    static List<ResponseHeader> headers(int variant) {
        return HEADERS.get(variant);
    }

    /** How many {@link #variant}s there are. */
    static int variants() {
        return HEADERS.size();
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        for (ResponseHeader header : headers(variant(request))) {
            response.setHeader(header.name(), header.value());
        }
        chain.doFilter(request, response);
    }
}
