package org.her2feeds.tagging;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Trial names in free text beyond the curated list, and whether a trial is named only as background. The one place
 * that knows how writers name a trial ("the CASCADE-HER trial", "HARBOR-H2, the study comparing…", a registry
 * record's "PALISADE-GC: …" title) and how they cite one they do not report on ("compared with the KATHERINE
 * population", "similar to that reported in TRAIN-2", "citing DESTINY-Breast09", "before DESTINY-Breast05 data
 * mature", "Since KATHERINE established…").
 */
final class TrialNames {

    /** The capitals form of {@link #NAME}, its first alternative, and all of {@link #CAPITALS_NAME}. */
    private static final String CAPITALS =
            "(?:[A-Z][a-z]{1,3})?[A-Z]{4,}(?:-(?:[A-Z0-9]*[0-9][a-z]|[A-Z0-9]+|[A-Z][a-z]+[0-9]*))*";

    /**
     * A trial acronym: a word of at least four capitals, then any hyphenated parts of capitals and digits or of a
     * capitalised word (NEOLUMEN, CASCADE-HER, HARBOR-H2, TRAIN-2, VESPER-Lung), the capitals perhaps after a short
     * capitalised prefix (ReCHALLENGE-J, NeoALTTO). News retypes such a name in mixed case, as one word with capitals
     * inside ("NeoLumen", "FeDeriCa") or a capitalised word hyphenated to capitals, to one capital or to a number
     * ("Osprey-BC", "Lantern-HER2", "Heron-H", "Gravel-2"): read so too, in the same places. A part in capitals may
     * end in a lower-case letter after its number ("OSPREY-HER2m", "KESTREL-2b"): a cohort or mutation the name tells
     * apart. A word that opens with two capitals or more and has capitals again after three small letters or more
     * ("PHranceSCa") is such a name too: an abbreviation with a small letter inside has one or two ("TCbHP", "HRQoL",
     * "SOPHiA", "KGaA"). Other mixed-case names (NeoSphere, heredERA) are curated.
     */
    private static final String NAME = "(?<![\\w-])(" + CAPITALS
            + "|[A-Z][a-z]+(?:[A-Z][a-z]+)+(?:-[A-Z0-9]+)*"
            + "|[A-Z][a-z]{3,}-(?:[A-Z]{2,}[0-9]*|[A-Z]|[0-9]{1,2})"
            + "|[A-Z]{2,}[a-z]{3,}[A-Z]+[a-z]*)(?![\\w-])";

    /**
     * {@link #NAME} in capitals only: where a name is set apart by a comma ("NAME, the … study"), a mixed-case word
     * is as often the outlet quoted ("told OncLive, the study …").
     */
    private static final String CAPITALS_NAME = "(?<![\\w-])(" + CAPITALS + ")(?![\\w-])";

    private static final String PHASE = "(?:(?:phase|Phase)\\s+(?:[0-9]+[ab]?|I{1,3}V?[ab]?)(?:/[0-9I]+)?\\s+)?";
    private static final String KIND = "(?:[Tt]rial|[Ss]tudy)\\b";

    /**
     * What a journal's title says of the trial's design between its name and "Trial" ("The NAME Randomized Clinical
     * Trial", "The NAME Multicenter Phase II Trial"; "NAME: an open-label randomised trial" reads the name elsewhere).
     */
    private static final String DESIGN = "(?:(?:[Rr]andomi[sz]ed|[Nn]onrandomi[sz]ed|[Cc]linical|[Cc]ontrolled"
            + "|[Oo]pen-[Ll]abel|[Pp]ragmatic|[Pp]lacebo-[Cc]ontrolled|[Ss]ingle-[Aa]rm|[Mm]ulticent(?:er|re)"
            + "|[Pp]rospective)\\s+){0,3}";

    /**
     * The name, then "trial" or "study" (with a phase or a design between: "The NAME Multicenter Phase II Trial"), or
     * then ", the/a … trial/study"; or the first of two names the text calls trials together ("the NAME and NAME
     * trials"), the second read as listed with it ({@link #LISTED_PAIR}).
     */
    private static final Pattern NAMED = Pattern.compile(NAME + "\\s+(?:" + DESIGN + PHASE + DESIGN + KIND
            + "|(?:and|or)\\s+[A-Z][A-Za-z0-9-]{3,}\\s+" + DESIGN + "(?:[Tt]rials|[Ss]tudies)\\b)|" + CAPITALS_NAME
            + ",\\s+(?:the|a|an|its|their)\\s+(?:[\\w/-]+\\s+){0,3}?" + KIND);

    /**
     * An endpoint's initials after a capitalised word are the endpoint, not a name's second part: "Final OS data",
     * "Median PFS results".
     */
    private static final String NOT_ENDPOINT = "(?!(?:OS|PFS|DFS|EFS|IDFS|ORR|DOR|DCR|CNS|ILD)(?![\\w-]))";

    /**
     * A name of two words written with a space where its registry writes a hyphen: capitals then a capitalised word,
     * capitals or a number ("QUARRY Lung", "LUMA 2"), or a capitalised word then a tumour's two or three initials or
     * its site ("Cormorant GC", "Kestrel Lung"), as news retypes a name; before a longer name in capitals a
     * capitalised word is an adjective ("the European ANVIL study"). Read only where the sentence calls it a trial or
     * gives its results ({@link #SPACED_NAMED}, {@link #SPACED_REPORTED}).
     */
    private static final String SPACED_NAME =
            // "These PRO data": a determiner opening the sentence is no name's first word.
            "(?<![\\w-])(?!(?:These|Those|This|That|Their|Such|Both|Each|Other|Which|Whose)\\s)"
                    + "((?:[A-Z]{4,}\\s(?:(?:[A-Z][a-z]+|[A-Z]{2,})[0-9]*|[0-9]{1,2})"
                    + "|[A-Z][a-z]{3,}\\s(?:" + NOT_ENDPOINT + "[A-Z]{2,3}[0-9]*"
                    + "|(?:Lung|Breast|Gastric|Bladder|Colon)[0-9]*)))(?![\\w-])";

    /** "the Cormorant GC phase II study". */
    private static final Pattern SPACED_NAMED = Pattern.compile(SPACED_NAME + "\\s+" + PHASE + KIND);

    /** "the QUARRY Lung data", "Cormorant GC results", "in Egret GEA preprint": a results noun after the name. */
    private static final Pattern SPACED_REPORTED =
            Pattern.compile(SPACED_NAME + "\\s+(?:data|results?|readout|findings|investigators|preprint)\\b");

    /** "the phase 3 trial NAME", "study NAME". */
    private static final Pattern NAMED_AFTER = Pattern.compile("\\b" + KIND + ",?\\s+" + NAME);

    /**
     * A name after the word for a trial in the languages that put it first ("l'essai Brightwater", "el ensayo CASCADE
     * HER de SOLTI", "lo studio …"): there a capitalised word after it is the trial's name, written with a space or
     * in title case as often as in capitals.
     */
    private static final Pattern NAMED_AFTER_ABROAD =
            Pattern.compile("(?<!\\p{L})(?i:essai|étude|ensayo|estudio|studio)"
                    + "\\s+(?:([A-Z]{4,}\\s[A-Z]{2,}[0-9]*)(?![\\p{L}\\p{N}-])|" + NAME
                    + "|([A-Z][a-z]{3,})(?![\\p{L}\\p{N}-]))");

    /** What each of {@link #NAMED_AFTER_ABROAD}'s words holds in ASCII: essai, étude, ensayo, estudio and studio. */
    private static final List<String> ABROAD_CUES = List.of("ssai", "tude", "nsayo", "tudio");

    /**
     * A name its text draws evidence from: "lessons from NAME", "data from the NAME", "the strategies shown in NAME",
     * "interim analysis of NAME", "long-term outcomes of NAME":
     * how headlines and reviews name the trial they present without calling it a trial.
     */
    private static final Pattern EVIDENCE_FROM = Pattern.compile(
            "\\b(?i:(?:results|data|findings|lessons|insights|takeaways)\\s+(?:from|of)|(?:analys[ie]s|outcomes)"
                    + "\\s+of|(?:shown|demonstrated|observed)"
                    + "\\s+in)\\s+(?:the\\s+)?" + NAME + "(?!\\s[0-9]{1,2}(?![\\w-]))");

    /**
     * {@link #EVIDENCE_FROM} with a numbered name written with a space ("Final results from GRAVEL 2 show …"):
     * capitals and a number only, as {@link #TITLE_ENDS_IN_NUMBERED}.
     */
    private static final Pattern SPACED_EVIDENCE_FROM = Pattern.compile(
            "\\b(?i:(?:results|data|findings)\\s+(?:from|of))\\s+(?:the\\s+)?([A-Z]{4,}\\s[0-9]{1,2})(?![\\w-])");

    /**
     * A name the sentence makes the subject of a result or a report, without calling it a trial: "HARBOR-H2 suggests",
     * "its QUILLON-B phase 3 hit its goal", "the HARBOR-H2 results", "the HARBOR-H2 investigators", "investigators of
     * HARBOR-H2". A results verb or noun attached to the name is how news and letters name the trial they cover.
     */
    private static final Pattern REPORTED = Pattern.compile(NAME
            + "(?:'s)?(?:\\s+(?:phase\\s+(?:[0-9]+[ab]?|I{1,3}V?[ab]?)|trial|study|primary))?"
            // "supported by NAME, which met its endpoints": a relative clause gives the result as well.
            + "(?:,\\s+which)?\\s+"
            // In any case: a headline in title case gives "NAME Results" as a sentence gives "NAME results".
            + "(?:(?i:investigators|participants|team|results?|data|readout|report|paper|publication|findings"
            + "|suggests|shows|showed|finds|found"
            + "|met|meets|hit|hits|missed|misses|demonstrates|demonstrated|win|victory"
            // An explainer's "what NAME could mean if you are on …", "what NAME means for you".
            + "|means|(?:could|might|may)\\s+mean)"
            // "after the NAME study came out": a trial's publication is the report of its result.
            + "|came\\s+out|(?:was|were)\\s+published|reads?\\s+out)\\b"
            + "|\\b(?:[Ii]nvestigators|[Aa]uthors|[Rr]eadout|[Rr]eport)\\s+(?:of|from)\\s+(?:the\\s+)?" + NAME);

    /**
     * A name the writer joins or takes part in ("Why I said yes to ORCHID-B", "I enrolled in ORCHID-B"): a trial's
     * enrolment is its subject in a patient's account or a recruitment notice.
     */
    private static final Pattern JOINED = Pattern.compile("\\b(?i:join(?:ed|ing)?|enrol(?:l?ed|ling)?\\s+in"
            + "|said\\s+yes\\s+to|t(?:ook|aking|ake)\\s+part\\s+in|participat(?:e|ed|ing)\\s+in)\\s+(?:the\\s+)?"
            + NAME);

    /**
     * A headline that ends by naming where its result comes from: "Chemo-free T-DXd duo holds its own against TCHP in
     * ORCHID-B". Read in the title only, where the last words are the headline's setting.
     */
    private static final Pattern TITLE_ENDS_IN = Pattern.compile("\\b(?i:in|from)\\s+(?:the\\s+)?" + NAME + "\\s*$");

    /**
     * {@link #TITLE_ENDS_IN} with a numbered name written with a space ("… Activity of T-DXd From GRAVEL 2"): capitals
     * and a number only, as a capitalised word and initials end many a headline ("… in Advanced GEJ").
     */
    private static final Pattern TITLE_ENDS_IN_NUMBERED =
            Pattern.compile("\\b(?i:in|from)\\s+(?:the\\s+)?([A-Z]{4,}\\s[0-9]{1,2})\\s*$");

    /**
     * A congress abstract's title ending in the analysis of a name written with a space ("…: Primary Analysis of
     * KESTREL Lung"), as {@link #TITLE_ENDS_IN} with a spaced name.
     */
    private static final Pattern KIND_SUFFIX = Pattern.compile("-" + KIND + "$");

    private static final Pattern TITLE_ANALYSIS_OF = Pattern.compile(
            "\\b(?i:analysis|analyses|results|outcomes|update)\\s+of\\s+(?:the\\s+)?" + SPACED_NAME + "\\s*$");

    /**
     * A journal's title of a trial paper: the name in brackets, then a colon and the design ("… (BRIGHTWATER): a
     * randomised, open-label, phase 3 trial"), the Lancet journals' form.
     */
    private static final Pattern TITLE_NAME_THEN_DESIGN =
            Pattern.compile("[(\\[]\\s*" + NAME + "\\s*[)\\]]\\s*:[^:]{0,120}?\\b(?i:trial|study)\\b");

    /** {@link #TITLE_NAME_THEN_DESIGN} with a name written with a space ("… (SKYLARK HER2): a randomised … trial"). */
    private static final Pattern TITLE_SPACED_NAME_THEN_DESIGN =
            Pattern.compile("[(\\[]\\s*" + SPACED_NAME + "\\s*[)\\]]\\s*:[^:]{0,120}?\\b(?i:trial|study)\\b");

    /**
     * A reply or a comment on a trial, named by its name alone: "Comment on NEOLUMEN: …", "Reply to HARBOR-H2". A
     * journal's correspondence is titled so after the trial it answers.
     */
    private static final Pattern COMMENTED_ON = Pattern.compile(
            "\\b(?i:comment(?:ary)?\\s+on|(?:reply|response)\\s+to|(?:correspondence|editorial)\\s+on)\\s+(?:the\\s+)?"
                    + NAME
                    // "Commentary on ORCHID B:": the name with its letter is read as such (SPACED_LETTER_NAME).
                    + "(?!\\s[A-Z](?![\\w-]))");

    /**
     * A paper's title quoted in another's text that opens with the trial's name ("an error appeared in the abstract
     * 'NAME: pathological complete response …'"), as {@link #TITLE_OPENS_WITH} reads a title of its own.
     */
    private static final Pattern QUOTED_TITLE_OPENS_WITH =
            Pattern.compile("[\"'\u2018\u201c]\\s*" + CAPITALS_NAME + "\\s*:\\s");

    /**
     * A name followed by its own figures: "(TROPION-Breast01: PFS 6.9 vs 4.9 months)", "NAME: median OS …". Reviews
     * cite the trials they summarise so, an endpoint being what only a trial reports.
     */
    private static final Pattern NAME_THEN_ENDPOINT = Pattern.compile(NAME
            + "\\s*[:,]\\s+(?:(?:median|overall|the)\\s+)?(?:PFS|OS|ORR|DFS|iDFS|IDFS|EFS|pCR|DCR|HR|DoR|CNS-PFS)\\b");

    /**
     * A numbered name ("TROPION-Breast02", "ORCHID-03") a result is placed in: "improved overall survival … in
     * TROPION-Breast02". A hyphenated number is how trials of a series are named, and "in" or "from" places a result.
     */
    private static final Pattern NUMBERED_IN = Pattern.compile("\\b(?i:in|from)\\s+(?:the\\s+)?" + NAME
            // A cell line is numbered too ("in JIMT-1 xenografts"): the laboratory's words after it say so.
            + "(?!(?:,?\\s+(?:and|or)\\s+[\\w-]+)?\\s+"
            + "(?i:cells?|cell\\s+lines?|xenografts?|models?|mice|organoids?|tumou?rs|spheroids?)\\b)");

    /**
     * A series' number or letter after a hyphen: "TRAIN-2", "DESTINY-Breast09", and "PELICAN-B", "ORCHID-B", a
     * trial's second part named by a letter after a first word of four capitals.
     */
    private static final Pattern HYPHENATED_NUMBER = Pattern.compile("-[A-Za-z]*[0-9]+$|^[A-Z]{4,}-[A-Z]$");

    /**
     * Names written alongside a trial's in a list: "from CLEOPATRA and PUFFIN", "(CLEOPATRA, PUFFIN)", "HARBOR-H2 or
     * CASCADE-HER". The second name of such a pair is read by {@link #listedWith}.
     */
    private static final Pattern LISTED_PAIR =
            Pattern.compile(NAME.replace("((", "(?:(") + "\\s*(?:,\\s*(?:and\\s+|or\\s+)?|\\s+(?:and|or)\\s+)" + NAME);

    /**
     * A clause opened by the name it places a result in: "In HARBOR-H2, six months … was non-inferior, and in
     * CORMORANT, trastuzumab alone …". Clauses told in parallel with a trial's are about trials too
     * ({@link #listedWith}).
     */
    private static final Pattern CLAUSE_IN =
            Pattern.compile("(?:^|[.;,]\\s*(?:and\\s+)?|\\band\\s+)(?i:in)\\s+" + NAME + "\\s*,");

    /**
     * A numbered name, then only the numbers of its series' other trials: "DESTINY-Gastric01, 02 and 04",
     * "DESTINY-Breast05 and -11", "DB-03, -04, -06". A bare number must close the list with "and"/"or" and be
     * followed by the end of the phrase, so that "HERON-2, 12 months on" and "HERON-2 and 40 sites" are no list.
     */
    private static final Pattern NUMBERED_SERIES = Pattern.compile("(?<![\\w-])([A-Z][A-Za-z0-9]*(?:-[A-Za-z]+)*-?)"
            + "([0-9]{1,2})((?:\\s*,\\s*-[0-9]{1,2})+(?:\\s*,?\\s+(?:and|or|&)\\s+-[0-9]{1,2})?"
            + "|(?:\\s*,?\\s+(?:and|or|&)\\s+-[0-9]{1,2})"
            + "|(?:\\s*,\\s*-?[0-9]{1,2})*\\s*,?\\s+(?:and|or|&)\\s+-?[0-9]{1,2}"
            + "(?=\\s*(?:$|[;:)\\]]|[.,](?![0-9])|(?:trials|studies|cohorts|data)\\b)))(?![\\w%-])");

    private static final Pattern SERIES_NUMBER = Pattern.compile("[0-9]{1,2}");

    /**
     * The trials a numbered name's series lists by their numbers alone ({@link #NUMBERED_SERIES}), each by the name
     * as written with its number in its place ("DESTINY-Gastric02"), under the name written in full.
     */
    static Map<String, List<String>> numberedSeries(List<String> fields) {
        Map<String, List<String>> series = new LinkedHashMap<>();
        for (String field : fields) {
            if (field == null || !mayHoldName(field)) {
                continue;
            }
            Matcher list = NUMBERED_SERIES.matcher(field);
            while (list.find()) {
                String stem = list.group(1);
                String number = list.group(2);
                List<String> others = series.computeIfAbsent(stem + number, name -> new ArrayList<>());
                Matcher other = SERIES_NUMBER.matcher(list.group(3));
                while (other.find()) {
                    String digits = other.group();
                    // "DESTINY-Gastric01, 2 and 4": the series' numbers keep the width the name gives its own.
                    String padded = "0".repeat(Math.max(0, number.length() - digits.length())) + digits;
                    others.add(stem + padded);
                }
            }
        }
        return series;
    }

    /** A registry id as it starts: what a trial's name written just before it in brackets is followed by. */
    private static final String REGISTRY_ID =
            "(?:NCT|EudraCT|EU[\\s\\u00a0]?CT|ISRCTN|ACTRN|jRCT|ChiCTR|\\d{4}-\\d{6})";

    /** The name, then a registry id in brackets: "OSPREY-HB (NCT07000001)". */
    private static final Pattern NAMED_BY_ID = Pattern.compile(NAME + "\\s*[(\\[]\\s*" + REGISTRY_ID);

    /** A registry id, then the name in brackets: "NCT07000001 (OSPREY-HB)". */
    private static final Pattern ID_NAMED =
            Pattern.compile("(?i:NCT)[\\s\\u00a0-]?\\d(?:[ \\u00a0]?\\d){7}\\s*[(\\[]\\s*" + NAME + "\\s*[)\\]]");

    /**
     * A registry record's title that starts with the trial's name, perhaps after the record's id or the registry's
     * word for an update: "PALISADE-GC: …", "ISRCTN48213765: PALISADE-GC — …", "ISRCTN update: PALISADE-GC - …".
     */
    private static final Pattern TITLE_PREFIX = Pattern.compile("^\\s*(?:" + REGISTRY_ID
            + "[\\w-]*(?:\\s+(?i:record\\s+)?(?i:update[ds]?|record|change))?\\s*:?\\s*)?" + NAME + "\\s*[:–—-]\\s");

    /**
     * A headline that opens with the trial's name and a colon, what it reports after it: "NEOLUMEN: pre-operative T-DXd
     * improves …", "Osprey-BC: neratinib after T-DM1 looks tolerable", "PALISADE GC: trastuzumab deruxtecan doubles
     * …". News and journals title a readout so, as registries title a record ({@link #TITLE_PREFIX}); a kicker in
     * capitals ("BREAKING:") is none of these ({@link #NOT_TRIALS}), nor a word before a biomarker ("Beyond HER2:"),
     * so a name written with a space opens with its capitals here. Chinese, Japanese and Korean news may put the
     * sponsor's name in its own script before it ("勃林格殷格翰 ANVIL: …").
     */
    private static final Pattern TITLE_OPENS_WITH =
            Pattern.compile("^[\\s\\p{IsHan}\\p{IsHiragana}\\p{IsKatakana}\\p{IsHangul}]*(?:" + NAME
                    + "|([A-Z]{4,}\\s(?:[A-Z][a-z]+|[A-Z]{2,})[0-9]*))\\s*:\\s");

    /**
     * A congress abstract's title that opens with the abstract's number and then the trial's name: "GS2-07: ORCHID-B -
     * response-adapted omission …", "CT014: ANVIL, a randomized phase 3 trial …", and ESMO's numbers with the kind of
     * presentation after them, set off by a space alone ("112MO ORCHID-B: …", "285TiP", "1012P"). The meeting's
     * programme titles an abstract so, the name set off by a colon, dash or comma as a headline's opening name is
     * ({@link #TITLE_OPENS_WITH}).
     */
    private static final Pattern TITLE_AFTER_ABSTRACT_NUMBER =
            Pattern.compile("^\\s*(?:(?:[A-Z]{1,4}[0-9]{1,3}(?:-[0-9]{1,3}){0,2}|LBA[0-9]{1,4})\\s*[:–—-]"
                    + "|[0-9]{1,4}(?:MO|P|PD|TiP|O|eP)\\s*[:–—-]?)\\s*" + NAME + "\\s*[:,–—-]\\s");

    /**
     * A notice's title: its label before a colon, then the title of the paper or abstract it withdraws, corrects or
     * retracts, which opens with the trial's name ("Abstract withdrawn: NAME - Phase II study of …", "Correction:
     * NAME: …"). The notice is about that paper, so about its trial, as the paper's own title would be.
     */
    private static final Pattern TITLE_AFTER_NOTICE_LABEL = Pattern.compile("^\\s*(?i:(?:abstract|article)\\s+)?"
            + "(?i:withdrawn|withdrawal|retracted|retraction|correction|erratum|corrigendum"
            + "|expression\\s+of\\s+concern)"
            + "(?:\\s+(?i:to|of|notice))?\\s*:\\s*[\"'\u2018\u201c]?" + NAME + "\\s*[:,\u2013\u2014-]\\s");

    /**
     * A registry record's title that ends with the trial's name in brackets, perhaps before the update's status: "…
     * phase III trial (LANTERN-P)", "… (ReCHALLENGE-J) - status: recruitment completed", "… - results summary
     * registered".
     */
    private static final Pattern TITLE_SUFFIX =
            // "… a Dutch nationwide cohort (NAME)": an observational cohort or registry's name, no trial's.
            Pattern.compile("(?<!(?i:cohort|registry|database|audit)\\s{0,3})[(\\[]\\s*" + NAME
                    + "\\s*[)\\]]\\s*(?:$|[–-]\\s+(?i:status|record|results?)\\b)");

    /** Any name (curated ones too: "DESTINY-Breast09", "Beamion LUNG-1"), then an id in brackets, up to its end. */
    private static final Pattern NAME_THEN_ID = Pattern.compile(
            "([A-Za-z][A-Za-z0-9]*(?:[\\s-][A-Za-z0-9]+){0,2})\\s*[(\\[]\\s*(?:ClinicalTrials\\.gov:?\\s*)?("
                    + REGISTRY_ID + "[^)\\];,]{0,30})");

    /** An NCT id, then any name in brackets. */
    private static final Pattern ID_THEN_NAME =
            Pattern.compile("((?i:NCT)[\\s\\u00a0-]?\\d(?:[ \\u00a0]?\\d){7})\\s*[(\\[]\\s*"
                    + "([A-Za-z][A-Za-z0-9]*(?:[\\s-][A-Za-z0-9]+){0,2})\\s*[)\\]]");

    /** Capital words that are not trials: congresses, agencies, societies, tests. */
    private static final Set<String> NOT_TRIALS = Set.of(
            "AACR",
            "ASCO",
            "CHMP",
            "ESMO",
            "NCCN",
            "NICE",
            "SABCS",
            "WCLC",
            "FISH",
            "TNBC",
            "NSCLC",
            "RECIST",
            "CTCAE",
            "PHASE",
            "STUDY",
            "TRIAL",
            "CANCER",
            "BREAST",
            "GASTRIC",
            "UPDATE",
            "RESULTS",
            "COVID",
            "TYPE",
            "CYCLE",
            "GRADE",
            "STAGE",
            "COHORT",
            // A trial's part or group named by a letter ("PART A: dose escalation"), not a trial.
            "PART",
            "GROUP",
            // Endpoints written in four capitals, what a trial reports rather than a trial ("DESTINY-Breast05 IDFS
            // data").
            "IDFS",
            "DDFS",
            "DRFS",
            "IBCFS",
            // Kickers that open a headline in capitals ("BREAKING: …"), and notices' labels ("WITHDRAWN: …").
            "BREAKING",
            "EXCLUSIVE",
            "WATCH",
            "VIDEO",
            "PODCAST",
            "INTERVIEW",
            "EDITORIAL",
            "REVIEW",
            "WITHDRAWN",
            "RETRACTION",
            "RETRACTED",
            "ERRATUM",
            "CORRECTION",
            "CORRIGENDUM",
            // Prefixes a mixed-case name could start with ("Anti-HER2 therapy shows …").
            "ANTI",
            "NON",
            "PAN",
            "DUAL",
            "POST",
            "PRE",
            // Regulators and journals, the subject of a report as often as a trial is ("the NEJM report").
            "NMPA",
            "MHRA",
            "PMDA",
            "MHLW",
            "CADTH",
            "PBAC",
            "NEJM",
            "JAMA",
            // Cooperative groups that run trials and announce them ("EORTC: lower dose … in CASCADE-HER").
            "EORTC",
            // Databases that articles draw data from ("data from SEER"), not trials; "Europe PMC preprint" is a record.
            "SEER",
            "EUROPE",
            "NCDB",
            "TCGA",
            "FAERS",
            "METABRIC",
            "GLOBOCAN",
            "GENIE",
            // A structured abstract's headings, the JAMA journals' without a colon ("IMPORTANCE Trial populations").
            "IMPORTANCE",
            "OBJECTIVE",
            "OBJECTIVES",
            "DESIGN",
            "SETTING",
            "PARTICIPANTS",
            "EXPOSURE",
            "EXPOSURES",
            "INTERVENTION",
            "INTERVENTIONS",
            "MEASURES",
            "CONCLUSION",
            "CONCLUSIONS",
            "RELEVANCE",
            "PURPOSE",
            "METHODS",
            "BACKGROUND",
            "FINDINGS",
            "INTERPRETATION",
            "FUNDING",
            "OBSERVATIONS");

    /** Words just before a trial's name that make it a benchmark, a comparator's source or pending work. */
    private static final Pattern BACKGROUND_CUE =
            // "compared the approach with the earlier NAME study": what the article measures against.
            Pattern.compile("(?i)(?:compar(?:ed|ing|es)\\s+(?:(?:the|this|that|its|their)\\s+[\\w-]+\\s+)?"
                    + "(?:favou?rably\\s+)?(?:with|to)|reported\\s+(?:in|by|for)|"
                    // "Analyses referenced the NAME and NAME trials for equivalence": a source the text cites.
                    + "citing|cited|referenc(?:ed|ing)|"
                    // "as in NAME" whole: not the end of "was in", as in "I was in the NAME trial".
                    + "before|such\\s+as|benchmark(?:ed)?\\s+(?:against|to)|than\\s+in|\\bas\\s+in|"
                    // A time or a drug's history counted from the trial: "has owned the niche since the KATHERINE
                    // trial", "T-DM1, introduced after EMILIA".
                    + "\\bsince|(?:introduced|adopted|established|licensed)\\s+(?:after|following)|"
                    // "The former standard established by NAME remains an alternative"; "Outside NAME, evidence is
                    // limited": the trial the article's own evidence stands beside.
                    + "\\b(?:established|set)\\s+by|\\boutside|"
                    // "Patients with active brain metastases were excluded from NAME": whom the study adds.
                    + "\\bexcluded\\s+from|"
                    // "… became the standard after DESTINY-Breast03": the trial that made the standard the article
                    // measures against.
                    + "\\b(?:became|become|becoming|remains?|was)\\s+(?:the\\s+)?(?:[\\w-]+\\s+)?standard"
                    + "(?:\\s+of\\s+care)?\\s+(?:after|following|since|on\\s+the\\s+basis\\s+of|based\\s+on)|"
                    // A result the article's own confirms or matches: "confirm the benefit … seen in NAME".
                    + "\\b(?:confirm|replicat|mirror|echo)\\w*\\s[^;]{0,160}?\\b(?:seen|shown|observed|demonstrated)"
                    + "\\s+in|"
                    // The trial itself as what the result matches: "Findings echo NAME with better tolerability".
                    + "\\b(?:echo(?:es|ed)?|mirror(?:s|ed)?)|"
                    // The trial whose design or population the article's own copies: "mirroring the design of NAME".
                    + "\\b(?:echo(?:es|ed|ing)?|mirror(?:s|ed|ing)?)\\s+the\\s+(?:design|setting|population)\\s+of|"
                    // Another trial set beside the article's own: "how the findings sit beside NAME maintenance data".
                    + "\\bbeside|"
                    // A design's precedent ("building on MOUNTAINEER") or a regimen's source ("… per KEYNOTE-811").
                    + "build(?:s|ing)?\\s+on|built\\s+on|\\bper|"
                    // A contrast with another trial's design or population: "Unlike DESTINY-Lung02, LUMA-2 …",
                    // "unlike the post-neoadjuvant population of KATHERINE".
                    + "\\bunlike(?:\\s+(?:that|those|the(?:\\s+[\\w-]+){1,3}?)\\s+(?:of|in))?|"
                    // A benchmark the article's own figure is set against: "five-year iDFS was 88%, similar to NAME".
                    + "(?:comparable|similar)\\s+to(?:\\s+(?:that|those)\\s+(?:in|of))?|"
                    // "The CNS benefit is consistent with NAME", "a discussant noted overlap with NAME".
                    + "consistent\\s+with(?:\\s+(?:that|those)\\s+(?:in|of))?|overlaps?\\s+with|"
                    // The question a trial left, which the article's own takes up: "the hypothesis left unresolved
                    // by NAME".
                    + "(?:unresolved|unanswered)\\s+by)"
                    // A list of such trials: "such as DESTINY-Breast05 and heredERA".
                    + "(?:\\s+the)?(?:\\s+(?:earlier|previous|prior|older))?(?:\\s+[\\w-]+\\s+(?:and|or))?\\s*$");

    /**
     * Work still to come, told before the name: "the confirmatory phase 3 trial NAME", "is also running the Phase III
     * NAME trial", "will follow the full publication of NAME". A trial whose results are awaited is not reported on.
     */
    private static final Pattern PENDING_BEFORE =
            Pattern.compile("(?i)(?:\\bconfirmatory(?:\\s+(?:data|results|evidence)\\s+(?:from|of|in))?"
                    // "The ongoing Phase III NAME study compares …"; "results from the ongoing NAME" report on it.
                    + "|(?<!\\b(?:from|of|in)\\s{1,3}(?:the\\s{1,3})?)\\bongoing"
                    // "Confirmation of clinical benefit is pending NAME": a result still awaited.
                    + "|\\b(?:pending|awaiting)"
                    // "Confirmatory evidence is expected from the Phase III NAME trial".
                    + "|\\b(?:expected|awaited)\\s+(?:from|of|in)"
                    // "Confirmatory evidence will come from NAME"; "ongoing first-line trials including NAME".
                    + "|\\bwill\\s+come\\s+from"
                    + "|\\b(?:ongoing|planned|upcoming)\\s+(?:[\\w-]+\\s+){0,3}?(?:trials|studies)"
                    + "\\s+(?:including|like)"
                    + "|\\b(?:is|are)\\s+(?:also\\s+)?"
                    + "(?:running|conducting|enrolling|recruiting)|"
                    + "\\bwill\\s+follow\\s+(?:the\\s+)?(?:[\\w-]+\\s+){0,3}?of"
                    // An accelerated approval's condition: "continued approval may depend on NAME", "confirmation
                    // of benefit will be sought in NAME"; the trial that is to verify the benefit has not read out.
                    + "|\\b(?:depend(?:s|ent)?|contingent)\\s+(?:up)?on"
                    + "|\\b(?:sought|verified)\\s+in)"
                    // The second of a list of such trials: "Pending Beamion LUNG-2 and the NAME trial".
                    + "(?:\\s+(?:[\\w-]+\\s+){1,2}(?:and|or))?"
                    + "(?:\\s+(?:the|a|an|randomi[sz]ed|phase|[0-9]|I{1,3}|trial|study))*\\s*$");

    /**
     * The same told after the name: "Results of the phase III NAME trial are awaited", also after a description set
     * off by commas or in a relative clause ("NAME, a Phase III trial versus …, is ongoing", "the NAME trial, which is
     * still recruiting").
     */
    private static final Pattern PENDING_AFTER = Pattern.compile("(?i)^(?:\\s+(?:trial|study))?"
            + "(?:,[^,.;]{1,120},|,?\\s+(?:which|that)|,)?\\s+(?:(?:is|are)\\s+"
            + "(?:still\\s+)?(?:awaited|pending|expected|ongoing|recruiting|enrolling)|"
            + "will\\s+(?:report|read\\s+out))\\b");

    /**
     * A trial named as the source of a regimen or approach: "induction with the CLEOPATRA regimen", "the KEYNOTE-811
     * approach of adding pembrolizumab", or of its definition of a group or a threshold ("the NAME criteria").
     */
    private static final Pattern REGIMEN_AFTER = Pattern.compile("(?i)^(?:\\s+(?:trial|study))?(?:'s)?"
            // Two trials' shared yardstick: "eligibility follows the NAME and NAME definitions".
            + "(?:\\s+(?:and|or)\\s+(?-i:[A-Z][\\w-]+)(?:'s)?)?(?:\\s+|-)"
            + "(?:(?:regimen|approach|schedule|backbone|protocol|paradigm|era|standard)\\b"
            // A trial named for how it defined a group or a threshold: "scored by the NAME criteria".
            // "informed by the NAME scoring criteria".
            + "|(?:(?:scoring|eligibility|inclusion|selection|response)\\s+)?"
            + "(?:definitions?|criteria|cut-?offs?|thresholds?)\\b)");

    /**
     * A trial pooled in a meta-analysis, told by the weight it carries in the pooled estimate: "NAME and NAME
     * contributed most weight", "NAME carried the greatest weight". A review pools trials; it reports on none of them.
     */
    private static final Pattern WEIGHED_AFTER = Pattern.compile("(?i)^(?:\\s+(?:trial|study))?"
            + "(?:(?:,\\s*(?-i:[A-Z][\\w-]+))*,?\\s+(?:and|or)\\s+(?:the\\s+)?(?-i:[A-Z][\\w-]+))?"
            + "(?:\\s+(?:trials|studies))?\\s+(?:contributed|carried|provided|had|accounted\\s+for)\\s+(?:the\\s+)?"
            + "(?:most|greatest|largest|highest|more\\s+than\\s+half\\s+of\\s+the)\\s+(?:statistical\\s+)?weight\\b");

    /**
     * One of the trials a review pooled, named after the pooling: "We pooled eleven studies comparing X and Y,
     * including NAME". The review reports on its pooled estimate, not on the trials it counts.
     */
    private static final Pattern POOLED_INCLUDING = Pattern.compile("(?i)^\\s*including(?:\\s+the)?\\s*$");

    private static final Pattern POOLED = Pattern.compile("(?i)\\b(?:we|they|authors)\\s+pooled\\b");

    /** "Results from NAME … contributed most weight": the review presents those trials' results as its subject. */
    private static final Pattern RESULTS_OF = Pattern.compile("(?i)\\b(?:results|data|findings)\\s+(?:from|of)\\b");

    /**
     * A result "seen in NAME" that the sentence then says the article's own data confirm ("the benefit seen in NAME
     * exploratory analyses was partly confirmed"): the trial is the precedent, as "confirm the benefit seen in NAME"
     * ({@link #BACKGROUND_CUE}) told the other way round.
     */
    private static final Pattern SEEN_IN = Pattern.compile("(?i)\\b(?:seen|shown|observed)\\s+in(?:\\s+the)?\\s*$");

    private static final Pattern CONFIRMED_AFTER =
            Pattern.compile("(?i)^[^.;]{0,80}?\\b(?:was|were)\\s+(?:\\w+\\s+)?(?:confirmed|replicated|reproduced)\\b");

    /** A clause opened by "since" sets out the history before the article's own subject. */
    private static final Pattern HISTORY_CLAUSE = Pattern.compile("(?i)^\\s*since\\s");

    /**
     * "After NAME established …", "after the NAME trial, X became the standard": what a trial led to, told as the
     * history before the article's own subject. Read as the words before the name ({@link #AFTER}) and those after
     * it in the same sentence ({@link #WHAT_FOLLOWED}).
     */
    private static final Pattern AFTER = Pattern.compile("\\b(?i:after(?:\\s+the)?)\\s*$"
            // The second of two trials told so in one clause: "After NAME established T-DM1 and NAME defined …".
            + "|\\b(?i:after)\\s+(?i:the\\s+)?" + NAME + "\\s[^,;:.]{1,120}?\\band\\s+(?i:the\\s+)?$");

    /**
     * A trial that closes its clause after "after": "racial disparities in reporting after NAME", "margetuximab's
     * place after NAME", "median survival approaching 5 years after NAME, crossover …", "as T-DXd moves into early
     * disease after NAME and NAME.". The time since the trial is what the article measures, not the trial's result.
     */
    private static final Pattern AFTER_LISTED =
            Pattern.compile("(?i)\\bafter(?:\\s+the)?(?:\\s+[\\w-]+\\s+(?:and|or))?\\s*$");

    private static final Pattern CLAUSE_ENDS = Pattern.compile(
            "^(?:\\s+(?:trial|study))?(?:\\s+(?:and|or)\\s+[\\w-]+(?:\\s+(?:trial|study|trials|studies))?)?"
                    + "\\s*(?:$|[.,;:)])");

    private static final Pattern WHAT_FOLLOWED =
            Pattern.compile("(?i)^(?:\\s+(?:trial|study))?,?\\s+(?:[\\w-]+\\s+){0,3}?"
                    + "(?:established|became|made|set|changed|enrolled|introduced|defined)\\b");

    /**
     * A clause that tells of an approval the drug had already won ("which picked up an accelerated approval in 2024
     * on the back of …", "received accelerated approval … based on …") names the trial behind it as history; a
     * decision being reported is written otherwise ("has granted", "approved").
     */
    private static final Pattern EARLIER_APPROVAL = Pattern.compile(
            "(?i)\\b(?:(?:received|picked\\s+up|won|gained|earned)\\s+(?:an?\\s+)?(?:\\w+\\s+)?approval|"
                    // "Tucatinib was first approved on the basis of the HER2CLIMB trial".
                    + "(?:was|were)\\s+(?:first|initially|originally)\\s+approved|"
                    // "Margetuximab was approved on the basis of the SOPHIA trial": a decision told in the past
                    // passive is the drug's history; one being reported is told as news ("has been approved",
                    // "approves").
                    + "(?:was|were)\\s+approved\\s+(?:on\\s+the\\s+basis\\s+of|based\\s+on)|"
                    // "the accelerated nod won on HERIZON-BTC-01 response data".
                    // "The trial follows accelerated approvals based on NAME": the decision before the news.
                    + "(?:follows?|following)\\s+(?:the\\s+|an?\\s+)?(?:\\w+\\s+)?approvals?\\s+"
                    + "(?:based\\s+on|on\\s+the\\s+basis\\s+of)|"
                    + "(?:approval|nod|label|indication)\\s+(?:it\\s+)?"
                    + "(?:won|gained|earned|secured|granted)\\s+on)\\b");

    /**
     * A drug the sentence names as "approved on the basis of NAME" without a verb of its own ("patients who had
     * received ADCs, including T-DXd approved on the basis of NAME"): the label it already holds, told as the
     * patients' history. Not in a title, where "Drug approved based on NAME" is the decision reported, nor after
     * "has", "is" or "been", how a decision being reported is told.
     */
    private static final Pattern APPROVED_ON_THE_BASIS = Pattern.compile("(?i)(?<!\\b(?:has|have|is|are|been|be)\\s)"
            + "\\bapproved\\s+(?:on\\s+the\\s+basis\\s+of|based\\s+on)(?:\\s+the)?\\s*$");

    /**
     * The same told after the name: "the PHILA trial already secured a first-line label". A trial that had already
     * won its drug a decision is the history of what the article reports.
     */
    private static final Pattern EARLIER_APPROVAL_AFTER = Pattern.compile("(?i)^(?:\\s+(?:trial|study))?,?\\s+"
            + "(?:already|previously|earlier)\\s+(?:secured|won|earned|gained|supported|led\\s+to)\\b");

    private TrialNames() {}

    /**
     * The patterns of names written with four capitals, tried in a field that holds such a run. A notice or a comment
     * quotes the journal title of the paper it concerns: its form is read too.
     */
    private static final List<Pattern> NAME_PATTERNS = List.of(
            NAMED,
            NAMED_AFTER,
            EVIDENCE_FROM,
            REPORTED,
            JOINED,
            NAMED_BY_ID,
            ID_NAMED,
            TITLE_NAME_THEN_DESIGN,
            COMMENTED_ON,
            NAME_THEN_ENDPOINT,
            QUOTED_TITLE_OPENS_WITH);

    /**
     * A name whose second part is one letter, written with a space ("ORCHID B", "PELICAN B"), where a colon or a comma
     * ends it or the sentence calls it a trial or gives its results: "Invited Commentary on ORCHID B: …", "The
     * PELICAN B findings show …". Read as the hyphenated name its registry writes.
     */
    private static final Pattern SPACED_LETTER_NAME = Pattern.compile("(?<![\\w-])([A-Z]{4,}\\s[A-Z])(?=\\s*[:,]\\s"
            + "|\\s+(?:phase\\s+\\S+\\s+)?(?:trial|study|results?|data|findings|readout|investigators)\\b)");

    private static final String REGION = "(?:Asia|Asian|Pacific|Atlantic|Europe|European|America|American|Africa"
            + "|African|Latin|Nordic|Middle|North|South|East|West|Eastern|Western|Northern|Southern|Central)";

    /**
     * Two capitalised words joined by a hyphen that running text calls "the … trial" or "the … study" ("according to
     * the Nordlys-Ultra trial"): a name in mixed case outside the catalogue. The trial word in lower case and "the"
     * before it keep out a title's design words ("A Multicenter Real-World Study", "the Randomized Dose-Optimization
     * Trial").
     */
    private static final Pattern HYPHENATED_WORDS_NAMED =
            // "The Asia-Pacific trial", "the Latin-American study": where a trial runs, not its name.
            Pattern.compile("\\b[Tt]he\\s+(?!" + REGION + "-|[A-Z][a-z]{3,}-" + REGION + "\\b)"
                    + "([A-Z][a-z]{3,}-[A-Z][a-z]{3,})\\s+(?:phase\\s+\\S+\\s+)?(?:trial|study)\\b");

    private static final List<Pattern> SPACED_PATTERNS =
            List.of(SPACED_NAMED, SPACED_REPORTED, SPACED_LETTER_NAME, SPACED_EVIDENCE_FROM, HYPHENATED_WORDS_NAMED);

    /** Where the matches of the patterns searched in every field can start (see {@link MatchStarts}). */
    private static final Map<Pattern, MatchStarts> STARTS = startsOf(Stream.concat(
                    Stream.concat(NAME_PATTERNS.stream(), SPACED_PATTERNS.stream()),
                    Stream.of(NAMED_AFTER_ABROAD, NUMBERED_IN, LISTED_PAIR))
            .toList());

    private static Map<Pattern, MatchStarts> startsOf(List<Pattern> patterns) {
        Map<Pattern, MatchStarts> starts = new HashMap<>();
        patterns.forEach(pattern -> starts.put(pattern, MatchStarts.of(pattern)));
        return Map.copyOf(starts);
    }

    /**
     * A search of the text for the pattern, tried only where one of its matches can start; a pattern not in
     * {@link #STARTS} is read here, so that a pattern added to a loop without it is still searched right.
     */
    private static MatchStarts.Search search(Pattern pattern, String text) {
        MatchStarts starts = STARTS.get(pattern);
        return (starts != null ? starts : MatchStarts.of(pattern)).search(text);
    }

    /**
     * Names of trials the text calls so ("the NEOLUMEN study"), in order of first appearance, each once.
     *
     * @param registryRecord whether the text is a registry record, whose title may open with the trial's name
     */
    static List<String> find(String title, List<String> fields, boolean registryRecord) {
        Set<String> names = new LinkedHashSet<>();
        if (title != null && mayHoldName(title)) {
            // A journal's title ending in the trial's name in brackets ("… vinorelbine in pretreated HER2-positive
            // metastatic breast cancer (MERIDIAN-H)") names the trial it reports, as a registry record's does.
            for (Pattern pattern : List.of(
                    TITLE_NAME_THEN_DESIGN,
                    TITLE_ENDS_IN,
                    TITLE_SUFFIX,
                    TITLE_AFTER_ABSTRACT_NUMBER,
                    TITLE_AFTER_NOTICE_LABEL)) {
                Matcher matcher = pattern.matcher(title);
                if (matcher.find() && notATrialWord(matcher.group(1))) {
                    names.add(matcher.group(1));
                }
            }
        }
        if (title != null && holdsCapitals(title, 2)) {
            for (Pattern pattern : List.of(TITLE_ENDS_IN_NUMBERED, TITLE_SPACED_NAME_THEN_DESIGN)) {
                Matcher spaced = pattern.matcher(title);
                String name = spaced.find() ? spaced.group(1).replaceAll("\\s+", "-") : "";
                if (!name.isEmpty() && notATrialWord(name)) {
                    names.add(name);
                }
            }
            Matcher analysed = TITLE_ANALYSIS_OF.matcher(title);
            String name = analysed.find() ? analysed.group(1).replaceAll("\\s+", "-") : "";
            // "Results of the KATHERINE Trial" names KATHERINE, which other patterns read.
            if (!name.isEmpty() && !KIND_SUFFIX.matcher(name).find() && notATrialWord(name)) {
                names.add(name);
            }
        }
        if (title != null && (mayHoldName(title) || holdsCapitals(title, 2))) {
            Matcher opens = TITLE_OPENS_WITH.matcher(title);
            if (opens.find()) {
                String name = nameIn(opens).replaceAll("\\s+", "-");
                if (notATrialWord(name)) {
                    names.add(name);
                }
            }
        }
        if (registryRecord && title != null && mayHoldName(title)) {
            Matcher prefix = TITLE_PREFIX.matcher(title);
            if (prefix.find() && notATrialWord(prefix.group(1))) {
                names.add(prefix.group(1));
            }
            Matcher suffix = TITLE_SUFFIX.matcher(title);
            if (suffix.find() && notATrialWord(suffix.group(1))) {
                names.add(suffix.group(1));
            }
        }
        for (String field : fields) {
            // A name written with a space needs two capitals in a row; every other pattern, four.
            if (field == null || !holdsCapitals(field, 2) && !holdsMixedCaseName(field)) {
                continue;
            }
            boolean fourCapitals = mayHoldName(field);
            if (fourCapitals) {
                for (Pattern pattern : NAME_PATTERNS) {
                    MatchStarts.Search search = search(pattern, field);
                    while (search.find()) {
                        String name = nameIn(search.matcher());
                        if (notATrialWord(name)) {
                            names.add(name);
                        }
                    }
                }
            }
            for (Pattern pattern : SPACED_PATTERNS) {
                MatchStarts.Search search = search(pattern, field);
                while (search.find()) {
                    // Written as its registry and sponsor write it, so that both spellings are one trial's key.
                    String name = search.matcher().group(1).replaceAll("\\s+", "-");
                    if (notATrialWord(name)) {
                        names.add(name);
                    }
                }
            }
            // The pattern's words ignore ASCII case only, so a field it matches holds one of their cues: most hold
            // none, and the pattern need not be tried at each of their characters.
            if (mayNameATrialAbroad(field)) {
                MatchStarts.Search search = search(NAMED_AFTER_ABROAD, field);
                while (search.find()) {
                    Matcher abroad = search.matcher();
                    String name = abroad.group(1) != null
                            ? abroad.group(1).replaceAll("\\s+", "-")
                            : abroad.group(2) != null ? abroad.group(2) : abroad.group(3);
                    if (notATrialWord(name)) {
                        names.add(name);
                    }
                }
            }
            // A numbered name needs four capitals too; read after the spaced names, in the order names are listed.
            if (fourCapitals) {
                MatchStarts.Search search = search(NUMBERED_IN, field);
                while (search.find()) {
                    String name = search.matcher().group(1);
                    if (HYPHENATED_NUMBER.matcher(name).find() && notATrialWord(name)) {
                        names.add(name);
                    }
                }
            }
        }
        return new ArrayList<>(names);
    }

    /**
     * Whether the text makes the trial the subject of a result or a report somewhere ("when the NAME results came
     * out"; see {@link #REPORTED}), in any spelling of its name.
     */
    static boolean reportedOn(String name, List<String> fields) {
        String compact = compact(name);
        for (String field : fields) {
            if (field == null || !mayHoldName(field)) {
                continue;
            }
            MatchStarts.Search search = search(REPORTED, field);
            while (search.find()) {
                if (compact(nameIn(search.matcher())).equals(compact)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * The names written in a list with a trial already found ({@link #LISTED_PAIR}; the trials by {@link #compact}
     * name), or opening clauses told in parallel with one's ({@link #CLAUSE_IN}): a list of trials holds trials, so
     * the name beside one is a trial even when nothing else says so.
     */
    static List<String> listedWith(Set<String> trials, List<String> fields) {
        Set<String> names = new LinkedHashSet<>();
        for (String field : fields) {
            if (field == null || !mayHoldName(field)) {
                continue;
            }
            MatchStarts.Search search = search(LISTED_PAIR, field);
            Matcher pair = search.matcher();
            int from = 0;
            while (search.find(from)) {
                String second = pair.group(1);
                boolean firstIsTrial = trials.contains(compact(leadingName(field, pair.start())));
                if (firstIsTrial && notATrialWord(second)) {
                    names.add(second);
                }
                // The second name may open the next pair of the list: "CLEOPATRA, PUFFIN and PHILA".
                from = pair.start(1);
            }
            List<String> clauses = new ArrayList<>();
            Matcher clause = CLAUSE_IN.matcher(field);
            while (clause.find()) {
                clauses.add(clause.group(1));
            }
            if (clauses.size() > 1 && clauses.stream().anyMatch(name -> trials.contains(compact(name)))) {
                clauses.stream().filter(TrialNames::notATrialWord).forEach(names::add);
            }
        }
        return new ArrayList<>(names);
    }

    /**
     * Whether the text holds four ASCII capitals in a row, as every match of {@link #NAME} does: most fields hold
     * none, and there the name patterns, which were most of tagging's time, need not be tried at every character.
     */
    static boolean mayHoldName(String text) {
        return holdsCapitals(text, 4) || holdsMixedCaseName(text);
    }

    /** Whether the text holds one of {@link #NAMED_AFTER_ABROAD}'s words for a trial ("essai", "étude", ...). */
    private static boolean mayNameATrialAbroad(String text) {
        for (String cue : ABROAD_CUES) {
            if (TrialIds.containsAsciiIgnoringCase(text, cue)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the name's first part is none of {@link #NOT_TRIALS}, in whatever case it is written. */
    private static boolean notATrialWord(String name) {
        return !NOT_TRIALS.contains(firstPart(name).toUpperCase(Locale.ROOT));
    }

    /**
     * Whether the text holds a capital after a small letter ("NeoLumen") or a hyphen between a small letter and two
     * capitals, one capital ending a word or a digit ("Osprey-BC", "Heron-H", "Gravel-2"): where a mixed-case name
     * of {@link #NAME} can stand in a field without four capitals.
     */
    private static boolean holdsMixedCaseName(String text) {
        if (holdsCapitalsAroundSmallLetters(text)) {
            return true;
        }
        for (int i = 1; i + 1 < text.length(); i++) {
            char c = text.charAt(i);
            char before = text.charAt(i - 1);
            if (before >= 'a' && before <= 'z') {
                if (c >= 'A' && c <= 'Z' && text.charAt(i + 1) >= 'a' && text.charAt(i + 1) <= 'z') {
                    return true;
                }
                if (c == '-' && (isCapital(text.charAt(i + 1)) || isDigit(text.charAt(i + 1)))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether the text holds two capitals, three small letters or more, then a capital ("PHranceSCa"). */
    private static boolean holdsCapitalsAroundSmallLetters(String text) {
        int capitals = 0;
        int small = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (isCapital(c)) {
                if (small >= 3 && capitals >= 2) {
                    return true;
                }
                capitals = small > 0 ? 1 : capitals + 1;
                small = 0;
            } else if (c >= 'a' && c <= 'z' && capitals > 0) {
                small++;
            } else {
                capitals = 0;
                small = 0;
            }
        }
        return false;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isCapital(char c) {
        return c >= 'A' && c <= 'Z';
    }

    /**
     * Whether the text holds {@code run} ASCII capitals in a row: four for {@link #NAME}, two for a name written
     * with a space ({@link #SPACED_NAME}: "Cormorant GC").
     */
    private static boolean holdsCapitals(String text, int run) {
        int length = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            length = c >= 'A' && c <= 'Z' ? length + 1 : 0;
            if (length == run) {
                return true;
            }
        }
        return false;
    }

    private static final Pattern LEADING_NAME = Pattern.compile("[\\w-]+");

    private static String leadingName(String field, int start) {
        Matcher name = LEADING_NAME.matcher(field).region(start, field.length());
        return name.lookingAt() ? name.group() : "";
    }

    /**
     * The name a match of one of the name patterns found: a pattern of two alternatives ({@link #REPORTED}: the name
     * before its results verb, or after "investigators of") captures it in the first or the second group.
     */
    private static String nameIn(Matcher matcher) {
        return matcher.group(1) != null ? matcher.group(1) : matcher.group(2);
    }

    /**
     * The registry id written right beside each trial name in the fields ("OSPREY-HB (NCT07000001)", "NCT07000001
     * (OSPREY-HB)", "DESTINY-Breast09 (NCT…)"), by the {@link #compact} form of the name: one trial, not two.
     */
    static Map<String, String> idsBesideNames(List<String> fields) {
        Map<String, String> ids = new HashMap<>();
        for (String field : fields) {
            if (field == null || !mayNameAnId(field)) {
                continue;
            }
            Matcher before = NAME_THEN_ID.matcher(field);
            while (before.find()) {
                List<String> found = TrialIds.find(before.group(2));
                if (!found.isEmpty()) {
                    ids.putIfAbsent(compact(before.group(1)), found.get(0));
                }
            }
            Matcher after = ID_THEN_NAME.matcher(field);
            while (after.find()) {
                List<String> found = TrialIds.find(after.group(1));
                if (!found.isEmpty()) {
                    ids.putIfAbsent(compact(after.group(2)), found.get(0));
                }
            }
        }
        return ids;
    }

    /**
     * Whether a field can hold either form of {@link #idsBesideNames}: both need a bracket, and a registry id, every
     * prefix of which holds a capital "CT" (NCT, EudraCT, EU CT, ISRCTN, ACTRN, jRCT, ChiCTR), or is an NCT in any
     * case, or a numbered one. Most fields hold none, and the name pattern is costly to try at every word.
     */
    private static boolean mayNameAnId(String field) {
        if (field.indexOf('(') < 0 && field.indexOf('[') < 0) {
            return false;
        }
        // No character beyond ASCII lower-cases to an n, c or t: "nct" in any ASCII case is "nct" in any case.
        return field.contains("CT") || TrialIds.containsAsciiIgnoringCase(field, "nct") || holdsNumberedId(field);
    }

    /**
     * Whether the text holds four digits, a dash and six (ASCII digits, as the patterns' {@code \d}): the numbered
     * form of {@link #REGISTRY_ID}, EudraCT and EU CT numbers written without their prefix.
     */
    private static boolean holdsNumberedId(String text) {
        for (int dash = text.indexOf('-', 4); dash >= 0; dash = text.indexOf('-', dash + 1)) {
            if (dash + 6 < text.length() && digits(text, dash - 4, dash) && digits(text, dash + 1, dash + 7)) {
                return true;
            }
        }
        return false;
    }

    private static boolean digits(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    /**
     * A title that tells of readouts still to come ("Preview: what to watch in HER2 at ESMO", "ESMO 2026: what to
     * expect from the late-breakers"): the trials it names have reported nothing yet, so it reports on none of them.
     */
    private static final Pattern PREVIEW_TITLE = Pattern.compile(
            "(?i)\\b(?:previews?|what\\s+to\\s+(?:watch|expect)|to\\s+watch|look(?:ing)?\\s+ahead|sneak\\s+peek)\\b");

    /** Asked of every item's title: tried only at the letters its cues start with. */
    private static final MatchStarts PREVIEW_STARTS = MatchStarts.of(PREVIEW_TITLE);

    /** Whether the title previews readouts to come (see {@link #PREVIEW_TITLE}). */
    static boolean previews(String title) {
        return title != null && PREVIEW_STARTS.search(title).find();
    }

    /**
     * Whether every mention of the trial in the fields cites it as background (see the class comment); false when
     * it is not found by its name at all (named by a spelling only the rules know: then it is taken as named).
     */
    static boolean onlyBackground(String name, List<String> fields) {
        return everyMention(name, fields, (field, start, end, title) -> {
            String before = clauseBefore(field, start);
            String after = sentenceAfter(field, end);
            boolean history =
                    AFTER.matcher(before).find() && WHAT_FOLLOWED.matcher(after).find();
            return BACKGROUND_CUE.matcher(before).find()
                    || HISTORY_CLAUSE.matcher(before).find()
                    || EARLIER_APPROVAL.matcher(before).find()
                    || PENDING_BEFORE.matcher(before).find()
                    || PENDING_AFTER.matcher(after).find()
                    || REGIMEN_AFTER.matcher(after).find()
                    || POOLED_INCLUDING.matcher(before).find()
                            && POOLED.matcher(sentenceBefore(field, start)).find()
                    || WEIGHED_AFTER.matcher(after).find()
                            && !RESULTS_OF.matcher(sentenceBefore(field, start)).find()
                    || EARLIER_APPROVAL_AFTER.matcher(after).find()
                    || history
                    || !title && APPROVED_ON_THE_BASIS.matcher(before).find()
                    || SEEN_IN.matcher(before).find()
                            && CONFIRMED_AFTER.matcher(after).find()
                    // A headline's "… after NAME" is as often the readout it follows ("approval after NAME").
                    || !title
                            && AFTER_LISTED.matcher(before).find()
                            && CLAUSE_ENDS.matcher(after).find();
        });
    }

    /**
     * Where a mention of a trial stands in a field: {@code start} and {@code end} of the name found; {@code title}
     * when the field is the first, the title.
     */
    @FunctionalInterface
    private interface MentionTest {
        boolean test(String field, int start, int end, boolean title);
    }

    /** Whether the trial is found by its name in the fields, and every mention of it passes the test. */
    private static boolean everyMention(String name, List<String> fields, MentionTest test) {
        Pattern mention = spellings(name);
        int mentions = 0;
        for (int f = 0; f < fields.size(); f++) {
            String field = fields.get(f);
            if (field == null || field.isEmpty()) {
                continue;
            }
            Matcher matcher = mention.matcher(field);
            while (matcher.find()) {
                mentions++;
                if (!test.test(field, matcher.start(), matcher.end(), f == 0)) {
                    return false;
                }
            }
        }
        return mentions > 0;
    }

    /**
     * A structured abstract's section heading ("PURPOSE:", "PATIENTS AND METHODS:"), and those whose section sets out
     * what was known before the study: a trial named only there is the precedent of the study, not its subject.
     */
    private static final Pattern SECTION = Pattern.compile("\\b([A-Z][A-Z ]{2,}[A-Z])\\s*:");

    private static final Set<String> BACKGROUND_SECTIONS = Set.of("BACKGROUND", "INTRODUCTION", "CONTEXT", "PURPOSE");

    /**
     * Whether every mention of the trial stands in the background section of a structured abstract (see
     * {@link #SECTION}); false when any stands elsewhere or it is not found by its name.
     */
    static boolean onlyInBackgroundSection(String name, List<String> fields) {
        return everyMention(name, fields, (field, start, end, title) -> {
            String section = null;
            Matcher heading = SECTION.matcher(field).region(0, start);
            while (heading.find()) {
                section = heading.group(1);
            }
            return section != null && BACKGROUND_SECTIONS.contains(section);
        });
    }

    /**
     * A curated name that is one word of letters ("KATHERINE", "SOPHIA", "NALA", "MOUNTAINEER") is also a person's,
     * a pet's, a company's or an everyday word: written otherwise than as the catalogue writes it or in capitals
     * ("I'm Katherine", "SOPHiA GENETICS", "a mountaineer's guide", "walks with Nala"), it is the trial only where
     * the text calls it one or gives its results ("the Cleopatra trial", "Heredera results").
     */
    private static final Pattern WORD_NAME = Pattern.compile("[A-Za-z]+");

    private static final Pattern CALLED_A_TRIAL_AFTER = Pattern.compile("(?i)^(?:'s)?\\s+(?:phase\\s+\\S+\\s+)?"
            + "(?:trials?|study|studies|results?|data|readout|findings|investigators|regimen|cohort|analysis)\\b");

    private static final Pattern CALLED_A_TRIAL_BEFORE =
            Pattern.compile("(?i)\\b(?:trial|study|essai|ensayo|estudio|studio)\\s+$");

    /**
     * Whether the text writes a curated one-word name as the trial's (see {@link #WORD_NAME}): as the catalogue
     * writes it, in capitals, or called a trial; true for other names and when no mention is found by its spelling.
     */
    static boolean writtenAsTrial(String label, List<String> fields) {
        if (!WORD_NAME.matcher(label).matches()) {
            return true;
        }
        Pattern mention = spellings(label);
        boolean found = false;
        for (String field : fields) {
            if (field == null || field.isEmpty()) {
                continue;
            }
            Matcher matcher = mention.matcher(field);
            while (matcher.find()) {
                found = true;
                String written = matcher.group();
                if (written.equals(label)
                        || written.equals(written.toUpperCase(Locale.ROOT))
                        || CALLED_A_TRIAL_AFTER
                                .matcher(field.substring(matcher.end()))
                                .find()
                        || CALLED_A_TRIAL_BEFORE
                                .matcher(field.substring(0, matcher.start()))
                                .find()) {
                    return true;
                }
            }
        }
        return !found;
    }

    /** Whether the text names the trial in any of its spellings, its initials with its number too ("DB-05"). */
    static boolean names(String text, String name) {
        if (text == null) {
            return false;
        }
        String initials = initials(name);
        List<String> parts = parts(name);
        String shortened = shortened(name);
        // One pattern for the spellings and the shortened form: this is asked for every trial of every article.
        return Pattern.compile("(?i)" + spelling(name) + (shortened == null ? "" : "|" + shortened))
                        .matcher(text)
                        .find()
                || initials != null
                        && Pattern.compile("(?<![A-Za-z0-9])" + initials + "[\\s-]?0?"
                                        + number(parts.get(parts.size() - 1)) + "(?![A-Za-z0-9])")
                                .matcher(text)
                                .find();
    }

    /** The key two spellings of one trial name share: letters and digits only, lower case, no leading zeros. */
    static String compact(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "").replaceAll("(?<![0-9])0+(?=[0-9])", "");
    }

    /** The name with any separator or none between its parts, and an optional leading zero on its number. */
    private static Pattern spellings(String name) {
        return Pattern.compile("(?i)" + spelling(name));
    }

    /**
     * How writers spell a numbered trial name besides the curated forms: any separator or none between its parts
     * and an optional leading zero ("DESTINY Breast 9", "HER2CLIMB 02"), and a two-part name's initials with its
     * number ("DB-09" for DESTINY-Breast09): {@link #compact} of what it finds is the compact form of the name or of
     * its initials. Names without a number are left to the curated terms.
     *
     * @return null when no name has a number
     */
    static Spellings numberedSpellings(List<String> names) {
        Map<Character, List<String>> byFirst = new HashMap<>();
        for (String name : names) {
            List<String> parts = parts(name);
            if (parts.stream().noneMatch(part -> Character.isDigit(part.charAt(0)))) {
                continue;
            }
            String first = parts.get(0);
            String spelling = spelling(name);
            if (Character.isDigit(first.charAt(0))) {
                // "0?" before the number: a match may start with a zero or with the number's own first digit.
                addAlternative(byFirst, '0', spelling);
                addAlternative(byFirst, number(first).charAt(0), spelling);
            } else {
                addAlternative(byFirst, first.charAt(0), spelling);
            }
            String initials = initials(name);
            if (initials != null) {
                addAlternative(
                        byFirst,
                        initials.charAt(0),
                        "(?<![A-Za-z0-9])(?-i:" + initials + ")[\\s-]?0?" + number(parts.get(parts.size() - 1))
                                + "(?![A-Za-z0-9])");
            }
            String shortened = shortened(name);
            if (shortened != null) {
                addAlternative(byFirst, first.charAt(0), shortened);
            }
        }
        if (byFirst.isEmpty()) {
            return null;
        }
        Map<Character, Pattern> patterns = new HashMap<>();
        byFirst.forEach(
                (first, alternatives) -> patterns.put(first, Pattern.compile("(?i)" + String.join("|", alternatives))));
        return new Spellings(patterns);
    }

    private static void addAlternative(Map<Character, List<String>> byFirst, char first, String alternative) {
        List<String> alternatives = byFirst.computeIfAbsent(asciiLower(first), c -> new ArrayList<>());
        if (!alternatives.contains(alternative)) {
            alternatives.add(alternative);
        }
    }

    /**
     * The spellings of {@link #numberedSpellings}, one alternation per first character (in the names' order, so the
     * first alternative that fits wins as in one alternation of them all). Every spelling starts with an ASCII letter
     * or digit that no letter or digit precedes, so only such word starts are tried, each against the alternatives
     * that can start with its character: one regular expression of every name tried at every character of every
     * field cost more than the rest of the pipeline together.
     */
    static final class Spellings {

        /** By ASCII lower-case first character (every spelling starts with an ASCII letter or digit). */
        private final Pattern[] byFirst = new Pattern[128];

        private Spellings(Map<Character, Pattern> byFirst) {
            byFirst.forEach((first, pattern) -> this.byFirst[first] = pattern);
        }

        /** What the spellings match in the text, left to right, as {@link Matcher#find} would give them. */
        List<String> find(String text) {
            List<String> found = new ArrayList<>();
            // One matcher per first character for the whole text, made when first needed: one per word start was
            // much of what reading the spellings cost.
            Matcher[] matchers = new Matcher[byFirst.length];
            int length = text.length();
            int i = 0;
            while (i < length) {
                char c = text.charAt(i);
                if (isAsciiAlphanumeric(c) && (i == 0 || !isAsciiAlphanumeric(text.charAt(i - 1)))) {
                    char first = asciiLower(c);
                    Pattern pattern = byFirst[first];
                    if (pattern != null) {
                        if (matchers[first] == null) {
                            // Transparent bounds: the look-behind of each spelling still sees the text before i.
                            matchers[first] = pattern.matcher(text)
                                    .useTransparentBounds(true)
                                    .useAnchoringBounds(false);
                        }
                        Matcher matcher = matchers[first].region(i, length);
                        if (matcher.lookingAt()) {
                            found.add(matcher.group());
                            i = Math.max(matcher.end(), i + 1);
                            continue;
                        }
                    }
                }
                i++;
            }
            return found;
        }
    }

    private static boolean isAsciiAlphanumeric(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }

    private static char asciiLower(char c) {
        return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
    }

    /** The initials and number of a name of two words and a number (DESTINY-Breast09: "DB09"), or null. */
    static String initials(String name) {
        List<String> parts = parts(name);
        if (parts.size() != 3
                || !Character.isDigit(parts.get(2).charAt(0))
                || !Character.isLetter(parts.get(0).charAt(0))
                || !Character.isLetter(parts.get(1).charAt(0))) {
            return null;
        }
        return (parts.get(0).substring(0, 1) + parts.get(1).substring(0, 1)).toUpperCase(Locale.ROOT);
    }

    /**
     * A two-word numbered name with its second word cut to its capital initial ("DESTINY-B09" for DESTINY-Breast09),
     * as a spelling, or null for other names.
     */
    private static String shortened(String name) {
        if (initials(name) == null) {
            return null;
        }
        List<String> parts = parts(name);
        return "(?<![A-Za-z0-9])" + Pattern.quote(parts.get(0)) + "[\\s-]?(?-i:"
                + parts.get(1).substring(0, 1).toUpperCase(Locale.ROOT) + ")[\\s-]?0?" + number(parts.get(2))
                + "(?![A-Za-z0-9])";
    }

    /** The {@link #shortened} form of a name, compact ("destinyb9"), or null. */
    static String compactShortened(String name) {
        if (initials(name) == null) {
            return null;
        }
        List<String> parts = parts(name);
        return compact(parts.get(0) + parts.get(1).charAt(0) + parts.get(2));
    }

    /** The initials of {@link #initials} with the name's number, in compact form ("db9"), or null. */
    static String compactInitials(String name) {
        String initials = initials(name);
        List<String> parts = parts(name);
        return initials == null ? null : compact(initials + parts.get(parts.size() - 1));
    }

    private static String spelling(String name) {
        List<String> parts = parts(name);
        List<String> patterns = new ArrayList<>();
        for (String part : parts) {
            patterns.add(Character.isDigit(part.charAt(0)) ? "0?" + number(part) : Pattern.quote(part));
        }
        String last = parts.get(parts.size() - 1);
        // HER2CLIMB is not the start of HER2CLIMB-02.
        String end = Character.isDigit(last.charAt(0)) ? "(?![A-Za-z0-9])" : "(?![A-Za-z0-9])(?![\\s-]?[0-9])";
        return "(?<![A-Za-z0-9])" + String.join("[\\s-]?", patterns) + end;
    }

    private static List<String> parts(String name) {
        List<String> parts = new ArrayList<>();
        Matcher part = Pattern.compile("[A-Za-z]+|[0-9]+").matcher(name);
        while (part.find()) {
            parts.add(part.group());
        }
        return parts;
    }

    private static String number(String digits) {
        return digits.replaceFirst("^0+(?=.)", "");
    }

    /** The text of the mention's clause before it: back to the last comma, semicolon, colon or sentence end. */
    private static String clauseBefore(String field, int start) {
        int from = start;
        while (from > 0 && ",;:.!?()".indexOf(field.charAt(from - 1)) < 0) {
            from--;
        }
        return field.substring(from, start);
    }

    /** The text of the mention's sentence after it. */
    /** The text of the mention's sentence before it: back to the last sentence end or semicolon. */
    private static String sentenceBefore(String field, int start) {
        int from = start;
        while (from > 0 && ".!?;".indexOf(field.charAt(from - 1)) < 0) {
            from--;
        }
        return field.substring(from, start);
    }

    private static String sentenceAfter(String field, int end) {
        int to = end;
        while (to < field.length() && ".!?;".indexOf(field.charAt(to)) < 0) {
            to++;
        }
        return field.substring(end, to);
    }

    private static String firstPart(String name) {
        int hyphen = name.indexOf('-');
        return hyphen < 0 ? name : name.substring(0, hyphen);
    }
}
