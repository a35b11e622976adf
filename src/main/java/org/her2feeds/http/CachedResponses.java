package org.her2feeds.http;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
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
    /** RFC 9110's IMF-fixdate, as Tomcat formats a date header. */
    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.ofPattern(
                    "EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US)
            .withZone(ZoneOffset.UTC);

    private volatile CacheControl cacheControl = new CacheControl(Duration.ZERO, "public, max-age=0");

    /** A Cache-Control value and the interval it was built for. */
    private record CacheControl(Duration interval, String value) {}

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

    /** {@link #self(HttpServletRequest)} of a path below the context path and the raw query string (or null). */
    String self(String path, String rawQuery) {
        return urls.self(path, rawQuery);
    }

    /**
     * Sends the output the request's URL names: from the render cache when the archive has not changed since it
     * was rendered, otherwise rendered now. Validate the request before calling: a cached output skips {@code render}.
     */
    public void serve(HttpServletRequest request, HttpServletResponse response, Supplier<Rendered> render)
            throws IOException {
        // The route MVC matched is kept with the output, so that polls answered from the cache before MVC runs
        // (CachedAnswerValve) are counted in the request metrics under it, not as an unknown URI.
        Object route = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        send(
                request,
                response,
                cache.get(urls.self(request), () -> render.get().routed(route == null ? null : route.toString())));
    }

    public void send(HttpServletRequest request, HttpServletResponse response, Rendered rendered) throws IOException {
        boolean gzip = acceptsGzip(request);
        boolean notModified = notModified(request, rendered);
        // Content-Type and Content-Length set as headers reach Tomcat's setContentType and setContentLength.
        for (ResponseHeader header : headers(rendered, gzip, notModified, cacheControl())) {
            response.setHeader(header.name(), header.value());
        }
        if (notModified) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        response.setStatus(HttpServletResponse.SC_OK);
        if (!"HEAD".equals(request.getMethod())) {
            response.getOutputStream().write(gzip ? rendered.gzip() : rendered.body());
        }
    }

    /**
     * The headers of an answer with the output, in the order they are sent: the one definition of what a cached
     * answer carries, for {@link #send} and for the bytes {@link CachedAnswerValve} writes them as.
     */
    static List<ResponseHeader> headers(Rendered rendered, boolean gzip, boolean notModified, String cacheControl) {
        List<ResponseHeader> headers = new ArrayList<>(8);
        headers.add(new ResponseHeader(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING));
        headers.add(new ResponseHeader(HttpHeaders.CACHE_CONTROL, cacheControl));
        headers.add(new ResponseHeader(HttpHeaders.ETAG, gzip ? rendered.gzipEtag() : rendered.etag()));
        headers.add(new ResponseHeader(HttpHeaders.LAST_MODIFIED, HTTP_DATE.format(rendered.lastModified())));
        if (!notModified) {
            headers.add(new ResponseHeader(HttpHeaders.CONTENT_TYPE, rendered.contentType()));
            if (gzip) {
                headers.add(new ResponseHeader(HttpHeaders.CONTENT_ENCODING, "gzip"));
            }
            headers.add(new ResponseHeader(
                    HttpHeaders.CONTENT_LENGTH, Integer.toString((gzip ? rendered.gzip() : rendered.body()).length)));
        }
        return headers;
    }

    /** The freshness lifetime: the shortest source interval, whose header value is built once per interval. */
    String cacheControl() {
        Duration interval = sources.shortestInterval();
        CacheControl current = cacheControl;
        if (!current.interval().equals(interval)) {
            current = new CacheControl(interval, "public, max-age=" + interval.toSeconds());
            cacheControl = current;
        }
        return current.value();
    }

    /**
     * RFC 9110 13.2.2: If-None-Match, when present, decides alone; If-Modified-Since only applies without it. The
     * lists are read in place, not split: this runs for every poll.
     */
    static boolean notModified(HttpServletRequest request, Rendered rendered) {
        Enumeration<String> noneMatch = request.getHeaders(HttpHeaders.IF_NONE_MATCH);
        if (noneMatch != null && noneMatch.hasMoreElements()) {
            while (noneMatch.hasMoreElements()) {
                String list = noneMatch.nextElement();
                for (int from = 0; from <= list.length(); ) {
                    int to = list.indexOf(',', from);
                    to = to < 0 ? list.length() : to;
                    int start = skipSpace(list, from, to);
                    int end = trimSpace(list, start, to);
                    // If-None-Match uses the weak comparison: a W/ prefix added by an intermediary still matches.
                    if (list.startsWith("W/", start) && end - start >= 2) {
                        start += 2;
                    }
                    if (is(list, start, end, "*")
                            || is(list, start, end, rendered.etag())
                            || is(list, start, end, rendered.gzipEtag())) {
                        return true;
                    }
                    from = to + 1;
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

    /**
     * Whether an {@code Accept-Encoding} list accepts gzip: the first of {@code gzip}, {@code x-gzip} or {@code *}
     * decides, refused only with {@code q=0} (or an unreadable q). Read in place; only a coding with parameters is
     * taken apart.
     */
    static boolean acceptsGzip(HttpServletRequest request) {
        Enumeration<String> headers = request.getHeaders(HttpHeaders.ACCEPT_ENCODING);
        while (headers != null && headers.hasMoreElements()) {
            String list = headers.nextElement();
            for (int from = 0; from <= list.length(); ) {
                int to = list.indexOf(',', from);
                to = to < 0 ? list.length() : to;
                int semicolon = list.indexOf(';', from);
                int nameEnd = semicolon < 0 || semicolon > to ? to : semicolon;
                int start = skipSpace(list, from, nameEnd);
                int end = trimSpace(list, start, nameEnd);
                if (isIgnoringCase(list, start, end, "gzip")
                        || isIgnoringCase(list, start, end, "x-gzip")
                        || is(list, start, end, "*")) {
                    return nameEnd == to
                            || !refused(list.substring(nameEnd + 1, to).toLowerCase(Locale.ROOT));
                }
                from = to + 1;
            }
        }
        return false;
    }

    private static boolean refused(String parameters) {
        for (String parameter : parameters.split(";")) {
            parameter = parameter.replace(" ", "");
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

    /** The first index from {@code from} on that is not white space ({@link String#trim}'s), or {@code to}. */
    private static int skipSpace(String s, int from, int to) {
        while (from < to && s.charAt(from) <= ' ') {
            from++;
        }
        return from;
    }

    /** The end of {@code [from, to)} without trailing white space. */
    private static int trimSpace(String s, int from, int to) {
        while (to > from && s.charAt(to - 1) <= ' ') {
            to--;
        }
        return to;
    }

    private static boolean is(String s, int from, int to, String expected) {
        return to - from == expected.length() && s.startsWith(expected, from);
    }

    private static boolean isIgnoringCase(String s, int from, int to, String expected) {
        return to - from == expected.length() && s.regionMatches(true, from, expected, 0, expected.length());
    }
}
