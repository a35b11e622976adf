package org.her2feeds.ops;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Accepts {@code Authorization: Bearer <her2.admin.token>} as the admin. A static token needs no OAuth server,
 * so this small filter stands in for Spring Security's resource-server support. The comparison takes the same
 * time whatever the token, so it cannot be guessed a character at a time.
 */
final class AdminTokenAuthentication extends OncePerRequestFilter {

    private static final String PREFIX = "Bearer ";

    private final byte[] token;

    AdminTokenAuthentication(String token) {
        this.token = token.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header != null
                && header.regionMatches(true, 0, PREFIX, 0, PREFIX.length())
                && MessageDigest.isEqual(
                        token, header.substring(PREFIX.length()).trim().getBytes(StandardCharsets.UTF_8))) {
            var admin = UsernamePasswordAuthenticationToken.authenticated(
                    "admin-token", null, List.of(new SimpleGrantedAuthority("ROLE_" + SecurityConfiguration.ADMIN)));
            var context = SecurityContextHolder.createEmptyContext();
            context.setAuthentication(admin);
            SecurityContextHolder.setContext(context);
        }
        chain.doFilter(request, response);
    }
}
