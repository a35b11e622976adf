package org.her2feeds.ops;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Runs before any credential is checked on the admin surface. It refuses state-changing requests made from a
 * browser: with HTTP Basic a browser resends remembered credentials on a cross-site form post, and the admin's
 * clients are scripts, which send neither {@code Origin} nor {@code Sec-Fetch-*}. It also stops addresses that
 * failed to log in too often, before their next attempt costs a password hash.
 */
final class AdminRequestGuard extends OncePerRequestFilter {

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    private final LoginThrottle throttle;

    AdminRequestGuard(LoginThrottle throttle) {
        this.throttle = throttle;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!SAFE_METHODS.contains(request.getMethod()) && fromBrowser(request)) {
            problem(
                    response,
                    HttpStatus.FORBIDDEN,
                    "Admin actions are refused from a browser (the request carries Origin or Sec-Fetch-Site); "
                            + "call the admin API from a script such as curl.");
            return;
        }
        String address = request.getRemoteAddr();
        Duration blocked = throttle.blockedFor(address);
        if (blocked != null) {
            response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(Math.max(1, blocked.toSeconds())));
            problem(
                    response,
                    HttpStatus.TOO_MANY_REQUESTS,
                    "Too many failed admin logins from this address; try again after the Retry-After delay.");
            return;
        }
        chain.doFilter(request, response);
        if (response.getStatus() == HttpStatus.UNAUTHORIZED.value()
                && request.getHeader(HttpHeaders.AUTHORIZATION) != null) {
            throttle.failed(address);
        }
    }

    private static boolean fromBrowser(HttpServletRequest request) {
        return request.getHeader(HttpHeaders.ORIGIN) != null || request.getHeader("Sec-Fetch-Site") != null;
    }

    private static void problem(HttpServletResponse response, HttpStatus status, String detail) throws IOException {
        response.setStatus(status.value());
        response.setContentType("application/problem+json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        // The details are constant text without quotes or backslashes, so no JSON escaping is needed.
        response.getWriter()
                .write("{\"type\":\"about:blank\",\"title\":\"" + status.getReasonPhrase() + "\",\"status\":"
                        + status.value() + ",\"detail\":\"" + detail + "\"}");
    }
}
