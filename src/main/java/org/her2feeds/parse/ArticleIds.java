package org.her2feeds.parse;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds an article's DOI and PubMed id in the places journal and PubMed feeds put them: {@code dc:identifier}
 * and {@code prism:doi} ("doi:10...", "info:doi/10...", "pmid:123", "info:pmid/123", a bare DOI), the guid
 * ("pubmed:123") and links (doi.org, publishers' /doi/ paths, pubmed.ncbi.nlm.nih.gov/123).
 */
final class ArticleIds {

    record Found(String doi, String pmid) {
    }

    private static final String DOI_BODY = "(10\\.\\d{4,9}/\\S+)";
    private static final Pattern DOI_IN_TEXT = Pattern.compile(
            "(?i)(?:^|[\\s(\\[])(?:doi:\\s*|info:doi/|https?://(?:dx\\.)?doi\\.org/)" + DOI_BODY);
    private static final Pattern BARE_DOI = Pattern.compile("^" + DOI_BODY + "$");
    private static final Pattern DOI_IN_URL = Pattern.compile(
            "(?i)(?:doi\\.org/|/doi/(?:abs/|full/|pdf/|epdf/|epub/|reader/|book/)?)(10\\.\\d{4,9}/[^?#\\s]+)");
    private static final Pattern PMID_IN_TEXT = Pattern.compile(
            "(?i)(?:^|\\s)(?:pmid|pubmed)\\s*:\\s*(\\d{1,9})\\b|^info:pmid/(\\d{1,9})$");
    private static final Pattern PMID_IN_URL = Pattern.compile(
            "(?i)(?:pubmed\\.ncbi\\.nlm\\.nih\\.gov/|ncbi\\.nlm\\.nih\\.gov/pubmed/)(\\d{1,9})(?=[/?#]|$)");

    private ArticleIds() {
    }

    /**
     * @param identifiers values meant as identifiers (dc:identifier, prism:doi), where a bare DOI counts
     * @param others      guid and links, where only a marked DOI or PubMed id counts
     */
    static Found find(List<String> identifiers, List<String> others) {
        String doi = null;
        String pmid = null;
        for (String value : identifiers) {
            doi = doi != null ? doi : doiIn(value, true);
            pmid = pmid != null ? pmid : pmidIn(value);
        }
        for (String value : others) {
            doi = doi != null ? doi : doiIn(value, false);
            pmid = pmid != null ? pmid : pmidIn(value);
        }
        return new Found(doi, pmid);
    }

    private static String doiIn(String value, boolean bareAllowed) {
        if (value == null || value.isBlank()) {
            return null;
        }
        // Links may escape the DOI's slash (doi.org/10.1002%2Fcncr.1).
        String text = value.indexOf('%') >= 0 ? decodePercent(value.trim()) : value.trim();
        Matcher m = DOI_IN_TEXT.matcher(text);
        if (m.find()) {
            return normaliseDoi(m.group(1));
        }
        m = DOI_IN_URL.matcher(text);
        if (m.find()) {
            return normaliseDoi(m.group(1));
        }
        m = BARE_DOI.matcher(text);
        return bareAllowed && m.find() ? normaliseDoi(m.group(1)) : null;
    }

    private static String pmidIn(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.trim();
        Matcher m = PMID_IN_TEXT.matcher(text);
        if (m.find()) {
            return m.group(1) != null ? m.group(1) : m.group(2);
        }
        m = PMID_IN_URL.matcher(text);
        return m.find() ? m.group(1) : null;
    }

    private static String decodePercent(String text) {
        try {
            return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return text;
        }
    }

    /** Lower case, without the punctuation that ends the sentence or the URL around it. */
    private static String normaliseDoi(String doi) {
        String d = doi;
        boolean trimmed = true;
        while (trimmed && !d.isEmpty()) {
            char last = d.charAt(d.length() - 1);
            trimmed = ".,;:'\"/>".indexOf(last) >= 0
                    || (last == ')' && count(d, '(') < count(d, ')'))
                    || (last == ']' && count(d, '[') < count(d, ']'));
            if (trimmed) {
                d = d.substring(0, d.length() - 1);
            }
        }
        return d.contains("/") && !d.endsWith("/") ? d.toLowerCase(Locale.ROOT) : null;
    }

    private static long count(String s, char c) {
        return s.chars().filter(ch -> ch == c).count();
    }
}
