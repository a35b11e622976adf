package org.her2feeds.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class SecurityHeadersFilterTest {

    @Test
    void thePolicyAllowsNoInlineScriptOrStyleAndNoOtherOrigin() {
        String policy = SecurityHeadersFilter.CONTENT_SECURITY_POLICY;
        assertThat(policy)
                .contains(
                        "default-src 'self'",
                        "script-src 'self'",
                        "style-src 'self'",
                        "object-src 'none'",
                        "frame-ancestors 'none'")
                .doesNotContain("unsafe-inline", "unsafe-eval", "*", "http:", "https:");
    }

    @Test
    void onlyTheApiDocumentationMayUseInlineStyleAndNeverInlineScript() throws Exception {
        MockHttpServletResponse docs = new MockHttpServletResponse();
        new SecurityHeadersFilter()
                .doFilter(new MockHttpServletRequest("GET", "/swagger-ui/index.html"), docs, new MockFilterChain());
        MockHttpServletResponse page = new MockHttpServletResponse();
        new SecurityHeadersFilter()
                .doFilter(new MockHttpServletRequest("GET", "/swagger-uiX"), page, new MockFilterChain());

        assertThat(docs.getHeader("Content-Security-Policy"))
                .isEqualTo(SecurityHeadersFilter.API_DOCS_POLICY)
                .contains("style-src 'self' 'unsafe-inline'", "script-src 'self';");
        assertThat(page.getHeader("Content-Security-Policy")).isEqualTo(SecurityHeadersFilter.CONTENT_SECURITY_POLICY);
    }

    @Test
    void runningTwiceLeavesOneValuePerHeader() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/");
        new SecurityHeadersFilter().doFilter(request, response, new MockFilterChain());
        // A second, independent instance (another filter chain, Spring Security added later) must not duplicate
        // headers.
        new SecurityHeadersFilter().doFilter(new MockHttpServletRequest("GET", "/"), response, new MockFilterChain());

        assertThat(response.getHeaders("Content-Security-Policy"))
                .containsExactly(SecurityHeadersFilter.CONTENT_SECURITY_POLICY);
        assertThat(response.getHeaders("X-Content-Type-Options")).containsExactly("nosniff");
        assertThat(response.getHeaders("Referrer-Policy")).containsExactly("strict-origin-when-cross-origin");
    }

    @Test
    void springSecuritysDefaultsAreWrittenHereAndHstsOnlyOverHttps() throws Exception {
        MockHttpServletResponse plain = new MockHttpServletResponse();
        new SecurityHeadersFilter()
                .doFilter(new MockHttpServletRequest("GET", "/feed.xml"), plain, new MockFilterChain());
        MockHttpServletRequest secureRequest = new MockHttpServletRequest("GET", "/feed.xml");
        secureRequest.setSecure(true);
        MockHttpServletResponse secure = new MockHttpServletResponse();
        new SecurityHeadersFilter().doFilter(secureRequest, secure, new MockFilterChain());

        assertThat(plain.getHeader("X-Frame-Options")).isEqualTo("DENY");
        assertThat(plain.getHeader("X-XSS-Protection")).isEqualTo("0");
        assertThat(plain.getHeader("Strict-Transport-Security")).isNull();
        assertThat(secure.getHeader("Strict-Transport-Security"))
                .isEqualTo(SecurityHeadersFilter.STRICT_TRANSPORT_SECURITY);
    }
}
