package org.her2feeds.http;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Enumeration;
import java.util.Locale;
import java.util.function.Supplier;
import org.her2feeds.sources.SourceCatalog;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Sends a {@link Rendered} output with the HTTP semantics feed readers and caches rely on: strong validators,
 * {@code 304 Not Modified} on a matching {@code If-None-Match} (or, without one, {@code If-Modified-Since}),
 * {@code HEAD} without a body, the precompressed gzip body for clients that accept it, and a freshness
 * lifetime equal to the shortest source interval (nothing can change sooner).
 */
@Component
public class CachedResponses {

    private final SourceCatalog sources;
    private final RenderCache cache;
    private final RequestUrls urls;

    CachedResponses(SourceCatalog sources, RenderCache cache, RequestUrls urls) {
        this.sources = sources;
        this.cache = cache;
        this.urls = urls;
    }

    /** The public root URL outputs link from ({@link RequestUrls#base}). */
    public String base() {
        return urls.base();
    }

    /** The public URL of the output the request names: its self link and its cache key ({@link RequestUrls#self}). */
    public String self(HttpServletRequest request) {
        return urls.self(request);
    }

    /**
     * Sends the output the request's URL names: from the render cache when the archive has not changed since it
     * was rendered, otherwise rendered now. Validate the request before calling: a cached output skips {@code render}.
     */
    public void serve(HttpServletRequest request, HttpServletResponse response, Supplier<Rendered> render)
            throws IOException {
        // The route MVC matched is kept with the output, so that polls answered from the cache before MVC runs
        // (CachedOutputFilter) are counted in the request metrics under it, not as an unknown URI.
        Object route = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        send(
                request,
                response,
                cache.get(urls.self(request), () -> render.get().routed(route == null ? null : route.toString())));
    }

    public void send(HttpServletRequest request, HttpServletResponse response, Rendered rendered) throws IOException {
        boolean gzip = acceptsGzip(request);
        response.setHeader(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING);
        response.setHeader(
                HttpHeaders.CACHE_CONTROL,
                "public, max-age=" + sources.shortestInterval().toSeconds());
        response.setHeader(HttpHeaders.ETAG, gzip ? rendered.gzipEtag() : rendered.etag());
        response.setDateHeader(
                HttpHeaders.LAST_MODIFIED, rendered.lastModified().toEpochMilli());
        if (notModified(request, rendered)) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        byte[] body = gzip ? rendered.gzip() : rendered.body();
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType(rendered.contentType());
        if (gzip) {
            response.setHeader(HttpHeaders.CONTENT_ENCODING, "gzip");
        }
        response.setContentLength(body.length);
        if (!"HEAD".equals(request.getMethod())) {
            response.getOutputStream().write(body);
        }
    }

    /** RFC 9110 13.2.2: If-None-Match, when present, decides alone; If-Modified-Since only applies without it. */
    static boolean notModified(HttpServletRequest request, Rendered rendered) {
        Enumeration<String> noneMatch = request.getHeaders(HttpHeaders.IF_NONE_MATCH);
        if (noneMatch != null && noneMatch.hasMoreElements()) {
            while (noneMatch.hasMoreElements()) {
                for (String tag : noneMatch.nextElement().split(",")) {
                    String candidate = tag.trim();
                    // If-None-Match uses the weak comparison: a W/ prefix added by an intermediary still matches.
                    if (candidate.startsWith("W/")) {
                        candidate = candidate.substring(2);
                    }
                    if (candidate.equals("*")
                            || candidate.equals(rendered.etag())
                            || candidate.equals(rendered.gzipEtag())) {
                        return true;
                    }
                }
            }
            return false;
        }
        long since;
        try {
            since = request.getDateHeader(HttpHeaders.IF_MODIFIED_SINCE);
        } catch (IllegalArgumentException unreadable) {
            return false;
        }
        return since >= 0 && rendered.lastModified().toEpochMilli() <= since;
    }

    static boolean acceptsGzip(HttpServletRequest request) {
        Enumeration<String> headers = request.getHeaders(HttpHeaders.ACCEPT_ENCODING);
        while (headers != null && headers.hasMoreElements()) {
            for (String coding : headers.nextElement().split(",")) {
                String[] parts = coding.trim().toLowerCase(Locale.ROOT).split(";");
                String name = parts[0].trim();
                if (name.equals("gzip") || name.equals("x-gzip") || name.equals("*")) {
                    return !refused(parts);
                }
            }
        }
        return false;
    }

    private static boolean refused(String[] parts) {
        for (int i = 1; i < parts.length; i++) {
            String parameter = parts[i].replace(" ", "");
            if (parameter.startsWith("q=")) {
                try {
                    return Double.parseDouble(parameter.substring(2)) <= 0;
                } catch (NumberFormatException malformed) {
                    return true;
                }
            }
        }
        return false;
    }
}
