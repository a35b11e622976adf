package org.her2feeds.store;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Decides which names an incoming item is known by. The order is the order of trust: a DOI names the work
 * wherever it is published, a PubMed id names the record, a link names one copy, a GUID only means something
 * inside its own feed (hence it is scoped by source).
 *
 * <p>A link only names an article when it is specific: a site's home page is no key at all, and {@link ArticleStore}
 * does not let a link merge an item into an article its own source already carries under another GUID (a section
 * page given as the link of every item).
 */
final class ArticleIdentity {

    private static final Pattern DOI = Pattern.compile("10\\.\\d{4,9}/\\S+");
    private static final Pattern PMID = Pattern.compile("\\d{1,10}");

    private ArticleIdentity() {
    }

    static List<IdentityKey> keys(NewArticle article) {
        List<IdentityKey> keys = new ArrayList<>(4);
        String doi = normaliseDoi(article.doi());
        if (doi != null) {
            keys.add(new IdentityKey("doi", doi));
        }
        String pmid = normalisePmid(article.pmid());
        if (pmid != null) {
            keys.add(new IdentityKey("pmid", pmid));
        }
        String link = canonicalLink(article.link());
        if (link != null && !isSiteRoot(link)) {
            keys.add(new IdentityKey("link", link));
        }
        if (article.guid() != null && !article.guid().isBlank()) {
            keys.add(new IdentityKey("guid", article.sourceId() + " " + article.guid().trim()));
        }
        if (keys.isEmpty()) {
            // Nothing identifies the item but its words: the title within its source is the last resort.
            keys.add(new IdentityKey("title", article.sourceId() + " " + article.title().trim().toLowerCase(Locale.ROOT)));
        }
        return keys;
    }

    /** DOIs are case-insensitive; resolver prefixes and trailing punctuation are not part of them. */
    static String normaliseDoi(String doi) {
        if (doi == null) {
            return null;
        }
        String text = doi.trim().toLowerCase(Locale.ROOT)
                .replaceFirst("^(https?://(dx\\.)?doi\\.org/|doi:\\s*)", "");
        // A loop, not a "[.,;:)\\]]+$" regex: that one retries at every position and is quadratic on ")))…x".
        int end = text.length();
        while (end > 0 && ".,;:)]".indexOf(text.charAt(end - 1)) >= 0) {
            end--;
        }
        text = text.substring(0, end);
        return DOI.matcher(text).matches() ? text : null;
    }

    /**
     * A site's home page ("https://site.example/" with no query) names no article: feeds that give it as every
     * item's link would otherwise have all their items merged into one. Such a link is never an identity key.
     */
    static boolean isSiteRoot(String canonicalLink) {
        int afterScheme = canonicalLink.indexOf("://") + 3;
        int slash = canonicalLink.indexOf('/', afterScheme);
        return slash == canonicalLink.length() - 1;
    }

    /** A PubMed id is a number; leading zeros are not part of it. Anything else is no PubMed id. */
    static String normalisePmid(String pmid) {
        if (pmid == null || !PMID.matcher(pmid.trim()).matches()) {
            return null;
        }
        return pmid.trim().replaceFirst("^0+(?=\\d)", "");
    }

    /** Scheme and host lower-cased, default port and fragment dropped; tracking parameters are gone already. */
    static String canonicalLink(String link) {
        if (link == null || link.isBlank()) {
            return null;
        }
        try {
            URI uri = new URI(link.trim());
            if (uri.getScheme() == null || uri.getHost() == null) {
                return null;
            }
            String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
            int port = uri.getPort();
            if (("http".equals(scheme) && port == 80) || ("https".equals(scheme) && port == 443)) {
                port = -1;
            }
            String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
            return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (port == -1 ? "" : ":" + port) + path
                    + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        } catch (URISyntaxException e) {
            return null;
        }
    }
}
