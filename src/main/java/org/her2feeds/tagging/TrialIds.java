package org.her2feeds.tagging;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Trial registry ids in free text, in their normal form, and the registry page of each. The one place that knows
 * what a registry id looks like.
 */
final class TrialIds {

    /**
     * @param name    the registry's name, which tells two registries' ids apart
     * @param pageUrl the registry's page for a trial, to which the id in its normal form is appended
     * @param cue     what every id of the registry contains (in lower case): text without it is not scanned; for
     *                the EU numbers, {@link #YEAR_DASH}: a year of this century, a dash and a digit
     */
    private record Registry(String name, Pattern pattern, String prefix, String pageUrl, String cue) {}

    /** The cue of the EU numbers: "-" alone is in nearly every field, "20dd-d" (digits) rarely. */
    private static final String YEAR_DASH = "20dd-d";

    // Each pattern is anchored on word boundaries and bounded, so a scan is linear in the text.
    private static final List<Registry> REGISTRIES = List.of(
            new Registry(
                    "ClinicalTrials.gov",
                    // Also as typed into a PDF or a press release: "NCT-04762109", "NCT 0476 2109".
                    Pattern.compile("(?i)(?<![A-Za-z0-9])NCT[\\s\\u00a0-]?(\\d(?:[ \\u00a0]?\\d){7})(?!\\d)"),
                    "NCT",
                    "https://clinicaltrials.gov/study/",
                    "nct"),
            // EU CT numbers (Clinical Trials Regulation, since 2023): year, 6 digits starting with 5, two pairs.
            new Registry(
                    "EU CT",
                    Pattern.compile("(?<![\\d-])(20\\d{2}-5\\d{5}-\\d{2}-\\d{2})(?![\\d-])"),
                    "",
                    "https://euclinicaltrials.eu/search-for-clinical-trials/?lang=en&EUCT=",
                    YEAR_DASH),
            // EudraCT numbers (before 2023): year, 6 digits, a check pair.
            new Registry(
                    "EudraCT",
                    Pattern.compile("(?<![\\d-])(20\\d{2}-\\d{6}-\\d{2})(?![\\d-])"),
                    "",
                    "https://www.clinicaltrialsregister.eu/ctr-search/search?query=",
                    YEAR_DASH),
            new Registry(
                    "ISRCTN",
                    Pattern.compile("(?i)(?<![A-Za-z0-9])ISRCTN[\\s\\u00a0]?(\\d{8})(?!\\d)"),
                    "ISRCTN",
                    "https://www.isrctn.com/",
                    "isrctn"),
            new Registry(
                    "ANZCTR",
                    Pattern.compile("(?i)(?<![A-Za-z0-9])ACTRN(\\d{14})(?!\\d)"),
                    "ACTRN",
                    "https://www.anzctr.org.au/TrialSearch.aspx?searchTxt=",
                    "actrn"),
            new Registry(
                    "jRCT",
                    Pattern.compile("(?i)(?<![A-Za-z0-9])jRCT(\\d{10})(?!\\d)"),
                    "jRCT",
                    "https://jrct.niph.go.jp/en-latest-detail/",
                    "jrct"),
            new Registry(
                    "ChiCTR",
                    Pattern.compile("(?i)(?<![A-Za-z0-9])ChiCTR-?(\\d{10}|[A-Z]{3}-\\d{8})(?![A-Za-z0-9])"),
                    "ChiCTR",
                    "https://www.chictr.org.cn/searchprojEN.html?regno=",
                    "chictr"));

    private TrialIds() {}

    /** The registry ids in the text, in their normal form, in order of first appearance, each once. */
    static List<String> find(String text) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        Set<String> found = new LinkedHashSet<>();
        boolean yearDash = hasYearDash(text);
        int cued = cuesIn(text);
        for (int r = 0; r < REGISTRIES.size(); r++) {
            Registry registry = REGISTRIES.get(r);
            if (YEAR_DASH.equals(registry.cue()) ? !yearDash : (cued & (1 << r)) == 0) {
                continue;
            }
            Matcher matcher = registry.pattern().matcher(text);
            while (matcher.find()) {
                found.add(registry.prefix() + digitsOf(matcher.group(1)));
            }
        }
        return new ArrayList<>(found);
    }

    /** Where "ct" stands in each registry's cue; -1 for the EU numbers' and any cue without it. */
    private static final int[] CT_IN_CUE = REGISTRIES.stream()
            .mapToInt(registry -> registry.cue().indexOf("ct"))
            .toArray();

    /**
     * Which registries' cues (bit {@code r} for {@code REGISTRIES.get(r)}) the text holds in any case of ASCII
     * letters, as {@link #containsAsciiIgnoringCase} finds them: read in one pass at each "ct", which every cue but
     * the EU numbers' holds, where a pass per cue over every field was a tenth of tagging's time.
     */
    private static int cuesIn(String text) {
        int cued = 0;
        for (int r = 0; r < REGISTRIES.size(); r++) {
            if (CT_IN_CUE[r] < 0
                    && !YEAR_DASH.equals(REGISTRIES.get(r).cue())
                    && containsAsciiIgnoringCase(text, REGISTRIES.get(r).cue())) {
                cued |= 1 << r;
            }
        }
        for (int t = 1; t < text.length(); t++) {
            if ((text.charAt(t) | 0x20) != 't' || (text.charAt(t - 1) | 0x20) != 'c') {
                continue;
            }
            for (int r = 0; r < REGISTRIES.size(); r++) {
                String cue = REGISTRIES.get(r).cue();
                int at = t - 1 - CT_IN_CUE[r];
                if (CT_IN_CUE[r] >= 0
                        && at >= 0
                        && at + cue.length() <= text.length()
                        && (text.charAt(at) | 0x20) == cue.charAt(0)
                        && matchesAt(text, at, cue)) {
                    cued |= 1 << r;
                }
            }
        }
        return cued;
    }

    /**
     * Whether the text holds "20", two digits, a dash and a digit, as every EU CT and EudraCT number does (digits as
     * the patterns' {@code \d}: ASCII only); the patterns are tried only then.
     */
    private static boolean hasYearDash(String text) {
        int end = text.length() - 1;
        for (int dash = text.indexOf('-', 4); dash >= 0 && dash < end; dash = text.indexOf('-', dash + 1)) {
            if (text.charAt(dash - 4) == '2'
                    && text.charAt(dash - 3) == '0'
                    && isDigit(text.charAt(dash - 2))
                    && isDigit(text.charAt(dash - 1))
                    && isDigit(text.charAt(dash + 1))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /**
     * Whether the text holds the cue (ASCII lower case) in any case of ASCII letters, without a lower-cased copy of
     * the text: the patterns' case-insensitivity is ASCII's, so a text they match always holds it so.
     */
    static boolean containsAsciiIgnoringCase(String text, String cue) {
        char first = cue.charAt(0);
        int last = text.length() - cue.length();
        for (int i = 0; i <= last; i++) {
            // Or-ing 0x20 lower-cases an ASCII capital and leaves the lower-case letter: only those two give it.
            if ((text.charAt(i) | 0x20) == first && matchesAt(text, i, cue)) {
                return true;
            }
        }
        return false;
    }

    private static boolean matchesAt(String text, int at, String cue) {
        for (int j = 1; j < cue.length(); j++) {
            char c = text.charAt(at + j);
            char want = cue.charAt(j);
            if (c != want && !(want >= 'a' && want <= 'z' && c == want - 0x20)) {
                return false;
            }
        }
        return true;
    }

    /** What a pair of brackets holds. */
    private static final Pattern BRACKETED = Pattern.compile("[(\\[]([^()\\[\\]]{1,160})[)\\]]");

    /**
     * Ids that stand for another id of the same trial: one trial's ids in different registries written together in
     * one pair of brackets ("(NCT06458831; EudraCT 2022-003918-25)"), as journals give a trial's registrations.
     * Each is mapped to the NCT number among them, else to the first. Two ids of one registry in one pair of
     * brackets are two trials, and are left alone.
     */
    static Map<String, String> aliases(String text) {
        if (text == null || (text.indexOf('(') < 0 && text.indexOf('[') < 0)) {
            return Map.of();
        }
        Map<String, String> aliases = new HashMap<>();
        Matcher bracket = BRACKETED.matcher(text);
        while (bracket.find()) {
            List<String> ids = find(bracket.group(1));
            if (ids.size() < 2) {
                continue;
            }
            Set<String> registries = new HashSet<>();
            for (String id : ids) {
                registries.add(registryOf(id));
            }
            if (registries.size() < ids.size()) {
                continue;
            }
            String main = ids.get(mainOf(ids));
            ids.stream().filter(id -> !id.equals(main)).forEach(id -> aliases.put(id, main));
        }
        return aliases;
    }

    /**
     * The name of the registry an id (in its normal form) belongs to: EU CT and EudraCT numbers are two registries,
     * as a trial moved under the Clinical Trials Regulation holds one of each.
     */
    static String registryOf(String id) {
        for (Registry registry : REGISTRIES) {
            if (registry.pattern().matcher(id).matches()) {
                return registry.name();
            }
        }
        throw new IllegalArgumentException("not a registry id: " + id);
    }

    /**
     * Which of one trial's ids (normal form) names it: its ClinicalTrials.gov number, the registry readers look up
     * first, else the first written.
     */
    static int mainOf(List<String> ids) {
        for (int i = 0; i < ids.size(); i++) {
            if (REGISTRIES.get(0).name().equals(registryOf(ids.get(i)))) {
                return i;
            }
        }
        return 0;
    }

    /** The id in its normal form when the text is exactly one registry id; null otherwise. */
    static String normalise(String text) {
        List<String> ids = find(text == null ? "" : text.strip());
        return ids.size() == 1 && text.strip().length() <= ids.get(0).length() + 1 ? ids.get(0) : null;
    }

    /** A number as written, in its normal form: upper case, without the spaces some writers put inside. */
    private static String digitsOf(String number) {
        return number.replaceAll("[ \\u00a0]", "").toUpperCase(Locale.ROOT);
    }

    /** The id's page in its registry. */
    static String url(String id) {
        for (Registry registry : REGISTRIES) {
            Matcher matcher = registry.pattern().matcher(id);
            if (matcher.matches()) {
                return registry.pageUrl() + registry.prefix() + digitsOf(matcher.group(1));
            }
        }
        throw new IllegalArgumentException("not a registry id: " + id);
    }
}
