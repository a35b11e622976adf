package org.her2feeds.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
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
 * it spares every request the "already filtered" attribute, whose name alone was a string built per request.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class SecurityHeadersFilter extends HttpFilter {

    public static final String CONTENT_SECURITY_POLICY = policy("style-src 'self'");
    /**
     * Swagger UI (springdoc, under /swagger-ui/) injects a style element from its script bundle and cannot run
     * without inline style; script stays limited to this origin there too. It shows no feed content.
     */
    public static final String API_DOCS_POLICY = policy("style-src 'self' 'unsafe-inline'");

    static final String API_DOCS_PATH = "/swagger-ui/";

    /** Spring Security's default, sent on HTTPS requests only (a plain-HTTP answer cannot pin HTTPS). */
    static final String STRICT_TRANSPORT_SECURITY = "max-age=31536000 ; includeSubDomains";

    private static String policy(String styleSource) {
        return "default-src 'self'; script-src 'self'; " + styleSource + "; img-src 'self' data:; object-src 'none'; "
                + "base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean apiDocs = request.getRequestURI()
                .startsWith(API_DOCS_PATH, request.getContextPath().length());
        response.setHeader("Content-Security-Policy", apiDocs ? API_DOCS_POLICY : CONTENT_SECURITY_POLICY);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "strict-origin-when-cross-origin");
        response.setHeader("X-Frame-Options", "DENY");
        // Off as browsers advise: the old XSS auditors could be abused to blank or probe pages.
        response.setHeader("X-XSS-Protection", "0");
        if (request.isSecure()) {
            response.setHeader("Strict-Transport-Security", STRICT_TRANSPORT_SECURITY);
        }
        chain.doFilter(request, response);
    }
}
