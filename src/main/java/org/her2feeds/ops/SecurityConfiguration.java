package org.her2feeds.ops;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Who may do what. Readers get the public outputs (feeds, digests, pages, the JSON API and its docs) and the
 * health and info endpoints, read-only: GET and HEAD. The admin API and every other actuator endpoint need the
 * admin's credentials; with none configured they are refused to everyone.
 *
 * <p>Two filter chains: the admin surface checks credentials; every other path, health included, never looks at an
 * Authorization header, so nobody can make a public request cost a password hash or count toward the admin's login
 * limit. Health's details are the admin's, at {@code /actuator/health/admin} (a health group, see application.yml);
 * should that path move, the group falls to the public chain, which shows no details to anyone. CSRF tokens are
 * off: nothing uses a session or a login form, and the admin's clients are scripts; a browser's state-changing
 * request to the admin surface is refused outright ({@link AdminRequestGuard}).
 */
@Configuration(proxyBeanMethods = false)
// Commands and tests that run without a web server (export, import, re-tagging checks) have nothing to secure.
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class SecurityConfiguration {

    static final String ADMIN = "ADMIN";
    private static final String REALM = "her2-feeds admin";
    /** The health group with details (application.yml); every other health path is public. */
    static final String ADMIN_HEALTH = "/actuator/health/admin";

    @Bean
    @Order(1)
    SecurityFilterChain adminFilterChain(HttpSecurity http, AdminProperties admin, Clock clock) throws Exception {
        RequestMatcher adminOnly = new OrRequestMatcher(
                PathPatternRequestMatcher.withDefaults().matcher("/admin/**"),
                PathPatternRequestMatcher.withDefaults().matcher(ADMIN_HEALTH),
                EndpointRequest.toAnyEndpoint().excluding("health", "info"));
        http.securityMatcher(adminOnly);
        http.authorizeHttpRequests(requests -> {
            if (admin.enabled()) {
                requests.anyRequest().hasRole(ADMIN);
            } else {
                requests.anyRequest().denyAll();
            }
        });
        common(http);
        if (admin.basicEnabled()) {
            http.httpBasic(basic -> basic.realmName(REALM).authenticationEntryPoint(entryPoint(admin)));
        } else {
            http.httpBasic(basic -> basic.disable());
        }
        LoginThrottle throttle = new LoginThrottle(admin.loginFailures(), admin.loginFailureWindow(), clock);
        http.addFilterBefore(new AdminRequestGuard(throttle), BasicAuthenticationFilter.class);
        if (admin.tokenEnabled()) {
            http.addFilterAfter(new AdminTokenAuthentication(admin.token()), AdminRequestGuard.class);
        }
        http.exceptionHandling(errors -> errors.authenticationEntryPoint(entryPoint(admin)));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain publicFilterChain(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(requests -> {
            requests.requestMatchers(HttpMethod.GET, "/**").permitAll();
            requests.requestMatchers(HttpMethod.HEAD, "/**").permitAll();
            // CORS preflights of the portal; which origins may read is decided by the MVC CORS rules (ApiCors).
            requests.requestMatchers(HttpMethod.OPTIONS, "/api/**").permitAll();
            requests.anyRequest().denyAll();
        });
        common(http);
        // No authentication mechanism at all: credentials sent here are ignored, never checked.
        http.httpBasic(basic -> basic.disable());
        http.anonymous(Customizer.withDefaults());
        http.exceptionHandling(
                errors -> errors.authenticationEntryPoint(new HttpStatusEntryPoint(HttpStatus.FORBIDDEN)));
        return http.build();
    }

    private static void common(HttpSecurity http) throws Exception {
        http.cors(Customizer.withDefaults());
        http.csrf(csrf -> csrf.disable());
        http.sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
        http.requestCache(cache -> cache.disable());
        // The browser-defence headers come from one filter ahead of every chain (http.SecurityHeadersFilter), which
        // also covers cached outputs answered before this chain; the public outputs set their own caching headers.
        http.headers(headers -> headers.disable());
        http.formLogin(form -> form.disable());
        http.logout(logout -> logout.disable());
    }

    /**
     * 401 with the challenge the configured credentials answer; 403 when the admin API is disabled. Both as RFC
     * 9457 problems, like every other 4xx of the service.
     */
    private static AuthenticationEntryPoint entryPoint(AdminProperties admin) {
        if (!admin.basicEnabled() && !admin.tokenEnabled()) {
            return (request, response, exception) -> problem(
                    response,
                    HttpStatus.FORBIDDEN,
                    "The admin API is off: set HER2_ADMIN_USER and HER2_ADMIN_PASSWORD, or HER2_ADMIN_TOKEN.");
        }
        String challenge = admin.basicEnabled() ? "Basic" : "Bearer";
        return (request, response, exception) -> {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, challenge + " realm=\"" + REALM + "\"");
            problem(
                    response,
                    HttpStatus.UNAUTHORIZED,
                    "Send the admin's credentials: HTTP Basic or a bearer token (see the README's Operations).");
        };
    }

    /** A problem document; the texts are constants, so they need no JSON escaping. */
    private static void problem(HttpServletResponse response, HttpStatus status, String detail) throws IOException {
        response.setStatus(status.value());
        response.setContentType("application/problem+json");
        response.getWriter()
                .write("{\"title\":\"" + status.getReasonPhrase() + "\",\"status\":" + status.value() + ",\"detail\":\""
                        + detail + "\"}");
    }

    /** The admin user when one is configured; otherwise none (and no generated password in the log). */
    @Bean
    UserDetailsService adminUsers(AdminProperties admin, PasswordEncoder encoder) {
        if (!admin.basicEnabled()) {
            return new InMemoryUserDetailsManager();
        }
        return new InMemoryUserDetailsManager(User.withUsername(admin.user())
                .password(encoder.encode(admin.password()))
                .roles(ADMIN)
                .build());
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }
}
