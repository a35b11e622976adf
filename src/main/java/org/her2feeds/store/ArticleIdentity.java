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

    private static final Pattern PMID = Pattern.compile("\\d{1,10}");

    private ArticleIdentity() {}

    static List<IdentityKey> keys(NewArticle article) {
        List<IdentityKey> keys = new ArrayList<>(4);
        String doi = doi(article.doi());
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
            keys.add(new IdentityKey(
                    "guid", article.sourceId() + " " + article.guid().trim()));
        }
        if (keys.isEmpty()) {
            // Nothing identifies the item but its words: the title within its source is the last resort.
            keys.add(new IdentityKey(
                    "title", article.sourceId() + " " + article.title().trim().toLowerCase(Locale.ROOT)));
        }
        return keys;
    }

    /**
     * The DOI when it is in the one normal form, which the parser gives it ({@code parse/ArticleIds.normaliseDoi}:
     * resolver prefixes and trailing punctuation removed, lower case); null for anything else. The store does not
     * normalise again, it only checks the shape: "10.", four to nine digits, "/", a suffix without white space,
     * nothing in upper case. One pass over the text, so a megabyte of hostile text costs a megabyte of reading.
     * A DOI not in that form is no key: at worst two copies stay separate, never are two articles merged.
     */
    static String doi(String doi) {
        if (doi == null || !doi.startsWith("10.")) {
            return null;
        }
        int i = 3;
        while (i < doi.length() && doi.charAt(i) >= '0' && doi.charAt(i) <= '9') {
            i++;
        }
        int registrantDigits = i - 3;
        if (registrantDigits < 4 || registrantDigits > 9 || i + 1 >= doi.length() || doi.charAt(i) != '/') {
            return null;
        }
        for (int j = i + 1; j < doi.length(); j++) {
            char c = doi.charAt(j);
            if (" \t\n\u000B\f\r".indexOf(c) >= 0 || Character.toLowerCase(c) != c) {
                return null;
            }
        }
        return doi;
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
        String digits = pmid.trim();
        int start = 0;
        while (start < digits.length() - 1 && digits.charAt(start) == '0') {
            start++;
        }
        return digits.substring(start);
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
