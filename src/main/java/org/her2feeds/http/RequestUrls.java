package org.her2feeds.http;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The public URLs of the outputs. The root is {@code her2.publish.base-url}, never the request's Host header: anyone
 * can send any Host, and whatever an output says about itself is cached and served to everyone. An output's own URL
 * (its self link and its render cache key) is that root, the path, and only the query parameters an output reads,
 * in a fixed order: a cache buster ({@code ?cb=123}) or a reordered query names the same output.
 */
@Component
public class RequestUrls {

    /** The query parameters that select what an output holds; every other parameter changes nothing in it. */
    private static final List<String> OUTPUT_PARAMETERS =
            List.of("topic", "kind", "type", "trial", "drug", "limit", "from", "to");

    private final String base;

    @Autowired
    RequestUrls(PublicUrlProperties properties) {
        this(properties.baseUrl().toString());
    }

    RequestUrls(String baseUrl) {
        this.base = baseUrl.endsWith("/") ? baseUrl.replaceAll("/+$", "") : baseUrl;
    }

    /** The service's public root URL, without a trailing slash. */
    public String base() {
        return base;
    }

    /** The public URL of the output the request names: see the class comment. */
    public String self(HttpServletRequest request) {
        return self(request.getRequestURI().substring(request.getContextPath().length()), request.getQueryString());
    }

    /** {@link #self(HttpServletRequest)} of a path below the context path and the raw query string (or null). */
    String self(String path, String rawQuery) {
        String query = outputQuery(rawQuery);
        return base + path + (query.isEmpty() ? "" : "?" + query);
    }

    /** The parameters outputs read, as sent, ordered by name (values of one name keep their order). */
    static String outputQuery(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return "";
        }
        record Pair(int rank, String raw) {}
        List<Pair> kept = new ArrayList<>();
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            int rank;
            try {
                rank = OUTPUT_PARAMETERS.indexOf(URLDecoder.decode(name, StandardCharsets.UTF_8));
            } catch (IllegalArgumentException malformed) {
                rank = -1;
            }
            if (rank >= 0) {
                kept.add(new Pair(rank, pair));
            }
        }
        kept.sort(Comparator.comparingInt(Pair::rank));
        return String.join("&", kept.stream().map(Pair::raw).toList());
    }
}
