package org.her2feeds.parse;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds an article's own DOI and PubMed id in the places journal and PubMed feeds put them, and nowhere else: a
 * DOI that the item only cites (a related link, a reference list, one of several DOIs in the text) must never
 * become its identity, or two different papers would be merged into one.
 * <p>
 * Trusted in this order: identifier fields ({@code dc:identifier}, {@code prism:doi}: "doi:10...", "info:doi/10...",
 * a doi.org URL, a bare DOI), then the item's own links and guid (doi.org and publishers' /doi/ paths, PubMed
 * URLs, "pubmed:123"), then a single "doi:"/"PMID:" statement closing a PubMed-style description. Every pattern
 * here runs in time linear in its input: feeds are untrusted and can be megabytes long.
 */
final class ArticleIds {

    /** The DOI and PubMed id of an item, each null when it has none of its own. */
    record Found(String doi, String pmid) {}

    /** Where PubMed and Europe PMC put their "PMID: … DOI: …" line: at the end of the description. */
    static final int STATEMENT_TAIL = 600;

    private static final String DOI_BODY = "(10\\.\\d{4,9}/[^\\s\"<>]+)";
    private static final Pattern DOI_LABELLED =
            Pattern.compile("(?i)(?:^|[\\s(\\[|:;,.])(?:doi:\\s*|info:doi/)" + DOI_BODY);
    private static final Pattern BARE_DOI = Pattern.compile("^" + DOI_BODY + "$");
    private static final Pattern DOI_IN_URL =
            Pattern.compile("(?i)(?:doi\\.org/|/doi/(?:abs/|full/|pdf/|epdf/|epub/|reader/|book/|suppl/)?)"
                    + "(10\\.\\d{4,9}/[^?#\\s\"<>]+)");
    /**
     * Publishers whose article pages are named by the DOI without a /doi/ marker: Frontiers and Springer/BMC
     * ("/articles/10.…"), and Silverchair platforms (OUP, Karger, JAMA: "/article/doi/10.…/<article id>/<slug>").
     */
    private static final Pattern DOI_IN_ARTICLE_PATH =
            Pattern.compile("(?i)^https?://[^/?#]+(?:/[^?#]*)?/(articles?)/(?:doi/)?(10\\.\\d{4,9}/[^?#\\s\"<>]+)");
    /** Page views that publishers append to the DOI in a path: not part of the DOI. */
    private static final Pattern PAGE_VIEW =
            Pattern.compile("(?i)/(?:full|abstract|fulltext|pdf|epdf|html|figures|references|metrics)/?$");
    /** Any DOI-shaped string, to tell a description that names one DOI from one that cites several. */
    static final Pattern ANY_DOI = Pattern.compile("(?<![\\w.])(10\\.\\d{4,9}/[^\\s\"<>]+)");

    /**
     * "PMID: 123", "PubMed: 123", "info:pmid/123", and "PMID 123" as PubMed's own notices write it ("Retraction of:
     * PMID 123"); "PubMed" without a colon is not a label ("searched PubMed 2000 to 2024").
     */
    static final Pattern PMID_LABELLED = Pattern.compile(
            "(?i)(?:^|[\\s(\\[|;,.])(?:pmid\\s*:?|pubmed\\s*:)\\s*(\\d{1,9})\\b|^info:pmid/(\\d{1,9})$");

    static final Pattern PMID_IN_URL =
            Pattern.compile("(?i)(?:pubmed\\.ncbi\\.nlm\\.nih\\.gov/|ncbi\\.nlm\\.nih\\.gov/pubmed/"
                    + "|europepmc\\.org/(?:abstract/)?(?:med|article/med)/)(\\d{1,9})(?=[/?#]|$)");

    private ArticleIds() {}

    /**
     * @param identifiers     values meant as identifiers (dc:identifier, prism:doi), where a bare DOI counts
     * @param ownLinks        the item's guid and its own links (never related or cited ones), where only a DOI in
     *                        a doi.org or /doi/ URL, or a marked PubMed id, counts
     * @param descriptionText the description as text (markup removed), or null
     */
    static Found find(List<String> identifiers, List<String> ownLinks, String descriptionText) {
        String doi = null;
        String pmid = null;
        for (String value : identifiers) {
            doi = doi != null ? doi : doiInIdentifier(value);
            pmid = pmid != null ? pmid : pmidIn(value);
        }
        for (String value : ownLinks) {
            doi = doi != null ? doi : doiInLink(value);
            pmid = pmid != null ? pmid : pmidIn(value);
        }
        if (descriptionText != null && (doi == null || pmid == null)) {
            doi = doi != null ? doi : statedDoi(descriptionText);
            pmid = pmid != null ? pmid : statedPmid(descriptionText);
        }
        return new Found(doi, pmid);
    }

    static Found find(List<String> identifiers, List<String> ownLinks) {
        return find(identifiers, ownLinks, null);
    }

    /** In an identifier field: a labelled DOI, a DOI in a URL, or a bare DOI, in that order. */
    private static String doiInIdentifier(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = decodePercent(value.strip());
        for (Pattern shape : List.of(DOI_LABELLED, DOI_IN_URL, BARE_DOI)) {
            Matcher m = shape.matcher(text);
            if (m.find()) {
                return normaliseDoi(m.group(1));
            }
        }
        return null;
    }

    private static String doiInLink(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = decodePercent(value.strip());
        Matcher m = DOI_IN_URL.matcher(text);
        if (m.find()) {
            boolean resolver = text.regionMatches(true, m.start(), "doi.org/", 0, 8);
            // A publisher's /doi/ page may add a view or, on Silverchair, an article id and a slug after the DOI.
            return normaliseDoi(
                    resolver
                            ? m.group(1)
                            : beforeNumericSegment(PAGE_VIEW.matcher(m.group(1)).replaceFirst("")));
        }
        m = DOI_IN_ARTICLE_PATH.matcher(text);
        if (m.find()) {
            String doi = PAGE_VIEW.matcher(m.group(2)).replaceFirst("");
            // Silverchair follows the DOI with the platform's numeric article id and a slug.
            return normaliseDoi(m.group(1).equalsIgnoreCase("article") ? beforeNumericSegment(doi) : doi);
        }
        // A guid written as "doi:10..." (some journal platforms) names the item itself.
        m = DOI_LABELLED.matcher(text);
        return m.find() && m.start(1) <= 12 ? normaliseDoi(m.group(1)) : null;
    }

    /**
     * A "doi:" statement near the end of the description (where PubMed and Europe PMC print it), when the
     * description mentions no other DOI: with several, the item's own cannot be told from those it cites.
     */
    private static String statedDoi(String text) {
        if (!text.contains("10.")) {
            // Most descriptions name no DOI at all: not worth a scan of the whole text by pattern.
            return null;
        }
        Set<String> all = new LinkedHashSet<>();
        Matcher any = ANY_DOI.matcher(text);
        while (any.find() && all.size() < 2) {
            String doi = normaliseDoi(any.group(1));
            if (doi != null) {
                all.add(doi);
            }
        }
        if (all.size() != 1) {
            return null;
        }
        Matcher m = DOI_LABELLED.matcher(text);
        m.region(Math.max(0, text.length() - STATEMENT_TAIL), text.length());
        return m.find() ? normaliseDoi(m.group(1)) : null;
    }

    private static String statedPmid(String text) {
        int tail = Math.max(0, text.length() - STATEMENT_TAIL);
        if (!mentionsPubMed(text.substring(tail))) {
            return null;
        }
        Matcher m = PMID_LABELLED.matcher(text);
        m.region(tail, text.length());
        String found = null;
        while (m.find()) {
            String pmid = m.group(1) != null ? m.group(1) : m.group(2);
            if (found != null && !found.equals(pmid)) {
                return null;
            }
            found = pmid;
        }
        return found;
    }

    /** "10.5555/jnci/djaf302/8000302/slug" is "10.5555/jnci/djaf302": the suffix ends before an all-digit segment. */
    private static String beforeNumericSegment(String doi) {
        String[] segments = doi.split("/");
        StringBuilder out = new StringBuilder(segments[0]).append('/').append(segments.length > 1 ? segments[1] : "");
        for (int i = 2; i < segments.length; i++) {
            if (!segments[i].isEmpty() && segments[i].chars().allMatch(Character::isDigit)) {
                break;
            }
            out.append('/').append(segments[i]);
        }
        return out.toString();
    }

    private static String pmidIn(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.strip();
        if (!mentionsPubMed(text)) {
            return null;
        }
        Matcher m = PMID_LABELLED.matcher(text);
        if (m.find() && m.start() <= 12) {
            return m.group(1) != null ? m.group(1) : m.group(2);
        }
        m = PMID_IN_URL.matcher(text);
        return m.find() ? m.group(1) : null;
    }

    /** Every PubMed id pattern here needs one of these words: most links and texts have none, and skip the scans. */
    private static boolean mentionsPubMed(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        return lower.contains("pmid") || lower.contains("pubmed") || lower.contains("europepmc");
    }

    private static String decodePercent(String text) {
        if (text.indexOf('%') < 0) {
            return text;
        }
        try {
            // Links may escape the DOI's slash (doi.org/10.1002%2Fcncr.1); '+' is a DOI character, not a space.
            return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return text;
        }
    }

    /**
     * The one normal form of a DOI: lower case (DOIs are case-insensitive), without the punctuation that ends the
     * sentence or the URL around it. Brackets are counted once, so the cost stays linear however many there are.
     *
     * @return the normal form, or null when what is left is not a DOI
     */
    static String normaliseDoi(String doi) {
        if (doi == null) {
            return null;
        }
        String d = doi.strip();
        String lower = d.toLowerCase(Locale.ROOT);
        if (lower.startsWith("https://") || lower.startsWith("http://") || lower.startsWith("doi:")) {
            Matcher m = (lower.startsWith("doi:") ? DOI_LABELLED : DOI_IN_URL).matcher(d);
            if (!m.find()) {
                return null;
            }
            d = m.group(1);
        }
        int openParens = 0;
        int closeParens = 0;
        int openBrackets = 0;
        int closeBrackets = 0;
        for (int i = 0; i < d.length(); i++) {
            switch (d.charAt(i)) {
                case '(' -> openParens++;
                case ')' -> closeParens++;
                case '[' -> openBrackets++;
                case ']' -> closeBrackets++;
                default -> {}
            }
        }
        int end = d.length();
        while (end > 0) {
            char last = d.charAt(end - 1);
            if (".,;:'\"/>".indexOf(last) >= 0) {
                end--;
            } else if (last == ')' && openParens < closeParens) {
                closeParens--;
                end--;
            } else if (last == ']' && openBrackets < closeBrackets) {
                closeBrackets--;
                end--;
            } else {
                break;
            }
        }
        String trimmed = d.substring(0, end);
        int slash = trimmed.indexOf('/');
        if (!trimmed.startsWith("10.") || slash < 0 || slash == trimmed.length() - 1) {
            return null;
        }
        return trimmed.toLowerCase(Locale.ROOT);
    }
}
