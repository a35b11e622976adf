package org.her2feeds.tagging;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.her2feeds.Sha256;

/**
 * The evidence file compiled: publication types decided in file order (the first whose source kinds and terms fit
 * wins; the last is the default), drugs by their INN, and trials by acronym and registry id.
 */
final class EvidenceRules {

    /** A reference list of registry ids says nothing more about the article after the first ones; bounds storage. */
    static final int MAX_TRIALS = 30;

    /** The type whose articles are about another article; the evidence file must declare it. */
    static final String NOTICE = "notice";

    /**
     * A case report tells of a patient, not of the trial the patient was treated in: it names trials, it reports on
     * none.
     */
    static final String CASE_REPORT = "case-report";

    /**
     * A patient's story reports on a trial only when its title says so: it names the trial, or the writer's trial
     * ("Why I said yes to a clinical trial"), or when its text tells of the trial's result ("when the NAME results
     * came out"); a trial named in passing in the text ("my oncologist mentioned…") is not its subject.
     */
    static final String PATIENT_STORY = "patient-story";

    private static final Pattern TRIAL_WORD = Pattern.compile("(?i)\\b(?:trial|study)\\b");

    /**
     * The types whose subject is one event, read for a trial they describe without naming it (news of a readout, a
     * letter on a paper, a sponsor's release, a decision's basis): a review or a guideline describes trials as
     * background, and a case report tells of a patient.
     */
    private static final Set<String> IMPLYING_TYPES =
            Set.of("news", "commentary", "trial-result", "approval", "preprint");

    /**
     * What a text that describes a trial says of it: a trial, a phase, a randomisation or its investigators. News of a
     * label or of a guideline names the same drugs and setting without describing the trial behind them.
     */
    private static final Pattern DESCRIBES_A_TRIAL =
            Pattern.compile("(?i)\\b(?:trials?|study|phase|randomi[sz]ed|investigators|subgroups?)\\b");

    /** The source kind whose every article is the record of one trial. */
    static final String REGISTRY = "registry";

    private final List<TopicRulesReader.TypeRule> types;
    private final CompiledRules typeTerms;
    /** The {@code also} terms of each type rule (same indexes), as rules of their own; empty rules never match. */
    private final CompiledRules alsoTerms;

    private final CompiledRules drugTerms;
    private final List<TopicRulesReader.TrialRule> trials;
    private final CompiledRules trialTerms;
    private final Map<String, TopicRulesReader.TrialRule> trialsByRegistryId = new HashMap<>();
    /** Other spellings of the curated numbered names ({@link TrialNames#numberedSpellings}), or null for none. */
    private final TrialNames.Spellings trialSpellings;
    /** The curated trials (indexes) by the compact form of their names and of their initials with their numbers. */
    private final Map<String, Integer> trialsByCompactName = new HashMap<>();

    /** Every term group of every trial's {@code implied-by}, as rules, and the trial (index) each belongs to. */
    private final CompiledRules impliedTerms;

    private final List<Integer> impliedTrialOf = new ArrayList<>();

    private final String fingerprint;

    /**
     * How many characters {@link #describesATrial} has read back from its trial words: what finding the name before
     * each costs, counted so that a test can show it grows with the text, not with its square.
     */
    final LongAdder lookedBack = new LongAdder();

    EvidenceRules(TopicRulesReader.EvidenceBook book) {
        this.types = List.copyOf(book.types());
        this.typeTerms = new CompiledRules(
                types.stream().map(TopicRulesReader.TypeRule::rule).toList());
        this.alsoTerms = new CompiledRules(types.stream()
                .map(type -> new Rule(
                        type.rule().slug(),
                        type.rule().label(),
                        "",
                        type.also(),
                        List.of(),
                        List.of(),
                        List.of(),
                        Set.of(),
                        DescriptorContext.NONE))
                .toList());
        this.drugTerms = new CompiledRules(book.drugs());
        this.trials = List.copyOf(book.trials());
        this.trialTerms = new CompiledRules(
                trials.stream().map(TopicRulesReader.TrialRule::rule).toList());
        for (int t = 0; t < trials.size(); t++) {
            TopicRulesReader.TrialRule trial = trials.get(t);
            if (trial.registryId() != null) {
                trialsByRegistryId.putIfAbsent(trial.registryId(), trial);
            }
            String label = trial.rule().label();
            trialsByCompactName.putIfAbsent(TrialNames.compact(label), t);
            String initials = TrialNames.compactInitials(label);
            if (initials != null) {
                trialsByCompactName.putIfAbsent(initials, t);
            }
            String shortened = TrialNames.compactShortened(label);
            if (shortened != null) {
                trialsByCompactName.putIfAbsent(shortened, t);
            }
        }
        List<Rule> groups = new ArrayList<>();
        for (int t = 0; t < trials.size(); t++) {
            TopicRulesReader.ImpliedBy implied = trials.get(t).impliedBy();
            if (implied == null) {
                continue;
            }
            for (List<TermPattern> group : implied.allOf()) {
                Rule trial = trials.get(t).rule();
                groups.add(new Rule(
                        trial.slug(),
                        trial.label(),
                        "",
                        group,
                        List.of(),
                        List.of(),
                        List.of(),
                        Set.of(),
                        DescriptorContext.NONE));
                impliedTrialOf.add(t);
            }
        }
        this.impliedTerms = new CompiledRules(groups);
        this.trialSpellings = TrialNames.numberedSpellings(
                trials.stream().map(trial -> trial.rule().label()).toList());
        StringBuilder canonical = new StringBuilder("evidence-1\n");
        for (TopicRulesReader.TypeRule type : types) {
            canonical
                    .append(type.rule().slug())
                    .append(" kinds=")
                    .append(new TreeSet<>(type.kinds()))
                    .append(" fields=")
                    .append(new TreeSet<>(type.fields()))
                    .append('\n');
        }
        trials.forEach(t -> canonical
                .append(t.rule().slug())
                .append(" registry=")
                .append(t.registryId())
                .append(
                        t.impliedBy() == null
                                ? ""
                                : " implied-by=" + t.impliedBy().drugs())
                .append('\n'));
        canonical
                .append(typeTerms.fingerprint())
                .append(alsoTerms.fingerprint())
                .append(drugTerms.fingerprint())
                .append(trialTerms.fingerprint())
                .append(impliedTerms.fingerprint());
        this.fingerprint = Sha256.hex(canonical.toString());
    }

    String fingerprint() {
        return fingerprint;
    }

    /** The publication types in deciding order, for documentation and the API. */
    /** Each type once, in the order its first rule appears. */
    List<Rule> typeRules() {
        Map<String, Rule> first = new LinkedHashMap<>();
        typeTerms.rules().forEach(rule -> first.putIfAbsent(rule.slug(), rule));
        return List.copyOf(first.values());
    }

    /** The filter key of a drug named by any of its names ("Enhertu", "T-DXd"), or empty when none or several fit. */
    Optional<String> drugKey(String name) {
        List<DrugMention> found = drugs(TokenisedText.of(new TaggableText(name, "", List.of())));
        return found.size() == 1 ? Optional.of(Evidence.key(found.get(0).inn())) : Optional.empty();
    }

    /** The filter key of a trial named by a registry id or a curated acronym, or empty when it is neither. */
    Optional<String> trialKey(String name) {
        String id = TrialIds.normalise(name);
        if (id != null) {
            return Optional.of(Evidence.key(id));
        }
        TaggableText text = new TaggableText(name, "", List.of());
        List<TrialMention> found = trials(text, TokenisedText.of(text)).reported();
        return found.size() == 1 && found.get(0).acronym() != null
                ? Optional.of(Evidence.key(found.get(0).acronym()))
                : Optional.empty();
    }

    /** @param tokens the text's fields as the tagger tokenised them for the topics: read here, not again */
    Evidence read(TaggableText text, TokenisedText tokens) {
        PublicationType type = type(text, tokens);
        Notice notice = type.slug().equals(NOTICE) ? NoticeReader.read(text) : null;
        List<DrugMention> drugs = drugs(tokens);
        // A case report tells of a patient, a congress preview of readouts to come: their trials are not read at all
        // (the costliest part of tagging).
        Trials found = type.slug().equals(CASE_REPORT) || TrialNames.previews(text.title())
                ? Trials.NONE
                : trials(text, tokens);
        List<TrialMention> trials = found.reported();
        if (trials.isEmpty()
                && IMPLYING_TYPES.contains(type.slug())
                && describesATrial(text.title() + " " + text.summary(), found.named())) {
            trials = implied(text, tokens, drugs, found.named());
        }
        if (type.slug().equals(PATIENT_STORY)
                && !TRIAL_WORD.matcher(text.title()).find()) {
            trials = trials.stream()
                    .filter(trial -> TrialNames.names(text.title(), nameOf(trial))
                            || TrialNames.reportedOn(nameOf(trial), List.of(text.summary(), text.content())))
                    .toList();
        }
        return new Evidence(type, trials, drugs, notice);
    }

    /**
     * Whether the text describes a trial ({@link #DESCRIBES_A_TRIAL}) other than one it names: the "trial" of "since
     * the KATHERINE trial" is the named trial's, told as background, not the sign of a trial described without its
     * name.
     */
    private boolean describesATrial(String text, Set<String> named) {
        Matcher word = DESCRIBES_A_TRIAL.matcher(text);
        while (word.find()) {
            String name = TrialNames.compact(wordBefore(text, word.start()));
            if (name.isEmpty() || named.stream().noneMatch(trial -> trial.endsWith(name))) {
                return true;
            }
        }
        return false;
    }

    /**
     * The word ({@link #isWordChar}) that ends, after white space, just before {@code at}; empty
     * when none does. Read backwards from {@code at} and no further than the word's start, so that a long text with
     * many trial words is read a bounded number of times, where matching a pattern against all the text before each
     * read it again for every one.
     */
    private String wordBefore(String text, int at) {
        int end = at;
        while (end > 0 && " \t\n\u000b\f\r".indexOf(text.charAt(end - 1)) >= 0) {
            end--;
        }
        if (end == at) {
            lookedBack.increment();
            return "";
        }
        int start = end;
        while (start > 0 && isWordChar(text.charAt(start - 1))) {
            start--;
        }
        lookedBack.add(at - start + 1L);
        return text.substring(start, end);
    }

    /** A character of a word as the trial patterns read one: an ASCII letter or digit, an underscore or a hyphen. */
    private static boolean isWordChar(char c) {
        return c == '-' || c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
    }

    /**
     * The one curated trial whose {@code implied-by} the text fits (it names each of its drugs and a term of each of
     * its groups) and that it does not name, as a mention without id (none is written). When several fit, the one
     * testing the drug the text names first is its subject ("zongertinib beat Keytruda …, where Enhertu's maker has
     * its own ambitions"); none when no trial fits, or several fit the first drug, as the text is then ambiguous.
     */
    private List<TrialMention> implied(
            TaggableText text, TokenisedText tokens, List<DrugMention> drugs, Set<String> named) {
        if (impliedTrialOf.isEmpty()) {
            return List.of();
        }
        Set<String> inns = new HashSet<>();
        drugs.forEach(drug -> inns.add(drug.inn()));
        List<Set<TermHit>> hits = impliedTerms.matchFields(tokens).hits();
        Set<Integer> groupsMissed = new HashSet<>();
        for (int g = 0; g < hits.size(); g++) {
            if (hits.get(g).isEmpty()) {
                groupsMissed.add(impliedTrialOf.get(g));
            }
        }
        List<TopicRulesReader.TrialRule> fitting = new ArrayList<>();
        for (int t = 0; t < trials.size(); t++) {
            TopicRulesReader.ImpliedBy implied = trials.get(t).impliedBy();
            if (implied != null
                    && !groupsMissed.contains(t)
                    && inns.containsAll(implied.drugs())
                    && !named.contains(TrialNames.compact(trials.get(t).rule().label()))) {
                fitting.add(trials.get(t));
            }
        }
        if (fitting.size() > 1) {
            String first = firstNamed(text, drugs);
            fitting = fitting.stream()
                    .filter(trial -> trial.impliedBy().drugs().contains(first))
                    .toList();
        }
        return fitting.size() == 1
                ? List.of(new TrialMention(null, fitting.get(0).rule().label(), null))
                : List.of();
    }

    /** The drug (its INN) whose first name in the title, then the summary, stands earliest; null when none does. */
    private static String firstNamed(TaggableText text, List<DrugMention> drugs) {
        String written = (text.title() + " \n " + text.summary()).toLowerCase(Locale.ROOT);
        String first = null;
        int earliest = Integer.MAX_VALUE;
        for (DrugMention drug : drugs) {
            for (String name : drug.mentioned()) {
                int at = written.indexOf(name.toLowerCase(Locale.ROOT));
                if (at >= 0 && at < earliest) {
                    earliest = at;
                    first = drug.inn();
                }
            }
        }
        return first;
    }

    private PublicationType type(TaggableText text, TokenisedText tokens) {
        List<Set<TermHit>> hits = typeTerms.matchFields(tokens).hits();
        List<Set<TermHit>> alsoHits = alsoHits(text, tokens);
        for (int r = 0; r < types.size(); r++) {
            TopicRulesReader.TypeRule type = types.get(r);
            boolean kindFits = type.kinds().isEmpty()
                    || (text.sourceKind() != null && type.kinds().contains(text.sourceKind()));
            if (!kindFits) {
                continue;
            }
            List<TermHit> counted = hits.get(r).stream()
                    .filter(hit -> type.fields().isEmpty() || type.fields().contains(hit.field()))
                    .toList();
            List<TermHit> alsoCounted = List.copyOf(alsoHits.get(r));
            if ((type.rule().terms().isEmpty() || !counted.isEmpty())
                    && (type.also().isEmpty() || !alsoCounted.isEmpty())) {
                List<TermHit> because = new ArrayList<>(counted);
                because.addAll(alsoCounted);
                return new PublicationType(
                        type.rule().slug(),
                        type.rule().label(),
                        because,
                        type.kinds().isEmpty() ? null : text.sourceKind());
            }
        }
        throw new IllegalStateException("the reader guarantees a default type");
    }

    /**
     * The {@code also} terms found in the text and in the article's own link: a wire service or a company newsroom
     * files its releases under a path of its own ("…/news-releases/…", "…/media-centre/press-releases/…"), which
     * says who speaks as well as a dateline does. A hit in the link counts as one in the content.
     */
    private List<Set<TermHit>> alsoHits(TaggableText text, TokenisedText tokens) {
        List<Set<TermHit>> hits = alsoTerms.matchFields(tokens).hits();
        if (text.link() == null || text.link().isBlank()) {
            return hits;
        }
        List<Set<TermHit>> inLink = alsoTerms
                .matchFields(TokenisedText.of(new TaggableText("", "", text.link(), List.of())))
                .hits();
        List<Set<TermHit>> both = new ArrayList<>(hits.size());
        for (int r = 0; r < hits.size(); r++) {
            if (inLink.get(r).isEmpty()) {
                both.add(hits.get(r));
            } else {
                Set<TermHit> merged = new HashSet<>(hits.get(r));
                merged.addAll(inLink.get(r));
                both.add(merged);
            }
        }
        return both;
    }

    private List<DrugMention> drugs(TokenisedText tokens) {
        List<Set<TermHit>> hits = drugTerms.matchFields(tokens).hits();
        List<DrugMention> drugs = new ArrayList<>();
        for (int r = 0; r < hits.size(); r++) {
            if (!hits.get(r).isEmpty()) {
                List<String> names =
                        hits.get(r).stream().map(TermHit::term).distinct().toList();
                drugs.add(new DrugMention(drugTerms.rules().get(r).label(), names));
            }
        }
        return drugs;
    }

    /**
     * The trials an article reports on, each once: curated trials named by acronym (with their known id), trials the
     * text calls so by a name of their own ({@link TrialNames}), then registry ids in the text. A trial named only
     * as background (a benchmark, history, pending work) is left out. A registry record is the record of one trial:
     * its ids (its own link's first) and its name are one mention, the NCT number its id when it has one.
     */
    private Trials trials(TaggableText text, TokenisedText tokens) {
        List<String> fields = new ArrayList<>(List.of(text.title(), text.summary(), text.content()));
        fields.addAll(text.categories());
        boolean registryRecord = REGISTRY.equals(text.sourceKind());
        Map<String, TrialMention> byKey = new LinkedHashMap<>();
        Set<String> named = new HashSet<>();
        List<Set<TermHit>> hits = trialTerms.matchFields(tokens).hits();
        Set<Integer> curated = new TreeSet<>(spelledOtherwise(fields));
        for (int r = 0; r < hits.size(); r++) {
            if (!hits.get(r).isEmpty()) {
                curated.add(r);
            }
        }
        Map<String, String> beside = TrialNames.idsBesideNames(fields);
        for (int r : curated) {
            TopicRulesReader.TrialRule trial = trials.get(r);
            if (!TrialNames.writtenAsTrial(trial.rule().label(), fields)) {
                continue;
            }
            named.add(TrialNames.compact(trial.rule().label()));
            if (!TrialNames.onlyBackground(trial.rule().label(), fields)) {
                add(
                        byKey,
                        idBeside(beside, trial.rule().label(), trial.registryId()),
                        trial.rule().label());
            }
        }
        List<String> names = new ArrayList<>(TrialNames.find(text.title(), fields, registryRecord));
        // A name listed beside a trial found by its wording or beside a curated one: the fields are read once.
        Set<String> trials = new HashSet<>(named);
        names.forEach(name -> trials.add(TrialNames.compact(name)));
        names.addAll(TrialNames.listedWith(trials, fields));
        for (String name : names) {
            String compact = TrialNames.compact(name);
            // "LUNG-1" of "Beamion LUNG-1": a part of a curated name is that trial, already found; so is another
            // spelling of a curated name found as such ("DESTINY-B09").
            boolean known = named.stream().anyMatch(found -> found.contains(compact))
                    || curated.contains(trialsByCompactName.getOrDefault(compact, -1));
            if (!known && !namesADrug(name) && named.add(compact) && !TrialNames.onlyBackground(name, fields)) {
                add(byKey, idBeside(beside, name, null), name);
            }
        }
        addSeries(fields, beside, named, byKey);
        List<String> idFields = new ArrayList<>();
        if (registryRecord && text.link() != null) {
            idFields.add(text.link());
        }
        idFields.addAll(fields);
        for (String field : idFields) {
            Map<String, String> aliases = TrialIds.aliases(field);
            for (String written : TrialIds.find(field)) {
                String id = aliases.getOrDefault(written, written);
                TopicRulesReader.TrialRule known = trialsByRegistryId.get(id);
                add(byKey, id, known == null ? null : known.rule().label());
            }
        }
        List<TrialMention> found = byKey.values().stream().limit(MAX_TRIALS).toList();
        if (registryRecord && found.size() > 1) {
            return new Trials(List.of(oneTrial(found)), named);
        }
        return new Trials(withoutPrecedents(nameWithItsId(found), fields), named);
    }

    /**
     * The trials of a series listed by their numbers alone after one the text reports on ("pooled analysis of
     * DESTINY-Gastric01, 02 and 04"): reported as it is, each by its curated name when it has one. A series whose
     * first trial is named only as background is background too.
     */
    private void addSeries(
            List<String> fields, Map<String, String> beside, Set<String> named, Map<String, TrialMention> byKey) {
        Set<String> reported = byKey.values().stream()
                .map(TrialMention::acronym)
                .filter(Objects::nonNull)
                .map(TrialNames::compact)
                .collect(Collectors.toSet());
        TrialNames.numberedSeries(fields).forEach((first, others) -> {
            if (!reported.contains(TrialNames.compact(curatedLabel(first)))) {
                return;
            }
            for (String other : others) {
                String name = curatedLabel(other);
                String known = curatedTrial(other)
                        .map(TopicRulesReader.TrialRule::registryId)
                        .orElse(null);
                if (named.add(TrialNames.compact(name))) {
                    add(byKey, idBeside(beside, name, known), name);
                }
            }
        });
    }

    /** The curated trial a spelling stands for ("DESTINY-Breast 5": DESTINY-Breast05), if any. */
    private Optional<TopicRulesReader.TrialRule> curatedTrial(String spelling) {
        return Optional.ofNullable(trialsByCompactName.get(TrialNames.compact(spelling)))
                .map(trials::get);
    }

    /** The curated trial's label a spelling stands for, else the spelling itself. */
    private String curatedLabel(String spelling) {
        return curatedTrial(spelling).map(t -> t.rule().label()).orElse(spelling);
    }

    /**
     * One trial named only by its name and the trial known only by its registry ids, the article's only ones, are one
     * trial: a paper names its study in its title and gives the registration in its methods ("Design: single-arm
     * phase 2 (ChiCTR2500012345)"), a sentence or more away from the name, and a trial registered in several
     * registries is given by each of its ids ("EU CT 2024-…; NCT0…"), one id to a registry.
     */
    private static List<TrialMention> nameWithItsId(List<TrialMention> found) {
        if (found.size() < 2) {
            return found;
        }
        List<TrialMention> names = found.stream()
                .filter(t -> t.id() == null && t.acronym() != null)
                .toList();
        List<TrialMention> ids = found.stream()
                .filter(t -> t.id() != null && t.acronym() == null)
                .toList();
        boolean oneIdToARegistry =
                ids.stream().map(t -> TrialIds.registryOf(t.id())).distinct().count() == ids.size();
        if (names.size() + ids.size() != found.size() || names.size() > 1 || ids.isEmpty() || !oneIdToARegistry) {
            return found;
        }
        TrialMention id =
                ids.get(TrialIds.mainOf(ids.stream().map(TrialMention::id).toList()));
        return List.of(
                new TrialMention(id.id(), names.isEmpty() ? null : names.get(0).acronym(), id.url()));
    }

    /**
     * Whether a name found as a trial's is a drug's (a brand in capitals: "Bayer's HYRNUO shows durable responses"):
     * the drugs' names are known to the rules, and a drug is what a trial tests, never the trial.
     */
    private boolean namesADrug(String name) {
        return !drugs(TokenisedText.of(new TaggableText(name, "", List.of()))).isEmpty();
    }

    /**
     * The trials an article reports on, and the names ({@link TrialNames#compact}) of every trial it names, those
     * named only as background too: a trial the text names as pending or as history is not the one it describes.
     */
    private record Trials(List<TrialMention> reported, Set<String> named) {

        static final Trials NONE = new Trials(List.of(), Set.of());
    }

    /** What the text calls a trial: its acronym when it has one, else its registry id. */
    private static String nameOf(TrialMention trial) {
        return trial.acronym() != null ? trial.acronym() : trial.id();
    }

    /**
     * The trials without those named only in the background section of a structured abstract, when the article names
     * another trial elsewhere: that one is the study it reports, the others its precedents ("PURPOSE: DESTINY-Breast06
     * showed activity in metastatic disease; its value before surgery is unknown").
     */
    private static List<TrialMention> withoutPrecedents(List<TrialMention> found, List<String> fields) {
        if (found.size() < 2) {
            return found;
        }
        List<TrialMention> reported = found.stream()
                .filter(trial -> !TrialNames.onlyInBackgroundSection(nameOf(trial), fields))
                .toList();
        return reported.isEmpty() ? found : reported;
    }

    /**
     * The id the text writes beside the trial's name (as written: it may differ from the curated one), else the
     * known one, so that a name and its id are one mention.
     */
    private static String idBeside(Map<String, String> beside, String name, String known) {
        String compact = TrialNames.compact(name);
        for (Map.Entry<String, String> entry : beside.entrySet()) {
            // The text before the bracket may begin with words before the name: "trial OSPREY-HB (NCT…)".
            if (entry.getKey().endsWith(compact)) {
                return entry.getValue();
            }
        }
        return known;
    }

    /** The curated trials the fields name in a spelling their terms do not list ("DESTINY Breast 9", "DB-09"). */
    private Set<Integer> spelledOtherwise(List<String> fields) {
        Set<Integer> found = new HashSet<>();
        if (trialSpellings == null) {
            return found;
        }
        for (String field : fields) {
            for (String spelling : trialSpellings.find(field)) {
                // A lower-case "train 2" is a train, not TRAIN-2.
                if (!spelling.equals(spelling.toLowerCase(Locale.ROOT))) {
                    Integer trial = trialsByCompactName.get(TrialNames.compact(spelling));
                    if (trial != null) {
                        found.add(trial);
                    }
                }
            }
        }
        return found;
    }

    /** The mentions of a registry record as the one trial it registers. */
    private static TrialMention oneTrial(List<TrialMention> mentions) {
        List<String> ids =
                mentions.stream().map(TrialMention::id).filter(Objects::nonNull).toList();
        String id = ids.isEmpty() ? null : ids.get(TrialIds.mainOf(ids));
        String acronym = mentions.stream()
                .map(TrialMention::acronym)
                .filter(Objects::nonNull)
                .findFirst()
                .orElse(null);
        return new TrialMention(id, acronym, id == null ? null : TrialIds.url(id));
    }

    private static void add(Map<String, TrialMention> byKey, String id, String acronym) {
        String key = id != null ? id : "acronym:" + acronym;
        if (!byKey.containsKey(key)) {
            byKey.put(key, new TrialMention(id, acronym, id == null ? null : TrialIds.url(id)));
        }
    }
}
