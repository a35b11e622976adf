package org.her2feeds.fetch;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;

/** The hops of one fetch: where we are, whether every hop so far was permanent, and the loop and hop limits. */
final class RedirectChain {

    private final int maxRedirects;
    private final List<URI> visited = new ArrayList<>();
    private boolean allPermanent = true;

    RedirectChain(URI start, int maxRedirects) {
        this.maxRedirects = maxRedirects;
        visited.add(start);
    }

    static boolean isRedirect(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }

    URI current() {
        return visited.get(visited.size() - 1);
    }

    /** Records a hop from the current URL to {@code location} (absolute or relative), enforcing the limits. */
    void follow(int status, String location) throws FetchException {
        URI from = current();
        if (location == null || location.isBlank()) {
            throw new FetchException(from, status, "BadRedirect", "HTTP " + status + " without a Location header");
        }
        URI target = resolve(from, location.strip());
        if (visited.contains(target)) {
            throw new FetchException(from, status, "RedirectLoop", "redirect loop: " + path(target));
        }
        if (visited.size() > maxRedirects) {
            throw new FetchException(
                    from,
                    status,
                    "TooManyRedirects",
                    "more than " + maxRedirects + " redirects (started at " + visited.get(0) + ")");
        }
        allPermanent &= status == 301 || status == 308;
        visited.add(target);
    }

    /** The final URL if it was reached only through permanent redirects, else null. */
    URI permanentTarget() {
        return visited.size() > 1 && allPermanent ? current() : null;
    }

    /** Strips the fragment, which is never sent, so that loops are recognised. */
    static URI withoutFragment(URI uri) {
        if (uri.getRawFragment() == null) {
            return uri;
        }
        String text = uri.toString();
        return URI.create(text.substring(0, text.indexOf('#')));
    }

    private URI resolve(URI base, String location) throws FetchException {
        URI relative;
        try {
            relative = new URI(location);
        } catch (URISyntaxException e) {
            try {
                // Servers do send raw spaces in Location; browsers escape them, so do we.
                relative = new URI(location.replace(" ", "%20"));
            } catch (URISyntaxException again) {
                throw new FetchException(base, "BadRedirect", "invalid Location header '" + location + "'");
            }
        }
        // URI.resolve drops the separator for a base without path ("http://h" + "x" = "http://hx").
        URI fixedBase = base.getRawPath() == null || base.getRawPath().isEmpty() ? base.resolve("/") : base;
        return withoutFragment(fixedBase.resolve(relative).normalize());
    }

    private String path(URI closing) {
        StringBuilder text = new StringBuilder();
        for (URI uri : visited.subList(visited.indexOf(closing), visited.size())) {
            text.append(uri).append(" -> ");
        }
        return text.append(closing).toString();
    }
}
