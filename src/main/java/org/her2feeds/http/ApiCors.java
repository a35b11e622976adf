package org.her2feeds.http;

import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.web.servlet.config.annotation.CorsRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Lets the portal's origins, and only those, read the JSON API from a browser, validators included. */
@Configuration
class ApiCors implements WebMvcConfigurer {

    private final PortalProperties portal;

    ApiCors(PortalProperties portal) {
        this.portal = portal;
    }

    @Override
    public void addCorsMappings(CorsRegistry registry) {
        if (portal.origins().isEmpty()) {
            return;
        }
        registry.addMapping("/api/**")
                .allowedOrigins(portal.origins().toArray(String[]::new))
                .allowedMethods("GET", "HEAD")
                .exposedHeaders(HttpHeaders.ETAG, HttpHeaders.LAST_MODIFIED)
                .maxAge(3600);
    }
}
