package org.her2feeds.tagging;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.her2feeds.Sha256;
import org.springframework.stereotype.Component;

/**
 * Decides whether an article concerns HER2 and which topics it belongs to, from the rules in
 * {@code her2.topics-file}. The rules are read and compiled at construction; a bad file stops start-up
 * with a {@link TopicRulesException} naming the file, line and problem. An operator's {@link #reload()} swaps
 * in newly compiled rules at once, so every tagging sees one complete rule set; thread-safe.
 */
@Component
public class Tagger {

    private record Compiled(CompiledRules rules, EvidenceRules evidence, List<TopicDefinition> topics) {

        String fingerprint() {
            return Sha256.hex(rules.fingerprint() + "\n" + evidence.fingerprint());
        }
    }

    private final TaggingProperties props;
    private final AtomicReference<Compiled> compiled = new AtomicReference<>();

    public Tagger(TaggingProperties props) {
        this.props = props;
        compiled.set(compile());
    }

    private Compiled compile() {
        CompiledRules rules = new CompiledRules(TopicRulesReader.read(props.topicsFile()));
        EvidenceRules evidence = new EvidenceRules(TopicRulesReader.readEvidence(props.evidenceFile()));
        return new Compiled(
                rules,
                evidence,
                rules.rules().stream().skip(1).map(Rule::definition).toList());
    }

    /**
     * Reads the rules file again; a bad file throws {@link TopicRulesException} and keeps the current rules.
     *
     * @return whether the rules changed (their fingerprint differs)
     */
    public boolean reload() {
        Compiled fresh = compile();
        return !compiled.getAndSet(fresh).fingerprint().equals(fresh.fingerprint());
    }

    /** For tests and command-line tools that run without Spring; the evidence file is the default one. */
    public static Tagger fromFile(Path topicsFile) {
        return fromFiles(topicsFile, Path.of("config/evidence.yml"));
    }

    public static Tagger fromFiles(Path topicsFile, Path evidenceFile) {
        return new Tagger(new TaggingProperties(topicsFile, evidenceFile));
    }

    public TaggingResult tag(TaggableText text) {
        Compiled current = compiled.get();
        CompiledRules rules = current.rules();
        TokenisedText tokens = TokenisedText.of(text);
        CompiledRules.FieldHits matched = rules.matchFields(tokens);
        List<Set<TermHit>> hits = matched.hits();
        Set<Discount> discounted = matched.discounted();
        List<TopicTag> tags = new ArrayList<>();
        for (int r = 1; r < rules.rules().size(); r++) {
            if (!hits.get(r).isEmpty()) {
                Rule rule = rules.rules().get(r);
                tags.add(new TopicTag(rule.slug(), rule.label(), List.copyOf(hits.get(r))));
            }
        }
        Set<TermHit> relevanceHits = hits.get(0);
        return new TaggingResult(
                !relevanceHits.isEmpty(),
                List.copyOf(relevanceHits),
                List.copyOf(discounted),
                tags,
                current.evidence().read(text, tokens));
    }

    /** The publication types in deciding order (the last is the default): the closed vocabulary of {@code type}. */
    public List<TopicDefinition> types() {
        return compiled.get().evidence().typeRules().stream()
                .map(Rule::definition)
                .toList();
    }

    /** The filter key ({@link Evidence#key}) of a drug named by its INN, a brand or a code; empty if unknown. */
    public Optional<String> drugKey(String name) {
        return compiled.get().evidence().drugKey(name);
    }

    /** The filter key of a trial named by its registry id or a curated acronym; empty if it is neither. */
    public Optional<String> trialKey(String name) {
        return compiled.get().evidence().trialKey(name);
    }

    /** The topics in rules-file order. */
    public List<TopicDefinition> topics() {
        return compiled.get().topics();
    }

    /**
     * A SHA-256 of the compiled rules: the same for the same rules whatever the comments, layout or term order,
     * different when a term, exception, qualifier, label, description or topic changes, in either rules file.
     */
    public String rulesFingerprint() {
        return compiled.get().fingerprint();
    }
}
