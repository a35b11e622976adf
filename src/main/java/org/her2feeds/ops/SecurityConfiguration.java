package org.her2feeds.ops;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
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
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Who may do what. Readers get the public outputs (feeds, digests, pages, the JSON API and its docs) and the
 * health and info endpoints, read-only: GET and HEAD. The admin API and every other actuator endpoint need the
 * admin's credentials; with none configured they are refused to everyone.
 *
 * <p>CSRF tokens are off: nothing here uses a session or a login form; the admin authenticates every request
 * with a header, and scripts (curl, a scheduler) are the intended clients, not a browser.
 */
@Configuration(proxyBeanMethods = false)
// Commands and tests that run without a web server (export, import, re-tagging checks) have nothing to secure.
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class SecurityConfiguration {

    static final String ADMIN = "ADMIN";
    private static final String REALM = "her2-feeds admin";

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, AdminProperties admin) throws Exception {
        RequestMatcher adminOnly = new OrRequestMatcher(
                PathPatternRequestMatcher.withDefaults().matcher("/admin/**"),
                EndpointRequest.toAnyEndpoint().excluding("health", "info"));
        http.authorizeHttpRequests(requests -> {
            requests.requestMatchers(EndpointRequest.to("health", "info")).permitAll();
            if (admin.enabled()) {
                requests.requestMatchers(adminOnly).hasRole(ADMIN);
            } else {
                requests.requestMatchers(adminOnly).denyAll();
            }
            requests.requestMatchers(HttpMethod.GET, "/**").permitAll();
            requests.requestMatchers(HttpMethod.HEAD, "/**").permitAll();
            // CORS preflights of the portal; which origins may read is decided by the MVC CORS rules (ApiCors).
            requests.requestMatchers(HttpMethod.OPTIONS, "/api/**").permitAll();
            requests.anyRequest().denyAll();
        });
        http.cors(Customizer.withDefaults());
        http.csrf(csrf -> csrf.disable());
        http.sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
        http.requestCache(cache -> cache.disable());
        // The public outputs set their own caching headers (ETag, max-age); Spring Security would forbid caching.
        http.headers(headers -> headers.cacheControl(cache -> cache.disable()));
        if (admin.basicEnabled()) {
            http.httpBasic(basic -> basic.realmName(REALM).authenticationEntryPoint(entryPoint(admin)));
        } else {
            http.httpBasic(basic -> basic.disable());
        }
        if (admin.tokenEnabled()) {
            http.addFilterBefore(new AdminTokenAuthentication(admin.token()), BasicAuthenticationFilter.class);
        }
        http.exceptionHandling(errors -> errors.authenticationEntryPoint(entryPoint(admin)));
        http.formLogin(form -> form.disable());
        http.logout(logout -> logout.disable());
        return http.build();
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
