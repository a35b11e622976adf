package org.her2feeds.tagging;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.her2feeds.parse.CitedIds;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Decides which articles tell the same story: the rules of {@code her2.stories-file} (default
 * {@code config/stories.yml}, whose comments describe them) applied to two articles' {@link StoryProfile}s. Every
 * link is explained by what the two share. A bad rules file stops start-up, naming the line at fault; on an
 * operator's {@link #reload()} it is refused and the rules in force stay.
 */
@Component
public class StoryLinks {

    /** Titles shorter than this many words are too generic to count as quoted when found in another text. */
    static final int QUOTED_TITLE_WORDS = 6;

    private static final int TEXT_KEY_LENGTH = 4000;
    private static final int DECISION_TEXT = 300;
    /** How much of a description its distinctive words are read from: an abstract's worth, so profiles stay small. */
    private static final int WORDS_TEXT = 3000;
    /** The kinds of source whose articles may report a decision without being typed as one. */
    private static final Set<String> DECISION_REPORTERS = Set.of("news", "patient", "regulator");

    /**
     * The events an article may report: a result (a readout, a paper, a preprint, the default), a regulator's
     * decision, a filing with one, a notice about another article, or a preview of readouts to come.
     */
    static final String RESULT = "result";

    static final String DECISION = "decision";

    static final String FILING = "filing";

    static final String NOTICE = "notice";

    /** A comment on a readout (an editorial, an opinion): it reports none itself. */
    private static final String COMMENTARY = "commentary";

    /** A society's guideline: its coverage may come later than a readout's (see guideline-days). */
    private static final String GUIDELINE = "guideline";

    /** What a congress preview or an agenda tells of: readouts still to come, none of which it reports. */
    static final String PREVIEW = "preview";

    /**
     * A step before a regulator's decision (an advisory committee's opinion, a draft for consultation): linked as
     * decisions are, but never with the decision it leads to, which is a later event of its own.
     */
    static final String OPINION = "opinion";

    private static final Pattern WORD = Pattern.compile("[a-z0-9][a-z0-9\\-]*[a-z0-9]");
    private static final Pattern NUMBER = Pattern.compile("[0-9.\\-]+");

    /**
     * A decimal figure ("11.9", "0.63", "27.6%") that is not a dose ("5.4 mg/kg"), a P value (every abstract has a
     * "P<0.001") nor part of a longer token (a version, a DOI, a date).
     */
    private static final Pattern FIGURE =
            Pattern.compile("(?<![\\w.\\-/])(?<![pP]\\s{0,2}[<=≤>]\\s{0,2})(\\d{1,3}\\.\\d{1,3})(?![\\w.\\-/])"
                    + "(?!\\s*(?:mg|g/|µg|mcg|ml|mL|kg|Gy))");

    private static final String PAGE = "page:";

    /** How a notice's profile holds the title of the article it concerns among the ids it cites. */
    private static final String CONCERNED_TITLE = "title:";

    private static final Pattern URL = Pattern.compile("https?://[^\\s<>\"')\\]]+");

    /**
     * A journal's name as a text writes it: capitalised words, with "of", "and" or "&" between them ("The Lancet
     * Oncology", "Annals of Oncology"), as the one group of the patterns that read it.
     */
    private static final String JOURNAL_NAME = "([A-Z][\\w&'-]*(?:\\s+(?:(?:of|and|&)\\s+)?[A-Z][\\w&'-]*){0,5})";

    /**
     * Where a text says a paper appeared: "published in The Lancet Oncology", "reported today in JAMA Oncology",
     * "published Thursday in the New England Journal of Medicine", "researchers report in Cancer Cell", then
     * the journal's name as capitalised words (with "of", "and" or "&" between them).
     */
    private static final Pattern PUBLISHED_IN = Pattern.compile("\\b(?:published|appears|appeared|reported|reports?"
            + "|write|writes)"
            + "(?:\\s+(?:online|today|yesterday|this\\s+week|last\\s+week|(?:on\\s+)?(?:Monday|Tuesday|Wednesday"
            + "|Thursday|Friday|Saturday|Sunday))){0,2}\\s+in\\s+(?:the\\s+|The\\s+)?"
            + JOURNAL_NAME);

    /**
     * Where lay news names a paper by its journal instead: "according to a major Lancet review", "a new JAMA Oncology
     * study", the journal's name as capitalised words between an article and the kind of paper.
     */
    private static final Pattern JOURNAL_PAPER =
            Pattern.compile("\\b(?:a|an|the)\\s+(?:(?:new|major|large|recent)\\s+)?"
                    + JOURNAL_NAME
                    + "\\s+(?:review|study|paper|analysis|meta-analysis|report|article)\\b");

    /**
     * Lay news naming the paper and then its journal: "according to a paper in Nature Cancer", "a new study in Cancer
     * Cell", the journal's name as {@link #PUBLISHED_IN} reads it.
     */
    private static final Pattern PAPER_IN = Pattern.compile("\\b(?:a|an|the)\\s+(?:(?:new|major|large|recent)\\s+)?"
            + "(?:paper|study|report|article|analysis|review|meta-analysis)\\s+in\\s+(?:the\\s+|The\\s+)?"
            + JOURNAL_NAME);

    /**
     * A company's release of a paper: "announced publication of the phase 3 study of its ADC … in The Lancet
     * Oncology", within one sentence; or a headline's "…, Lancet Oncology publishes".
     */
    private static final Pattern PUBLICATION_IN =
            Pattern.compile("\\bpublication\\b[^.]{0,160}?\\bin\\s+" + "(?:the\\s+|The\\s+)?" + JOURNAL_NAME);

    private static final Pattern JOURNAL_PUBLISHES = Pattern.compile(JOURNAL_NAME + "\\s+publishes\\b");

    /**
     * A comment on a paper beside it: "a new study in this issue of Cancer Cell", "in the current issue of JAMA
     * Oncology". Only a paper of that issue is meant, whatever either article's type.
     */
    private static final Pattern IN_ISSUE_OF = Pattern.compile("\\b[Ii]n\\s+(?:this|the\\s+(?:current|same|latest))"
            + "\\s+issue\\s+of\\s+(?:the\\s+|The\\s+)?" + JOURNAL_NAME);

    /** How a profile's venues mark a journal that its text says is the issue it comments on. */
    private static final String IN_ISSUE = "issue:";

    /** Words of a journal's name that its source's id leaves out ("Annals of Oncology": annals-oncology). */
    private static final Set<String> NAME_JOINERS = Set.of("the", "of", "and", "&");

    /** How many figures two results must share to be taken as reports of one readout. */
    private static final int SHARED_FIGURES = 2;

    private final Path file;
    /** Swapped whole on a reload, so that every profile and link is decided by one complete rule set. */
    private final AtomicReference<StoryRules> current;

    public StoryLinks(@Value("${her2.stories-file:config/stories.yml}") Path file) {
        this.file = file;
        this.current = new AtomicReference<>(StoryRules.read(file));
    }

    /**
     * Reads the rules file again; a bad file throws {@link TopicRulesException} naming its line and keeps the
     * current rules.
     *
     * @return whether the rules changed
     */
    public boolean reload() {
        StoryRules fresh = StoryRules.read(file);
        return !current.getAndSet(fresh).equals(fresh);
    }

    /** The longest time between two articles of one story that are linked directly. */
    public Duration window() {
        return Duration.ofDays(current.get().windowDays());
    }

    /** An empty index of the articles later ones could be linked to, by these rules. */
    public <T> StoryCandidates<T> candidates() {
        StoryRules rules = current.get();
        return new StoryCandidates<>(
                Math.min(rules.wordThreshold(), rules.nearThreshold()), rules.nearDays(), rules.coverageTypes());
    }

    /**
     * What grouping needs to know of an article, or empty when it can never belong to a story (no evidence read,
     * a registry record, a type kept out of stories).
     */
    public Optional<StoryProfile> profile(
            TaggableText text, Evidence evidence, String sourceId, String doi, String pmid, Instant at) {
        if (text == null || evidence == null || evidence.type() == null || at == null) {
            return Optional.empty();
        }
        StoryRules rules = current.get();
        String type = evidence.type().slug();
        if (rules.outsideStories().contains(type) || "registry".equals(text.sourceKind())) {
            return Optional.empty();
        }
        String body = text.summary() + " " + text.content();
        String event = event(rules, type, text);
        boolean regulatory = DECISION.equals(event) || FILING.equals(event) || OPINION.equals(event);
        Set<String> regulators = regulatory ? regulators(rules, text, sourceId) : Set.of();
        // A decision's indication is told by its title, else its text's start; a report's subject by its title alone.
        Set<String> sites = regulatory ? sites(rules, text) : sitesIn(rules, text.title());
        Set<String> settings = regulatory ? setting(rules, text) : Set.of();
        Map<String, Set<String>> keys = evidence.keys();
        Set<String> drugWords = new HashSet<>();
        for (DrugMention drug : evidence.drugs()) {
            drugWords.addAll(words(rules, drug.inn(), Set.of()));
            drug.mentioned().forEach(name -> drugWords.addAll(words(rules, name, Set.of())));
        }
        Set<String> own = new LinkedHashSet<>();
        if (doi != null && !doi.isBlank()) {
            own.add(doi.strip().toLowerCase(Locale.ROOT));
        }
        if (pmid != null && !pmid.isBlank()) {
            own.add(pmid.strip());
        }
        String ownPage = page(text.link());
        if (ownPage != null) {
            own.add(ownPage);
        }
        Set<String> cited = new LinkedHashSet<>();
        String all = text.title() + " " + body;
        // A news item that links the paper's page ("Read the study: https://…") cites it as surely as by DOI.
        Matcher url = URL.matcher(all);
        while (url.find()) {
            String page = page(url.group());
            if (page != null) {
                cited.add(page);
            }
        }
        CitedIds.dois(all).forEach(d -> cited.add(d.toLowerCase(Locale.ROOT)));
        cited.addAll(CitedIds.pmids(all));
        if (evidence.notice() != null) {
            evidence.notice().dois().forEach(d -> cited.add(d.toLowerCase(Locale.ROOT)));
            cited.addAll(evidence.notice().pmids());
            // A blog's report of a retraction and the journal's notice name the article they concern by its title
            // as often as by an identifier: a title of several words read from both is one article.
            String concerned = NoticeReader.titleKey(evidence.notice().title());
            if (concerned != null && concerned.split(" ").length >= QUOTED_TITLE_WORDS) {
                cited.add(CONCERNED_TITLE + concerned);
            }
        }
        cited.removeAll(own);
        String titleKey = key(text.title());
        // Only the start of the text's key is kept: no need to key the rest.
        String textKey = TextKey.head(all, TEXT_KEY_LENGTH);
        return Optional.of(new StoryProfile(
                at,
                sourceId,
                text.sourceKind(),
                type,
                event,
                regulators,
                trialKeys(evidence, all),
                evidence.drugs().isEmpty()
                        ? sponsoredDrugs(rules, text, regulatory)
                        : regulatory ? decidedDrugs(rules, evidence, text) : keys.get(Evidence.DRUG),
                own,
                cited,
                titleKey.split(" ").length >= QUOTED_TITLE_WORDS ? titleKey : "",
                textKey,
                words(rules, text.title(), drugWords),
                words(rules, text.title() + " " + head(text.summary(), WORDS_TEXT), drugWords),
                trialNames(evidence),
                figures(text.title() + " " + head(text.summary(), WORDS_TEXT)),
                sites,
                venues(all),
                settings));
    }

    /**
     * Whether two articles tell the same story, and why: what they share, in words a reader of the API follows.
     */
    public Optional<String> link(StoryProfile a, StoryProfile b) {
        return link(current.get(), a, b);
    }

    /**
     * Whether two articles tell the same story, given the articles known when the later of them arrived (an index
     * that may hold either of them): {@link #link(StoryProfile, StoryProfile)}, and the links that depend on what
     * else those days hold. News naming a drug's maker and the drug, but no trial ("Pfizer shares slip after Tukysa
     * survival data"), reports a readout of that drug of its days only when it is the sole one: a maker reports
     * several readouts of one drug at a congress, and such news, linked to each, would join their stories. The
     * store's grouping and the evaluation both ask this, each article with those known before it.
     */
    public Optional<String> link(StoryProfile a, StoryProfile b, StoryCandidates<?> known) {
        StoryRules rules = current.get();
        Optional<String> pairwise = link(rules, a, b);
        if (pairwise.isPresent() && (coversAnother(rules, a, b, known) || coversAnother(rules, b, a, known))) {
            return Optional.empty();
        }
        if (pairwise.isPresent() || !RESULT.equals(a.event()) || !RESULT.equals(b.event()) || !near(rules, a, b)) {
            return pairwise;
        }
        Optional<String> sole = soleReadout(rules, a, b, known);
        return sole.isPresent() ? sole : soleReadout(rules, b, a, known);
    }

    /**
     * Whether coverage linked by trial to another analysis of it (a biomarker abstract of the same congress) tells a
     * readout of that trial whose analysis its own title names, known from the days before it: congress news of the
     * survival results appears beside the trial's exploratory abstracts, and is that readout's, not theirs.
     */
    private static boolean coversAnother(
            StoryRules rules, StoryProfile coverage, StoryProfile analysis, StoryCandidates<?> known) {
        Set<String> told = intersection(coverage.titleWords(), rules.analysisWords());
        if (!RESULT.equals(coverage.event())
                || !RESULT.equals(analysis.event())
                || !coverageFollows(rules, coverage, analysis)
                || told.equals(intersection(analysis.titleWords(), rules.analysisWords()))
                || intersection(coverage.trials(), analysis.trials()).isEmpty()) {
            return false;
        }
        for (StoryProfile other : known.resultsNear(coverage)) {
            if (!other.equals(analysis)
                    && RESULT.equals(other.event())
                    && !rules.noTrialLinks().contains(other.type())
                    && !intersection(coverage.trials(), other.trials()).isEmpty()
                    && coverageFollows(rules, coverage, other)
                    && told.equals(intersection(other.titleWords(), rules.analysisWords()))) {
                return true;
            }
        }
        return false;
    }

    private static Optional<String> soleReadout(
            StoryRules rules, StoryProfile news, StoryProfile readout, StoryCandidates<?> known) {
        if (!rules.coverageTypes().contains(news.type())
                || !news.trials().isEmpty()
                || !news.citedIds().isEmpty()
                || !sitesAgree(news, readout)) {
            return Optional.empty();
        }
        for (String drug : intersection(news.drugs(), readout.drugs())) {
            String maker = makerNamed(rules, news, drug);
            // Joined to a report of the readout (a release, a paper, news naming the trial), not to a comment on
            // it; every mention of a readout of the drug counts among the readouts of those days.
            if (maker == null || COMMENTARY.equals(readout.type()) || !readoutOf(rules, readout, drug, news)) {
                continue;
            }
            if (oneReadout(
                    rules, news, readout, known.resultsNear(news), other -> readoutOf(rules, other, drug, news))) {
                return Optional.of("news naming " + maker + " within days of the one readout of " + drug + " ("
                        + String.join(", ", new TreeSet<>(readout.trialNames())) + ")");
            }
        }
        return soleReleaseOf(rules, news, readout, known);
    }

    /**
     * News whose title opens with the company a release's title opens with ("Kestrel Therapeutics stock more than
     * doubles on lung cancer trial win" beside "Kestrel Therapeutics Reports Positive Topline Results From …"), a
     * maker no sponsors list knows, reports that release's readout when it is the company's one readout of those days.
     */
    private static Optional<String> soleReleaseOf(
            StoryRules rules, StoryProfile news, StoryProfile readout, StoryCandidates<?> known) {
        String company = opening(news);
        if (company == null
                || !company.equals(opening(readout))
                || COMMENTARY.equals(readout.type())
                || !releaseOf(rules, readout, company, news)) {
            return Optional.empty();
        }
        return oneReadout(
                        rules,
                        news,
                        readout,
                        known.resultsOpeningNear(news),
                        other -> releaseOf(rules, other, company, news))
                ? Optional.of("news naming " + company + " within days of its one readout ("
                        + String.join(", ", new TreeSet<>(readout.trialNames())) + ")")
                : Optional.empty();
    }

    /**
     * Whether the readouts within days of the news that {@code reports} accepts, the candidate among them, are one:
     * each readout told by its trials and the analysis its title names.
     */
    private static boolean oneReadout(
            StoryRules rules,
            StoryProfile news,
            StoryProfile readout,
            List<StoryProfile> around,
            Predicate<StoryProfile> reports) {
        Set<List<Set<String>>> readouts = new HashSet<>();
        List<StoryProfile> all = new ArrayList<>(around);
        all.add(readout);
        for (StoryProfile other : all) {
            if (near(rules, news, other) && reports.test(other)) {
                readouts.add(List.of(other.trials(), intersection(other.titleWords(), rules.analysisWords())));
            }
        }
        return readouts.size() == 1;
    }

    private static boolean releaseOf(StoryRules rules, StoryProfile other, String company, StoryProfile news) {
        return company.equals(opening(other)) && reportsReadout(rules, other, news);
    }

    /**
     * The two distinctive words a title opens with, as a company's name opens its release and news of it, or null:
     * "kestrel therapeutics".
     */
    static String opening(StoryProfile profile) {
        String[] words = profile.titleKey().split(" ");
        return words.length >= 2
                        && profile.titleWords().contains(words[0])
                        && profile.titleWords().contains(words[1])
                ? words[0] + " " + words[1]
                : null;
    }

    /** The maker of the drug a news item's title names, or null. */
    private static String makerNamed(StoryRules rules, StoryProfile news, String drug) {
        for (Map.Entry<String, List<String>> sponsor : rules.sponsors().entrySet()) {
            if (!Evidence.key(sponsor.getKey()).equals(drug)) {
                continue;
            }
            for (String company : sponsor.getValue()) {
                if (news.titleWords().containsAll(List.of(key(company).split(" ")))) {
                    return company;
                }
            }
        }
        return null;
    }

    /**
     * Whether an article reports a readout of the drug that the news may tell of ({@link #reportsReadout}).
     */
    private static boolean readoutOf(StoryRules rules, StoryProfile other, String drug, StoryProfile news) {
        return other.drugs().contains(drug) && reportsReadout(rules, other, news);
    }

    /** A result naming its trial (not a review's, guideline's or survey's mention), of the analysis the news names. */
    private static boolean reportsReadout(StoryRules rules, StoryProfile other, StoryProfile news) {
        return RESULT.equals(other.event())
                && !other.trials().isEmpty()
                && !rules.noTrialLinks().contains(other.type())
                && !surveysTrials(rules, other)
                && intersection(news.titleWords(), rules.analysisWords())
                        .equals(intersection(other.titleWords(), rules.analysisWords()));
    }

    private static boolean sitesAgree(StoryProfile a, StoryProfile b) {
        return a.sites().isEmpty()
                || b.sites().isEmpty()
                || !intersection(a.sites(), b.sites()).isEmpty();
    }

    private Optional<String> link(StoryRules rules, StoryProfile a, StoryProfile b) {
        if (Duration.between(a.at(), b.at()).abs().compareTo(Duration.ofDays(rules.windowDays())) > 0) {
            return Optional.empty();
        }
        boolean noticeA = NOTICE.equals(a.event());
        if (noticeA != NOTICE.equals(b.event())) {
            // A notice is linked to the article it concerns as a notice, never as coverage of the same story.
            return Optional.empty();
        }
        Optional<String> shared = sharedIdentity(a, b);
        if (shared.isPresent()) {
            return shared;
        }
        if (!a.event().equals(b.event())) {
            return Optional.empty();
        }
        return switch (a.event()) {
            case NOTICE -> sameNoticeTarget(rules, a, b);
            // Two previews name the same readouts to come without being one event; only what they cite joins them.
            case PREVIEW -> Optional.empty();
            // A filing is a step of one regulator on one drug, as a decision is: told apart from each other (and from
            // the readout the filing rests on) by the event, linked within it as decisions are.
            case DECISION, FILING, OPINION -> sameDecision(rules, a, b);
            default -> sameResult(rules, a, b);
        };
    }

    private static Optional<String> sharedIdentity(StoryProfile a, StoryProfile b) {
        for (String id : a.ownIds()) {
            // Two items may share a generic link (a section page): only a page one cites is the other's own.
            boolean shared = !id.startsWith(PAGE) && b.ownIds().contains(id);
            if (shared || b.citedIds().contains(id)) {
                return Optional.of("cites " + id);
            }
        }
        for (String id : b.ownIds()) {
            if (a.citedIds().contains(id)) {
                return Optional.of("cites " + id);
            }
        }
        if (!a.titleKey().isEmpty() && b.textKey().contains(a.titleKey())) {
            return Optional.of("quotes the title of the other");
        }
        if (!b.titleKey().isEmpty() && a.textKey().contains(b.titleKey())) {
            return Optional.of("quotes the title of the other");
        }
        return Optional.empty();
    }

    private static Optional<String> sameNoticeTarget(StoryRules rules, StoryProfile a, StoryProfile b) {
        Set<String> both = intersection(a.citedIds(), b.citedIds());
        if (!both.isEmpty()) {
            String id = both.iterator().next();
            return Optional.of(
                    id.startsWith(CONCERNED_TITLE)
                            ? "notices about the article titled \"" + id.substring(CONCERNED_TITLE.length()) + "\""
                            : "notices about " + id);
        }
        if (sameKindOfId(a.citedIds(), b.citedIds())) {
            // Each names the article it concerns, and they name different ones: the words they share ("expression
            // of concern", "investigation is ongoing") are the words of every such notice. One naming it by PubMed id
            // and the other by DOI may name one article: their words decide.
            return Optional.empty();
        }
        Set<String> words = intersection(a.words(), b.words());
        if (words.size() >= rules.wordThreshold()) {
            return Optional.of("notices sharing the words " + words);
        }
        return Optional.empty();
    }

    /** Whether both name a DOI, or both a PubMed id (digits only): then different ids are different articles. */
    private static boolean sameKindOfId(Set<String> a, Set<String> b) {
        boolean pmidA = a.stream().anyMatch(StoryLinks::isPmid);
        boolean pmidB = b.stream().anyMatch(StoryLinks::isPmid);
        boolean doiA = a.stream().anyMatch(StoryLinks::isDoi);
        boolean doiB = b.stream().anyMatch(StoryLinks::isDoi);
        return pmidA && pmidB || doiA && doiB;
    }

    private static boolean isDoi(String id) {
        return !isPmid(id) && !id.startsWith(CONCERNED_TITLE);
    }

    private static boolean isPmid(String id) {
        return !id.isEmpty() && id.chars().allMatch(Character::isDigit);
    }

    private static Optional<String> sameDecision(StoryRules rules, StoryProfile a, StoryProfile b) {
        if ("regulator".equals(a.sourceKind()) && "regulator".equals(b.sourceKind())) {
            // A regulator announces each of its decisions once: two of its pages are two decisions.
            return Optional.empty();
        }
        if (!a.trials().isEmpty()
                && !b.trials().isEmpty()
                && intersection(a.trials(), b.trials()).isEmpty()) {
            return Optional.empty();
        }
        if (!a.sites().isEmpty()
                && !b.sites().isEmpty()
                && intersection(a.sites(), b.sites()).isEmpty()) {
            // One drug's decisions on two tumour sites are two indications, however close in time.
            return Optional.empty();
        }
        if (!a.settings().isEmpty() && !b.settings().isEmpty() && !a.settings().equals(b.settings())) {
            // So are its decisions in two settings of one site: before surgery, and for disease left after it.
            return Optional.empty();
        }
        Set<String> regulators = intersection(a.regulators(), b.regulators());
        Set<String> drugs = intersection(a.drugs(), b.drugs());
        if (drugs.isEmpty()) {
            return Optional.empty();
        }
        if (!regulators.isEmpty()) {
            return Optional.of("decision by " + regulators.iterator().next() + " on " + new TreeSet<>(drugs));
        }
        // News of a decision that does not say whose it is reports the one a regulator made on that drug days ago.
        boolean oneUnnamed = a.regulators().isEmpty() != b.regulators().isEmpty();
        if (oneUnnamed && near(rules, a, b)) {
            return Optional.of("decision on " + new TreeSet<>(drugs) + " reported within days");
        }
        return Optional.empty();
    }

    private static Optional<String> sameResult(StoryRules rules, StoryProfile a, StoryProfile b) {
        Set<String> trials = intersection(a.trials(), b.trials());
        if (!trials.isEmpty()
                && !rules.noTrialLinks().contains(a.type())
                && !rules.noTrialLinks().contains(b.type())
                && !surveysTrials(rules, a)
                && !surveysTrials(rules, b)) {
            // One trial, two readouts: an exploratory analysis, or a cost model built on the trial, is another event
            // than the primary readout, however soon after it appears. Coverage of an analysis follows it within
            // days in words of its own ("quality of life"); coverage that came out days before it was about another.
            boolean sameAnalysis = intersection(a.titleWords(), rules.analysisWords())
                    .equals(intersection(b.titleWords(), rules.analysisWords()));
            return sameAnalysis || coverageFollows(rules, a, b) || coverageFollows(rules, b, a)
                    ? Optional.of("trial " + new TreeSet<>(trials))
                    : Optional.empty();
        }
        if (!a.trials().isEmpty() && !b.trials().isEmpty() && trials.isEmpty()) {
            return Optional.empty();
        }
        if (!a.sites().isEmpty()
                && !b.sites().isEmpty()
                && intersection(a.sites(), b.sites()).isEmpty()) {
            // Two reports whose titles name different tumour sites are about different work, whatever words or drugs
            // they share ("living guideline update" on breast cancer and on lung cancer).
            return Optional.empty();
        }
        // Grouping compares every arriving article with every member around it: the checks below count what two
        // profiles share without building sets, and build the explanation only for a link.
        Set<String> drugs = intersection(a.drugs(), b.drugs());
        if (!drugs.isEmpty()
                && shared(a.figures(), b.figures()) >= SHARED_FIGURES
                && !rules.noTrialLinks().contains(a.type())
                && !rules.noTrialLinks().contains(b.type())) {
            // Two texts that quote the same figures of the same drug (median PFS 11.9 vs 7.6 months) report one
            // readout; a review quotes a trial's figures as background, as it names the trial.
            return Optional.of("reports the figures " + new TreeSet<>(intersection(a.figures(), b.figures())) + " of "
                    + new TreeSet<>(drugs));
        }
        boolean coverageA = rules.coverageTypes().contains(a.type());
        boolean coverageB = rules.coverageTypes().contains(b.type());
        if (near(rules, a, b) && coverageA != coverageB && drugsAgree(a, b, drugs)) {
            // News that names the journal a paper appeared in ("Results were published in The Lancet Oncology"),
            // within days of the journal's paper, covers it however few words they share.
            String venue = coverageA ? publishedIn(a, b) : publishedIn(b, a);
            if (venue != null) {
                return Optional.of("coverage within days of the paper in " + venue);
            }
        }
        if (near(rules, a, b) && drugsAgree(a, b, drugs)) {
            // A text that comments on a paper "in this issue of Cancer Cell" is a comment on that journal's paper of
            // these days, whether its type reads as a comment or (a preview telling the paper's findings) as another.
            String issueOfB = inIssueOf(a, b);
            String issue = issueOfB != null ? issueOfB : inIssueOf(b, a);
            if (issue != null) {
                return Optional.of("comment on the paper in this issue of " + issue);
            }
        }
        if (near(rules, a, b) && coverageA != coverageB && !drugs.isEmpty()) {
            Optional<String> lay = layReadout(rules, coverageA ? a : b, coverageA ? b : a, drugs);
            if (lay.isPresent()) {
                return lay;
            }
        }
        boolean preprintAndJournal = Set.of("preprint", "journal").equals(kinds(a, b));
        if (coverageA == coverageB && !preprintAndJournal && !coverageA) {
            return Optional.empty();
        }
        int score = shared(a.titleWords(), b.words()) + shared(b.titleWords(), a.words());
        if (preprintAndJournal
                && drugsAgree(a, b, drugs)
                && score >= rules.nearThreshold()
                && shared(a.words(), b.words()) >= rules.versionThreshold()) {
            // A preprint and the journal article it became report one study in one abstract's words, however the
            // title was rewritten for the journal ("Impaired lysosomal acidification…", "Loss of ATP6V0D1…").
            return Optional.of("a preprint and its journal version sharing the words "
                    + new TreeSet<>(intersection(a.words(), b.words())));
        }
        // Coverage that names the trial it reports is not of a paper that names none (a pooled study of one subject
        // in the same days): a few shared words then tell only of a common subject.
        StoryProfile coverage = coverageA ? a : b;
        StoryProfile covered = coverageA ? b : a;
        boolean trialOnlyInCoverage =
                !coverage.trials().isEmpty() && covered.trials().isEmpty();
        if ((near(rules, a, b) && score >= rules.nearThreshold() || laterGuidelineCoverage(rules, a, b))
                && coverageA != coverageB
                && !drugs.isEmpty()
                && !trialOnlyInCoverage) {
            return Optional.of(
                    "coverage within days sharing " + new TreeSet<>(drugs) + " and the words " + sharedWords(a, b));
        }
        if (near(rules, a, b)
                && coverageA != coverageB
                && a.sourceId() != null
                && a.sourceId().equals(b.sourceId())) {
            // A journal's comment on a paper appears beside it: same journal, same days, the same drugs compared,
            // or (an editorial's teaser often names no drug) the same distinctive words of their texts.
            if (drugs.size() >= 2) {
                return Optional.of("comment in the same journal on " + new TreeSet<>(drugs));
            }
            if (drugsAgree(a, b, drugs) && shared(a.words(), b.words()) >= rules.nearThreshold()) {
                return Optional.of("comment in the same journal sharing the words "
                        + new TreeSet<>(intersection(a.words(), b.words())));
            }
        }
        if (drugsAgree(a, b, drugs) && score >= rules.wordThreshold() && (coverageA != coverageB || sameTitle(a, b))) {
            return Optional.of("shares the words " + sharedWords(a, b));
        }
        return Optional.empty();
    }

    /**
     * Lay news tells a readout in words of its own, naming neither the trial nor its figures but the regimen with
     * the tumour site ("Tucatinib doublet active in bile duct cancer": every drug of the readout, for the site its
     * title names): within days of a readout that names its trial it reports that readout. (Its maker's name with
     * one drug, "AstraZeneca shares rise after Enhertu survival data", is not enough: one maker reports several
     * readouts of one drug at a congress.) Not a review's or a guideline's, which
     * tell of trials as background, and not another analysis than the one the readout's title names. News naming
     * only part of a regimen (trastuzumab, the backbone of many) is not enough, and news that cites an article (a
     * letter's DOI, a paper's page) is about what it cites, linked by that alone.
     */
    private static Optional<String> layReadout(
            StoryRules rules, StoryProfile coverage, StoryProfile told, Set<String> drugs) {
        if (!coverage.trials().isEmpty()
                || !coverage.citedIds().isEmpty()
                || told.trials().isEmpty()
                || rules.noTrialLinks().contains(told.type())
                || !intersection(coverage.titleWords(), rules.analysisWords())
                        .equals(intersection(told.titleWords(), rules.analysisWords()))) {
            return Optional.empty();
        }
        Set<String> sites = intersection(coverage.sites(), told.sites());
        return !sites.isEmpty() && coverage.drugs().containsAll(told.drugs())
                ? Optional.of("coverage within days of a readout of " + new TreeSet<>(drugs) + " in " + sites)
                : Optional.empty();
    }

    /**
     * Whether it is coverage that tells of several trials' results ("an editorial on two recent de-escalation
     * readouts"): it reports no one readout, so a trial it names does not make it part of that trial's story; its
     * words and what it cites still may.
     */
    private static boolean surveysTrials(StoryRules rules, StoryProfile profile) {
        return rules.coverageTypes().contains(profile.type())
                && profile.trialNames().size() > 1;
    }

    /**
     * Whether the first is coverage of the second within readout-days after it: the same day counts as after, since
     * a release and the paper it announces appear together when an embargo lifts, in whichever order.
     */
    private static boolean coverageFollows(StoryRules rules, StoryProfile coverage, StoryProfile paper) {
        if (!rules.coverageTypes().contains(coverage.type())
                || rules.coverageTypes().contains(paper.type())) {
            return false;
        }
        Duration after = Duration.between(paper.at(), coverage.at());
        return after.compareTo(Duration.ofDays(-1)) >= 0 && after.compareTo(Duration.ofDays(rules.readoutDays())) <= 0;
    }

    /** The venue the coverage names that is the paper's journal (its source's id starts with it), or null. */
    private static String publishedIn(StoryProfile coverage, StoryProfile paper) {
        Set<String> names = venuesAsPaper(paper);
        for (String venue : coverage.venues()) {
            if (names.contains(venue)) {
                return venue;
            }
        }
        return null;
    }

    /** The journal whose issue the comment names, when the paper is of it, or null. */
    private static String inIssueOf(StoryProfile comment, StoryProfile paper) {
        for (String venue : venuesAsPaper(paper)) {
            if (comment.venues().contains(IN_ISSUE + venue)) {
                return venue;
            }
        }
        return null;
    }

    /** The names a journal's paper answers to as a venue ({@link #venueKeys}); none for other articles. */
    static Set<String> venuesAsPaper(StoryProfile profile) {
        return "journal".equals(profile.sourceKind()) && profile.sourceId() != null
                ? venueKeys(profile.sourceId())
                : Set.of();
    }

    /**
     * The venues a journal's articles answer to: the leading words of its source's id ("cancer-research-etoc": "cancer
     * research", and with "etoc"), as {@link #venues} writes a journal's name, one word at least: without its joining
     * words, which an id may keep ("new-england-journal-of-medicine") as well as drop ("annals-oncology").
     */
    private static Set<String> venueKeys(String sourceId) {
        String[] words = sourceId.toLowerCase(Locale.ROOT).split("-");
        Set<String> keys = new LinkedHashSet<>();
        StringBuilder key = new StringBuilder();
        for (String word : words) {
            if (NAME_JOINERS.contains(word)) {
                continue;
            }
            key.append(key.length() == 0 ? "" : " ").append(word);
            keys.add(key.toString());
        }
        return keys;
    }

    /** The journals a text says papers appeared in ({@link #PUBLISHED_IN}), in lower case without joining words. */
    private static Set<String> venues(String text) {
        Set<String> venues = new TreeSet<>();
        addVenues(PUBLISHED_IN.matcher(text), venues);
        addVenues(JOURNAL_PAPER.matcher(text), venues);
        addVenues(PAPER_IN.matcher(text), venues);
        addVenues(PUBLICATION_IN.matcher(text), venues);
        addVenues(JOURNAL_PUBLISHES.matcher(text), venues);
        Set<String> issues = new TreeSet<>();
        addVenues(IN_ISSUE_OF.matcher(text), issues);
        for (String venue : issues) {
            // Named as a venue too: coverage naming the issue's journal covers its paper as any coverage naming it.
            venues.add(venue);
            venues.add(IN_ISSUE + venue);
        }
        return venues;
    }

    private static void addVenues(Matcher m, Set<String> venues) {
        while (m.find()) {
            List<String> words = new ArrayList<>();
            for (String word : m.group(1).toLowerCase(Locale.ROOT).split("\\s+")) {
                if (!NAME_JOINERS.contains(word)) {
                    words.add(word);
                }
            }
            if (!words.isEmpty()) {
                venues.add(String.join(" ", words));
            }
        }
    }

    /**
     * Whether two titles are mostly one: at least half of each one's distinctive words are in the other, as a
     * preprint's title is in its journal version's (a paper that only shares a subject with a preprint is another).
     */
    private static boolean sameTitle(StoryProfile a, StoryProfile b) {
        int both = shared(a.titleWords(), b.titleWords());
        return both * 2 >= a.titleWords().size() && both * 2 >= b.titleWords().size();
    }

    /** Whether two articles' drugs allow a link by words: they share one, or one of them names none. */
    private static boolean drugsAgree(StoryProfile a, StoryProfile b, Set<String> shared) {
        return !shared.isEmpty() || a.drugs().isEmpty() || b.drugs().isEmpty();
    }

    private static Set<String> sharedWords(StoryProfile a, StoryProfile b) {
        Set<String> shared = new TreeSet<>(intersection(a.titleWords(), b.words()));
        shared.addAll(intersection(b.titleWords(), a.words()));
        return shared;
    }

    /** How many values two sets have in common. */
    private static int shared(Set<String> a, Set<String> b) {
        Set<String> small = a.size() <= b.size() ? a : b;
        Set<String> large = small == a ? b : a;
        int count = 0;
        for (String value : small) {
            if (large.contains(value)) {
                count++;
            }
        }
        return count;
    }

    private static boolean near(StoryRules rules, StoryProfile a, StoryProfile b) {
        return Duration.between(a.at(), b.at()).abs().compareTo(Duration.ofDays(rules.nearDays())) <= 0;
    }

    /**
     * Whether one is a guideline and the other appeared within guideline-days of it, sharing near-threshold words
     * beyond those every guideline's coverage uses ("living guideline update"): a society's guideline is told by news,
     * podcasts and comments over a week or two, where a readout's news follows in days.
     */
    private static boolean laterGuidelineCoverage(StoryRules rules, StoryProfile a, StoryProfile b) {
        if (!GUIDELINE.equals(a.type()) && !GUIDELINE.equals(b.type())
                || Duration.between(a.at(), b.at()).abs().compareTo(Duration.ofDays(rules.guidelineDays())) > 0) {
            return false;
        }
        Set<String> titleA = new HashSet<>(a.titleWords());
        titleA.removeAll(rules.guidelineWords());
        Set<String> titleB = new HashSet<>(b.titleWords());
        titleB.removeAll(rules.guidelineWords());
        return shared(titleA, b.words()) + shared(titleB, a.words()) >= rules.nearThreshold();
    }

    private static Set<String> kinds(StoryProfile a, StoryProfile b) {
        Set<String> kinds = new HashSet<>();
        kinds.add(String.valueOf(a.sourceKind()));
        kinds.add(String.valueOf(b.sourceKind()));
        return kinds;
    }

    private static String event(StoryRules rules, String type, TaggableText text) {
        if (EvidenceRules.NOTICE.equals(type)) {
            return NOTICE;
        }
        String title = " " + key(text.title()) + " ";
        int decision = firstOf(title, rules.decisionWords());
        // "CHMP backs Enhertu", "…: draft guidance consultation": an opinion word at or before the title's first
        // decision word ("EC approves Enhertu after CHMP opinion" reports the decision).
        int opinion = firstOf(title, rules.opinionWords());
        boolean advisory = opinion >= 0 && (decision < 0 || opinion <= decision);
        if ("approval".equals(type)) {
            return advisory ? OPINION : DECISION;
        }
        if ("trial-result".equals(type) || !DECISION_REPORTERS.contains(String.valueOf(text.sourceKind()))) {
            return RESULT;
        }
        int result = firstOf(title, rules.resultWords());
        int filing = firstOf(title, rules.filingWords());
        int preview = firstOf(title, rules.previewWords());
        // A title that says what is to come ("What to watch at ESMO") before any decision or result names trials whose
        // readouts have not happened yet: it reports none of them, and so is no bridge between their stories.
        if (namedBefore(preview, decision, result)) {
            return PREVIEW;
        }
        // A title that names a filing before any decision or result ("FDA accepts sBLA …, grants priority review")
        // reports that step, not the readout the filing rests on nor the decision still to come.
        if (namedBefore(filing, decision, result)) {
            return FILING;
        }
        if (decision >= 0 || result >= 0) {
            // The title says what the article reports: whichever it names first ("… win, setting up approval bid").
            return namedBefore(decision, result) ? advisory ? OPINION : DECISION : RESULT;
        }
        String head = " " + key(head(text.summary(), DECISION_TEXT)) + " ";
        return containsAny(head, rules.decisionWords()) ? advisory ? OPINION : DECISION : RESULT;
    }

    /**
     * Whether a title names the word (its position, -1 when absent) before every other word it names; a word at the
     * same place as another is not before it.
     */
    private static boolean namedBefore(int word, int... others) {
        if (word < 0) {
            return false;
        }
        for (int other : others) {
            if (other >= 0 && other <= word) {
                return false;
            }
        }
        return true;
    }

    /** Where the first of the phrases starts in a padded key, or -1 when none is there. */
    private static int firstOf(String paddedKey, List<String> phrases) {
        int first = -1;
        for (String phrase : phrases) {
            int at = paddedKey.indexOf(" " + key(phrase) + " ");
            if (at >= 0 && (first < 0 || at < first)) {
                first = at;
            }
        }
        return first;
    }

    /**
     * The regulator whose decision it is: the one its title names first (a title that also names another compares
     * the two: "MHLW clears Enhertu, a week after EU decision"), else those its source's id names, else its text.
     */
    private static Set<String> regulators(StoryRules rules, TaggableText text, String sourceId) {
        String first = firstRegulator(rules, text.title());
        if (first != null) {
            return Set.of(first);
        }
        // A regulator's feed is named for it, first ("fda-oncology-approvals"; "nice-uk" is NICE's, the country
        // after it says where NICE sits, not that the MHRA decides); another source's name tells where it is
        // written ("…-uk"), not whose decision it reports.
        if ("regulator".equals(text.sourceKind()) && sourceId != null) {
            String feed = firstRegulator(rules, sourceId.replace('-', ' '));
            if (feed != null) {
                return Set.of(feed);
            }
        }
        Set<String> found = new TreeSet<>();
        String padded = " " + key(text.summary()) + " ";
        rules.regulators().forEach((name, words) -> {
            if (containsAny(padded, words)) {
                found.add(name);
            }
        });
        return found;
    }

    /** The regulator a field names first, or null. */
    private static String firstRegulator(StoryRules rules, String field) {
        String padded = " " + key(field) + " ";
        String first = null;
        int at = Integer.MAX_VALUE;
        for (Map.Entry<String, List<String>> regulator : rules.regulators().entrySet()) {
            for (String word : regulator.getValue()) {
                int found = padded.indexOf(" " + key(word) + " ");
                if (found >= 0 && found < at) {
                    at = found;
                    first = regulator.getKey();
                }
            }
        }
        return first;
    }

    /** The tumour sites a decision's title names, else those the start of its text names. */
    private static Set<String> sites(StoryRules rules, TaggableText text) {
        Set<String> found = sitesIn(rules, text.title());
        return found.isEmpty() ? sitesIn(rules, head(text.summary(), DECISION_TEXT)) : found;
    }

    /** The tumour sites a field names (a title, or the start of a decision's text). */
    private static Set<String> sitesIn(StoryRules rules, String field) {
        Set<String> found = new TreeSet<>();
        String padded = " " + key(field) + " ";
        rules.sites().forEach((name, words) -> {
            if (containsAny(padded, words)) {
                found.add(name);
            }
        });
        return found;
    }

    /**
     * The setting of a decision's indication: the one of the rules' settings its title names first, else the one the
     * start of its text names first ("residual disease after neoadjuvant therapy": residual disease).
     */
    private static Set<String> setting(StoryRules rules, TaggableText text) {
        for (String where : List.of(text.title(), head(text.summary(), DECISION_TEXT))) {
            String padded = " " + key(where) + " ";
            String first = null;
            int at = Integer.MAX_VALUE;
            for (Map.Entry<String, List<String>> setting : rules.settings().entrySet()) {
                int found = firstOf(padded, setting.getValue());
                if (found >= 0 && found < at) {
                    at = found;
                    first = setting.getKey();
                }
            }
            if (first != null) {
                return Set.of(first);
            }
        }
        return Set.of();
    }

    /**
     * The drugs a decision is about: those its title names, when it names any (a label change of one drug often
     * mentions others as prior treatment or comparator); else those the start of its text names, where a decision
     * tells what it decides on. A drug named only further on is another product's history ("…, following ENHERTU"
     * in the release on a sister drug's approval), not what was decided.
     */
    private static Set<String> decidedDrugs(StoryRules rules, Evidence evidence, TaggableText text) {
        Set<String> named = new TreeSet<>(drugsNamedIn(evidence, text.title()));
        if (named.isEmpty()) {
            return drugsNamedIn(evidence, head(text.summary(), DECISION_TEXT));
        }
        // "Jazz's bispecific breaks trastuzumab's hold on gastric cancer": the drug a title names may be the one the
        // decided drug displaces, the company it names is the maker of what was decided.
        named.addAll(sponsoredDrugs(rules, text.title()));
        return named;
    }

    private static Set<String> drugsNamedIn(Evidence evidence, String field) {
        String padded = " " + key(field) + " ";
        Set<String> named = new TreeSet<>();
        for (DrugMention drug : evidence.drugs()) {
            if (containsAny(padded, drug.mentioned()) || containsAny(padded, List.of(drug.inn()))) {
                named.add(Evidence.key(drug.inn()));
            }
        }
        return named;
    }

    /**
     * The drugs of the companies a title names, for an article that names no drug: news names a decision or a result
     * by its sponsor as often as by its drug ("Jazz wins EU approval for stomach cancer antibody").
     */
    private static Set<String> sponsoredDrugs(StoryRules rules, TaggableText text, boolean regulatory) {
        Set<String> drugs = sponsoredDrugs(rules, text.title());
        // Lay news of a decision names the drug by its maker where a decision names what it decides on, at the start
        // of its text ("a once-a-day pill from Boehringer Ingelheim has been approved"); further on, a company is
        // often named for another of its products.
        return drugs.isEmpty() && regulatory ? sponsoredDrugs(rules, head(text.summary(), DECISION_TEXT)) : drugs;
    }

    private static Set<String> sponsoredDrugs(StoryRules rules, String field) {
        String padded = " " + key(field) + " ";
        Set<String> drugs = new TreeSet<>();
        rules.sponsors().forEach((drug, companies) -> {
            if (containsAny(padded, companies)) {
                drugs.add(Evidence.key(drug));
            }
        });
        return drugs;
    }

    /**
     * A web page's address in the form two mentions of it share: host without "www." and path, lower case, without
     * scheme, query, fragment or trailing slash or full stop; null for a site's home page, which names no article.
     */
    private static String page(String link) {
        if (link == null) {
            return null;
        }
        String page = link.strip()
                .toLowerCase(Locale.ROOT)
                .replaceFirst("^https?://", "")
                .replaceFirst("^www\\.", "");
        page = page.replaceFirst("[?#].*$", "").replaceFirst("[/.]+$", "");
        int slash = page.indexOf('/');
        return slash < 0 || slash == page.length() - 1 ? null : PAGE + page;
    }

    private static Set<String> figures(String text) {
        Set<String> figures = new TreeSet<>();
        Matcher m = FIGURE.matcher(text);
        while (m.find()) {
            figures.add(m.group(1));
        }
        return figures;
    }

    /**
     * The keys of the trials an article names, and, when it names one trial by its id, the ids its text gives that
     * trial in other registries ("Trial registration NCT… and ISRCTN…", one id to a registry): a preprint giving only
     * the ISRCTN number and the paper giving both report one trial.
     */
    private static Set<String> trialKeys(Evidence evidence, String text) {
        Set<String> keys = new LinkedHashSet<>(evidence.keys().get(Evidence.TRIAL));
        if (evidence.trials().size() != 1 || evidence.trials().get(0).id() == null) {
            return keys;
        }
        List<String> ids = TrialIds.find(text);
        boolean oneToARegistry =
                ids.stream().map(TrialIds::registryOf).distinct().count() == ids.size();
        if (oneToARegistry && ids.contains(evidence.trials().get(0).id())) {
            ids.forEach(id -> keys.add(Evidence.key(id)));
        }
        return keys;
    }

    private static Set<String> trialNames(Evidence evidence) {
        Set<String> names = new TreeSet<>();
        for (TrialMention trial : evidence.trials()) {
            if (trial.acronym() != null) {
                names.add(trial.acronym());
            }
        }
        return names;
    }

    private static String head(String text, int length) {
        return text.length() <= length ? text : text.substring(0, length);
    }

    private static boolean containsAny(String paddedKey, List<String> phrases) {
        for (String phrase : phrases) {
            if (paddedKey.contains(" " + key(phrase) + " ")) {
                return true;
            }
        }
        return false;
    }

    /** Lower case, every run of characters other than letters, digits and a number's points made one space. */
    private static String key(String text) {
        return TextKey.of(text);
    }

    private static Set<String> words(StoryRules rules, String text, Set<String> drugWords) {
        Set<String> words = new TreeSet<>();
        Matcher m = WORD.matcher(text.toLowerCase(Locale.ROOT));
        while (m.find()) {
            String word = m.group();
            if (distinctive(rules, word, drugWords)) {
                // "HER2-ultralow" is "ultralow", as another writer puts it: a common word joined to one word adds
                // nothing to it, and keeping both would count one shared word twice.
                int hyphen = word.indexOf('-');
                boolean joined = hyphen > 0
                        && word.indexOf('-', hyphen + 1) < 0
                        && rules.commonWords().contains(word.substring(0, hyphen))
                        && distinctive(rules, word.substring(hyphen + 1), drugWords);
                words.add(joined ? word.substring(hyphen + 1) : word);
            }
        }
        return words;
    }

    private static boolean distinctive(StoryRules rules, String word, Set<String> drugWords) {
        return word.length() > 2
                && !NUMBER.matcher(word).matches()
                && !rules.commonWords().contains(word)
                && !drugWords.contains(word);
    }

    private static Set<String> intersection(Set<String> a, Set<String> b) {
        Set<String> both = new LinkedHashSet<>(a);
        both.retainAll(b);
        return both;
    }
}
