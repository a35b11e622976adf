package org.her2feeds.sources;

import java.net.URI;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * How a source URL is shown to the public (the API, the OPML list, the feeds, the page, the static copy): without
 * the credentials written into it, with the values of secret-looking query parameters masked, and for a file
 * source without the server's folders. The admin API shows the URL as configured.
 */
public final class PublicUrl {

    static final String MASK = "***";

    /** Words that name a secret in a parameter name, alone or at its end (api_key, accessToken, clientSecret). */
    private static final Set<String> SECRET_WORDS = Set.of(
            "key",
            "apikey",
            "token",
            "secret",
            "password",
            "passwd",
            "pwd",
            "pass",
            "auth",
            "authorization",
            "sig",
            "signature",
            "session",
            "sessionid",
            "sid",
            "credential",
            "credentials",
            "jwt");

    private static final Pattern WORD_BREAK = Pattern.compile("[^a-z0-9]+|(?<=[a-z0-9])(?=[A-Z])");

    private PublicUrl() {}

    public static String of(URI url) {
        if (url == null) {
            return null;
        }
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (scheme.equals("file")) {
            String path = url.getPath() == null ? "" : url.getPath();
            return "file:" + path.substring(path.lastIndexOf('/') + 1);
        }
        if (url.isOpaque() || url.getRawAuthority() == null) {
            return url.toString();
        }
        StringBuilder out = new StringBuilder(url.getScheme()).append("://");
        if (url.getRawUserInfo() != null) {
            out.append(MASK).append('@');
        }
        String authority = url.getRawAuthority();
        out.append(authority.substring(authority.lastIndexOf('@') + 1));
        if (url.getRawPath() != null) {
            out.append(url.getRawPath());
        }
        if (url.getRawQuery() != null) {
            out.append('?').append(maskQuery(url.getRawQuery()));
        }
        // A fragment is never sent to the server, so it is no part of what a source is fetched from.
        return out.toString();
    }

    /** The same for a URL kept as text; text that is not a URL is shown as nothing rather than as it is. */
    public static String of(String url) {
        if (url == null) {
            return null;
        }
        try {
            return of(new URI(url));
        } catch (java.net.URISyntaxException e) {
            return null;
        }
    }

    private static String maskQuery(String query) {
        StringBuilder out = new StringBuilder(query.length());
        for (String parameter : query.split("&", -1)) {
            if (out.length() > 0) {
                out.append('&');
            }
            int equals = parameter.indexOf('=');
            String name = equals < 0 ? parameter : parameter.substring(0, equals);
            if (equals >= 0 && isSecretName(name)) {
                out.append(name).append('=').append(MASK);
            } else {
                out.append(parameter);
            }
        }
        return out.toString();
    }

    static boolean isSecretName(String rawName) {
        String name = java.net.URLDecoder.decode(rawName, java.nio.charset.StandardCharsets.UTF_8);
        String lower = name.toLowerCase(Locale.ROOT);
        if (SECRET_WORDS.contains(lower)) {
            return true;
        }
        for (String word : WORD_BREAK.split(name)) {
            if (SECRET_WORDS.contains(word.toLowerCase(Locale.ROOT))) {
                return true;
            }
        }
        return lower.endsWith("key") || lower.endsWith("token") || lower.endsWith("secret");
    }
}
