package org.her2feeds.tagging;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.stereotype.Component;

/**
 * Decides whether an article concerns HER2 and which topics it belongs to, from the rules in
 * {@code her2.topics-file}. The rules are read and compiled at construction; a bad file stops start-up
 * with a {@link TopicRulesException} naming the file, line and problem. An operator's {@link #reload()} swaps
 * in newly compiled rules at once, so every tagging sees one complete rule set; thread-safe.
 */
@Component
public class Tagger {

    private static final String TITLE = "title";
    private static final String SUMMARY = "summary";
    /** The full content a feed gives besides its description. */
    private static final String CONTENT = "content";

    private static final String CATEGORY = "category";

    private record Compiled(CompiledRules rules, List<TopicDefinition> topics) {}

    private final TaggingProperties props;
    private final AtomicReference<Compiled> compiled = new AtomicReference<>();

    public Tagger(TaggingProperties props) {
        this.props = props;
        compiled.set(compile());
    }

    private Compiled compile() {
        CompiledRules rules = new CompiledRules(TopicRulesReader.read(props.topicsFile()));
        return new Compiled(
                rules, rules.rules().stream().skip(1).map(Rule::definition).toList());
    }

    /**
     * Reads the rules file again; a bad file throws {@link TopicRulesException} and keeps the current rules.
     *
     * @return whether the rules changed (their fingerprint differs)
     */
    public boolean reload() {
        Compiled fresh = compile();
        return !compiled.getAndSet(fresh)
                .rules()
                .fingerprint()
                .equals(fresh.rules().fingerprint());
    }

    /** For tests and command-line tools that run without Spring. */
    public static Tagger fromFile(Path topicsFile) {
        return new Tagger(new TaggingProperties(topicsFile));
    }

    public TaggingResult tag(TaggableText text) {
        CompiledRules rules = compiled.get().rules();
        List<Set<TermHit>> hits = new ArrayList<>();
        for (int r = 0; r < rules.rules().size(); r++) {
            hits.add(new LinkedHashSet<>());
        }
        Set<Discount> discounted = new LinkedHashSet<>();
        collect(rules, text.title(), TITLE, hits, discounted);
        collect(rules, text.summary(), SUMMARY, hits, discounted);
        collect(rules, text.content(), CONTENT, hits, discounted);
        for (String category : text.categories()) {
            collect(rules, category, CATEGORY, hits, discounted);
        }
        List<TopicTag> tags = new ArrayList<>();
        for (int r = 1; r < rules.rules().size(); r++) {
            if (!hits.get(r).isEmpty()) {
                Rule rule = rules.rules().get(r);
                tags.add(new TopicTag(rule.slug(), rule.label(), List.copyOf(hits.get(r))));
            }
        }
        Set<TermHit> relevanceHits = hits.get(0);
        return new TaggingResult(!relevanceHits.isEmpty(), List.copyOf(relevanceHits), List.copyOf(discounted), tags);
    }

    /** The topics in rules-file order. */
    public List<TopicDefinition> topics() {
        return compiled.get().topics();
    }

    /**
     * A SHA-256 of the compiled rules: the same for the same rules whatever the comments, layout or term order,
     * different when a term, exception, qualifier, label, description or topic changes.
     */
    public String rulesFingerprint() {
        return compiled.get().rules().fingerprint();
    }

    private static void collect(
            CompiledRules rules, String text, String field, List<Set<TermHit>> hits, Set<Discount> discounted) {
        if (text == null || text.isBlank()) {
            return;
        }
        CompiledRules.Matches matched =
                rules.match(Tokeniser.tokenise(TextNormaliser.normalise(text)), field.equals(TITLE));
        for (int r = 0; r < matched.hits().size(); r++) {
            for (String term : matched.hits().get(r)) {
                hits.get(r).add(new TermHit(term, field));
            }
        }
        // Only the relevance rule's cancelled terms are evidence a reader needs; a topic's are noise.
        for (CompiledRules.Discounted d : matched.discounted().get(0)) {
            discounted.add(new Discount(d.term(), field, d.qualifier()));
        }
    }
}
