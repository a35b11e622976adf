package org.her2feeds.clean;

import java.net.IDN;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * Turns what feeds write as a link into one canonical absolute http(s) URI, or nothing.
 * java.net.URL does the resolution because it accepts what feeds really contain (spaces, non-ASCII);
 * the result is then re-encoded so that {@link URI} accepts it and a second pass changes nothing.
 */
final class LinkNormalizer {

    private static final String HEX = "0123456789ABCDEF";
    private static final java.util.regex.Pattern REDIRECTORS =
            java.util.regex.Pattern.compile("(www\\.)?google\\.[a-z.]+");

    Optional<URI> normalize(String url, URI base) {
        return resolve(url, base).map(uri -> unwrapRedirect(uri, base).orElse(uri));
    }

    /**
     * Alert services (Google Alerts, for one) wrap every link in a redirect through their own site, which tracks
     * the click and breaks when the alert expires; the destination is in its {@code url} (or {@code q}) parameter.
     */
    private Optional<URI> unwrapRedirect(URI uri, URI base) {
        String host = uri.getHost();
        if (host == null
                || !REDIRECTORS.matcher(host).matches()
                || !"/url".equals(uri.getPath())
                || uri.getRawQuery() == null) {
            return Optional.empty();
        }
        for (String pair : uri.getRawQuery().split("&")) {
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            if (eq > 0 && (name.equals("url") || name.equals("q"))) {
                try {
                    String target = java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                    if (target.startsWith("http://") || target.startsWith("https://")) {
                        return resolve(target, base);
                    }
                } catch (IllegalArgumentException malformedEscape) {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }

    private Optional<URI> resolve(String url, URI base) {
        String spec = stripInvisible(url);
        if (spec.isEmpty()) {
            return Optional.empty();
        }
        URL resolved;
        try {
            resolved = new URL(context(base), spec);
        } catch (MalformedURLException | IllegalArgumentException e) {
            return Optional.empty();
        }
        String scheme = resolved.getProtocol().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return Optional.empty();
        }
        return host(resolved.getHost()).flatMap(host -> build(scheme, host, resolved));
    }

    private static Optional<URI> build(String scheme, String host, URL resolved) {
        StringBuilder out = new StringBuilder(scheme).append("://").append(host);
        int port = resolved.getPort();
        if (port != -1 && port != resolved.getDefaultPort()) {
            out.append(':').append(port);
        }
        // User info is dropped on purpose: "https://www.nih.gov@evil.example/" is a phishing pattern, never a need.
        String path = resolved.getPath();
        out.append(path == null || path.isEmpty() ? "/" : encode(path));
        String query = TrackingParameters.strip(resolved.getQuery());
        if (!query.isEmpty()) {
            out.append('?').append(encode(query));
        }
        if (resolved.getRef() != null) {
            out.append('#').append(encode(resolved.getRef()));
        }
        try {
            URI uri = new URI(out.toString()).normalize();
            return uri.getHost() == null ? Optional.empty() : Optional.of(uri);
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    private static URL context(URI base) {
        if (base == null || !base.isAbsolute()) {
            return null;
        }
        try {
            return base.toURL();
        } catch (MalformedURLException | IllegalArgumentException e) {
            return null;
        }
    }

    private static Optional<String> host(String raw) {
        if (raw == null || raw.isEmpty()) {
            return Optional.empty();
        }
        String host = raw.toLowerCase(Locale.ROOT);
        if (host.startsWith("[")) {
            return Optional.of(host);
        }
        try {
            String ascii = IDN.toASCII(host).toLowerCase(Locale.ROOT);
            return ascii.isEmpty() || !isHostName(ascii) ? Optional.empty() : Optional.of(ascii);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Only [a-z0-9._-]: a loop, not String.matches, which compiles its pattern at every link. */
    private static boolean isHostName(String ascii) {
        for (int i = 0; i < ascii.length(); i++) {
            char c = ascii.charAt(i);
            if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-')) {
                return false;
            }
        }
        return true;
    }

    /** Browsers ignore tabs and newlines anywhere in a URL and controls or spaces around it; so do we. */
    private static String stripInvisible(String url) {
        if (url == null) {
            return "";
        }
        String kept = url;
        // Nearly every link has no tab or line break in it: it is only trimmed, without a copy.
        if (url.indexOf('\t') >= 0 || url.indexOf('\n') >= 0 || url.indexOf('\r') >= 0) {
            StringBuilder out = new StringBuilder(url.length());
            for (int i = 0; i < url.length(); i++) {
                char c = url.charAt(i);
                if (c != '\t' && c != '\n' && c != '\r') {
                    out.append(c);
                }
            }
            kept = out.toString();
        }
        int start = 0;
        int end = kept.length();
        while (start < end && kept.charAt(start) <= ' ') {
            start++;
        }
        while (end > start && kept.charAt(end - 1) <= ' ') {
            end--;
        }
        return kept.substring(start, end);
    }

    /** Percent-encodes what a URI may not contain, keeping valid escapes so that encoding twice is a no-op. */
    private static String encode(String part) {
        StringBuilder out = new StringBuilder(part.length() + 8);
        for (int i = 0; i < part.length(); ) {
            int cp = part.codePointAt(i);
            int width = Character.charCount(cp);
            if (cp == '%' && isEscape(part, i)) {
                out.append('%');
            } else if (cp < 0x80 && isAllowed((char) cp)) {
                out.append((char) cp);
            } else {
                for (byte b : new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8)) {
                    out.append('%').append(HEX.charAt((b >> 4) & 0xF)).append(HEX.charAt(b & 0xF));
                }
            }
            i += width;
        }
        return out.toString();
    }

    private static boolean isEscape(String s, int at) {
        return at + 2 < s.length()
                && HEX.indexOf(Character.toUpperCase(s.charAt(at + 1))) >= 0
                && HEX.indexOf(Character.toUpperCase(s.charAt(at + 2))) >= 0;
    }

    /**
     * '#' is left out because URL already split the fragment off, so any '#' left is data. Parentheses are
     * escaped too: servers read %28/%29 as the same path, and an escaped link cannot close a CSS url(...) or a
     * JavaScript call in whatever template later embeds it.
     */
    private static boolean isAllowed(char c) {
        return (c >= 'a' && c <= 'z')
                || (c >= 'A' && c <= 'Z')
                || (c >= '0' && c <= '9')
                || "-._~:/?@!$&'*+,;=".indexOf(c) >= 0;
    }
}
