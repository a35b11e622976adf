package org.her2feeds.tagging;

import java.text.Normalizer;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.her2feeds.parse.CitedIds;

/** Reads what a notice (an article of type {@code notice}) is about and what kind of notice it is. */
final class NoticeReader {

    /**
     * "Retraction notice to: <title>", "Erratum: <title>", "WITHDRAWN: <title>": the title follows the colon. A
     * prefix holds no opening quotation mark: in 'Erratum to "Title: subtitle"' the first colon is the quoted title's
     * own, and the quoted title is the whole.
     */
    private static final Pattern PREFIXED = Pattern.compile("^[^:\"“‘]{3,60}:\\s*(.{12,})$");

    /**
     * A title quoted in the notice's text: "…", “…", ‘…’ or '…'. A straight single quote counts only outside a word,
     * so that apostrophes ("the authors' data … the editors' view") do not make a title.
     */
    private static final Pattern QUOTED =
            Pattern.compile("[\"“‘]([^\"”’]{20,400})[\"”’]|(?<![\\p{L}\\p{N}])'([^']{20,400})'(?![\\p{L}\\p{N}])");

    /**
     * A reference in citation style, as the Lancet's "Department of Error" opens: "Zhou L, Tan Q, et al. <title>.
     * Lancet 2027; 409: 488-500." The title runs from "et al." to the full stop before the journal and year.
     */
    private static final Pattern CITED =
            Pattern.compile("\\bet al\\.\\s+(.{20,400}?)\\.\\s+[A-Z][\\w .&-]{1,80}?\\s(?:19|20)\\d\\d\\s*[;,:]");

    /**
     * A PubMed id labelled by what it is the id of: "PMID of withdrawn article: 99160077", "PubMed ID for the original
     * paper: …". A notice says whose id it gives; a bare number is no id, but one so labelled is the article's.
     * "PubMed ID" spelled out is a label in itself, as "PMID" is ("the above guideline (PubMed ID 99150317)"), where
     * a bare "PubMed" is a database ("searched PubMed 2010 to 2025").
     */
    private static final Pattern PMID_OF = Pattern.compile("(?i)\\b(?:PMID|PubMed\\s+ID)\\s+(?:of|for)\\s+(?:the\\s+)?"
            + "(?:[a-z-]+\\s+){0,2}(?:article|paper|publication|abstract|report)\\s*:?\\s*(\\d{1,9})\\b"
            + "|\\bPubMed\\s+(?:ID|identifier)\\s*:?\\s*(\\d{1,9})\\b");

    /**
     * Other ways a notice writes its article's PubMed id: PubMed's old search link ("ncbi.nlm.nih.gov/pubmed/?term=
     * 123"), a query-style "PMID=123", and "PubMed" before a number too long to be a year ("Corrects: PubMed
     * 99170016", where "searched PubMed 2010 to 2025" names no article).
     */
    private static final Pattern PMID_WRITTEN =
            Pattern.compile("(?i)ncbi\\.nlm\\.nih\\.gov/pubmed/?\\?term=(\\d{1,9})\\b|\\bPMID\\s*=\\s*(\\d{1,9})\\b"
                    + "|\\bPubMed\\s+(\\d{7,9})\\b");

    /**
     * A preprint server withdraws a preprint by posting a new version of it: the notice's own link carries the
     * withdrawn preprint's DOI and the version ("…/content/10.1101/2026.03.04.26347712v2").
     */
    private static final Pattern VERSIONED_DOI =
            Pattern.compile("/(10\\.\\d{4,9}/[^\\s\"<>?#]+?)v\\d{1,2}(?:[/?#.][^\\s]*)?$");

    private static final int TITLE_KEY_LENGTH = 200;

    private NoticeReader() {}

    static Notice read(TaggableText text) {
        String kind = kind(text);
        // A notice's own record may name the article it concerns only among its keywords ("Original: PMID 123",
        // "doi:10.1000/x"): an index files the notice under the article as it files it under a subject.
        String all = text.title() + "\n" + text.summary() + "\n" + text.content() + "\n"
                + String.join("\n", text.categories());
        Set<String> pmids = new LinkedHashSet<>(CitedIds.pmids(all));
        Matcher labelled = PMID_OF.matcher(all);
        while (labelled.find()) {
            pmids.add(labelled.group(1) != null ? labelled.group(1) : labelled.group(2));
        }
        Matcher written = PMID_WRITTEN.matcher(all);
        while (written.find()) {
            for (int g = 1; g <= written.groupCount(); g++) {
                if (written.group(g) != null) {
                    pmids.add(written.group(g));
                }
            }
        }
        List<String> dois = CitedIds.dois(all);
        if (dois.isEmpty() && pmids.isEmpty()) {
            dois = versionedDoiInOwnLink(text);
        }
        return new Notice(kind, dois, List.copyOf(pmids), title(text));
    }

    /** What each kind of notice calls itself, in the order in which they are told apart when several are named. */
    private static final List<Map.Entry<String, String>> KIND_WORDS = List.of(
            Map.entry("withdraw", Notice.WITHDRAWAL),
            Map.entry("retract", Notice.RETRACTION),
            Map.entry("concern", Notice.CONCERN),
            Map.entry("correct", Notice.CORRECTION),
            Map.entry("errat", Notice.CORRECTION),
            Map.entry("corrig", Notice.CORRECTION),
            // "Error in Results: <title>": a journal names a correction by the section in error.
            Map.entry("error", Notice.CORRECTION));

    /**
     * The kind a notice names: in the label before its title's colon when that names one ("Expression of Concern:
     * … withdrawal of trastuzumab …", "Erratum: Withdrawal of …": the quoted title's words are the article's, not the
     * notice's), else in its title and sections. A notice that names none there (a preprint server's record keeps the
     * preprint's title and says "This preprint has been withdrawn" in its text) is read in its summary; a correction
     * when nothing names another kind.
     */
    private static String kind(TaggableText text) {
        String title = text.title().toLowerCase(Locale.ROOT);
        int colon = title.indexOf(':');
        if (colon > 0) {
            String label = named(title.substring(0, colon));
            if (label != null) {
                return label;
            }
        }
        String named = named(title + " " + String.join(" ", text.categories()).toLowerCase(Locale.ROOT));
        if (named == null) {
            named = named(text.summary().toLowerCase(Locale.ROOT));
        }
        return named == null ? Notice.CORRECTION : named;
    }

    private static String named(String words) {
        return KIND_WORDS.stream()
                .filter(word -> words.contains(word.getKey()))
                .map(Map.Entry::getValue)
                .findFirst()
                .orElse(null);
    }

    private static List<String> versionedDoiInOwnLink(TaggableText text) {
        if (!"preprint".equals(text.sourceKind()) || text.link() == null) {
            return List.of();
        }
        Matcher versioned = VERSIONED_DOI.matcher(text.link().strip());
        return versioned.find() ? CitedIds.dois(versioned.group(1)) : List.of();
    }

    /**
     * A congress abstract's number before its title ("O2-7", "PD5-03", "LBA12"): the meeting's programme numbers the
     * abstract, the title the notice withdraws does not carry it.
     */
    private static final Pattern ABSTRACT_NUMBER =
            Pattern.compile("^(?:[A-Z]{1,4}[0-9]{1,3}(?:-[0-9]{1,3}){1,2}|LBA[0-9]{1,4})\\s+(?=\\p{Lu})");

    private static String title(TaggableText text) {
        Matcher prefixed = PREFIXED.matcher(text.title().strip());
        if (prefixed.matches()) {
            return ABSTRACT_NUMBER.matcher(prefixed.group(1).strip()).replaceFirst("");
        }
        // "Retraction notice to 'Title' [Journal 2026]": quoted in the notice's own title, else in its text.
        for (String field : List.of(text.title(), text.summary())) {
            Matcher quoted = QUOTED.matcher(field);
            if (quoted.find()) {
                return (quoted.group(1) != null ? quoted.group(1) : quoted.group(2)).strip();
            }
        }
        Matcher cited = CITED.matcher(text.summary());
        return cited.find() ? cited.group(1).strip() : null;
    }

    /**
     * The form in which a notice's title and an article's title are compared: letters and digits only, in lower
     * case, single spaces; so punctuation, dashes and case do not keep a notice from its article.
     */
    static String titleKey(String title) {
        if (title == null) {
            return null;
        }
        String folded = Normalizer.normalize(title, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        StringBuilder key = new StringBuilder(folded.length());
        boolean space = false;
        for (int i = 0; i < folded.length(); ) {
            int c = folded.codePointAt(i);
            i += Character.charCount(c);
            if (Character.isLetterOrDigit(c)) {
                if (space && !key.isEmpty()) {
                    key.append(' ');
                }
                key.appendCodePoint(c);
                space = false;
            } else {
                space = true;
            }
        }
        String result = key.toString();
        return result.length() <= TITLE_KEY_LENGTH
                ? result
                : result.substring(0, TITLE_KEY_LENGTH).strip();
    }
}
