package org.her2feeds.http;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** The URLs of a request as the client used them: the base for absolute links, the full URL for self links and keys. */
public final class RequestUrls {

    private RequestUrls() {}

    /** The service's root URL, without a trailing slash. */
    public static String base(HttpServletRequest request) {
        return ServletUriComponentsBuilder.fromContextPath(request).build().toUriString();
    }

    /**
     * The full URL the client asked for, query included, exactly as sent: the self link of a feed and the key of
     * its rendered output. Built from the servlet request directly because it is computed for every poll.
     */
    public static String self(HttpServletRequest request) {
        StringBuffer url = request.getRequestURL();
        String query = request.getQueryString();
        return query == null ? url.toString() : url.append('?').append(query).toString();
    }
}
