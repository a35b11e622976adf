package org.her2feeds.publish;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** The URLs of a request as the client used them: the base for absolute links, the full URL for self links and keys. */
public final class RequestUrls {

    private RequestUrls() {
    }

    /** The service's root URL, without a trailing slash. */
    public static String base(HttpServletRequest request) {
        return ServletUriComponentsBuilder.fromContextPath(request).build().toUriString();
    }

    /** The full URL the client asked for, query included. */
    public static String self(HttpServletRequest request) {
        return ServletUriComponentsBuilder.fromRequest(request).build().toUriString();
    }
}
