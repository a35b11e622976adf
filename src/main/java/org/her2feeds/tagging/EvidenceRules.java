package org.her2feeds.tagging;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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

    private final List<TopicRulesReader.TypeRule> types;
    private final CompiledRules typeTerms;
    /** The {@code also} terms of each type rule (same indexes), as rules of their own; empty rules never match. */
    private final CompiledRules alsoTerms;

    private final CompiledRules drugTerms;
    private final List<TopicRulesReader.TrialRule> trials;
    private final CompiledRules trialTerms;
    private final Map<String, TopicRulesReader.TrialRule> trialsByRegistryId = new HashMap<>();
    private final String fingerprint;

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
        for (TopicRulesReader.TrialRule trial : trials) {
            if (trial.registryId() != null) {
                trialsByRegistryId.putIfAbsent(trial.registryId(), trial);
            }
        }
        StringBuilder canonical = new StringBuilder("evidence-1\n");
        for (TopicRulesReader.TypeRule type : types) {
            canonical
                    .append(type.rule().slug())
                    .append(" kinds=")
                    .append(new java.util.TreeSet<>(type.kinds()))
                    .append(" fields=")
                    .append(new java.util.TreeSet<>(type.fields()))
                    .append('\n');
        }
        trials.forEach(t -> canonical
                .append(t.rule().slug())
                .append(" registry=")
                .append(t.registryId())
                .append('\n'));
        canonical
                .append(typeTerms.fingerprint())
                .append(alsoTerms.fingerprint())
                .append(drugTerms.fingerprint())
                .append(trialTerms.fingerprint());
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
        List<TrialMention> found = trials(text, TokenisedText.of(text));
        return found.size() == 1 && found.get(0).acronym() != null
                ? Optional.of(Evidence.key(found.get(0).acronym()))
                : Optional.empty();
    }

    /** @param tokens the text's fields as the tagger tokenised them for the topics: read here, not again */
    Evidence read(TaggableText text, TokenisedText tokens) {
        PublicationType type = type(text, tokens);
        Notice notice = type.slug().equals(NOTICE) ? NoticeReader.read(text) : null;
        return new Evidence(type, trials(text, tokens), drugs(tokens), notice);
    }

    private PublicationType type(TaggableText text, TokenisedText tokens) {
        List<Set<TermHit>> hits = typeTerms.matchFields(tokens).hits();
        List<Set<TermHit>> alsoHits = alsoTerms.matchFields(tokens).hits();
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

    /** Curated trials named by acronym (with their known id), then registry ids found in the text, each once. */
    private List<TrialMention> trials(TaggableText text, TokenisedText tokens) {
        Map<String, TrialMention> byKey = new LinkedHashMap<>();
        List<Set<TermHit>> hits = trialTerms.matchFields(tokens).hits();
        for (int r = 0; r < hits.size(); r++) {
            if (!hits.get(r).isEmpty()) {
                TopicRulesReader.TrialRule trial = trials.get(r);
                add(byKey, trial.registryId(), trial.rule().label());
            }
        }
        List<String> fields = new ArrayList<>(List.of(text.title(), text.summary(), text.content()));
        fields.addAll(text.categories());
        for (String field : fields) {
            for (String id : TrialIds.find(field)) {
                TopicRulesReader.TrialRule known = trialsByRegistryId.get(id);
                add(byKey, id, known == null ? null : known.rule().label());
            }
        }
        return byKey.values().stream().limit(MAX_TRIALS).toList();
    }

    private static void add(Map<String, TrialMention> byKey, String id, String acronym) {
        String key = id != null ? id : "acronym:" + acronym;
        if (!byKey.containsKey(key)) {
            byKey.put(key, new TrialMention(id, acronym, id == null ? null : TrialIds.url(id)));
        }
    }
}
