package org.her2feeds.tagging;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Decides whether an article concerns HER2 and which topics it belongs to, from the rules in
 * {@code her2.topics-file}. The rules are read and compiled once, at construction; a bad file stops start-up
 * with a {@link TopicRulesException} naming the file, line and problem. Instances are immutable and
 * thread-safe.
 */
@Component
public class Tagger {

    private static final String TITLE = "title";
    private static final String SUMMARY = "summary";
    private static final String CATEGORY = "category";

    private final CompiledRules rules;
    private final List<TopicDefinition> topics;

    public Tagger(TaggingProperties props) {
        this.rules = new CompiledRules(TopicRulesReader.read(props.topicsFile()));
        this.topics = rules.rules().stream().skip(1).map(Rule::definition).toList();
    }

    /** For tests and command-line tools that run without Spring. */
    public static Tagger fromFile(Path topicsFile) {
        return new Tagger(new TaggingProperties(topicsFile));
    }

    public TaggingResult tag(TaggableText text) {
        List<Set<TermHit>> hits = new ArrayList<>();
        for (int r = 0; r < rules.rules().size(); r++) {
            hits.add(new LinkedHashSet<>());
        }
        collect(text.title(), TITLE, hits);
        collect(text.summary(), SUMMARY, hits);
        for (String category : text.categories()) {
            collect(category, CATEGORY, hits);
        }
        List<TopicTag> tags = new ArrayList<>();
        for (int r = 1; r < rules.rules().size(); r++) {
            if (!hits.get(r).isEmpty()) {
                Rule rule = rules.rules().get(r);
                tags.add(new TopicTag(rule.slug(), rule.label(), List.copyOf(hits.get(r))));
            }
        }
        Set<TermHit> relevanceHits = hits.get(0);
        return new TaggingResult(!relevanceHits.isEmpty(), List.copyOf(relevanceHits), tags);
    }

    /** The topics in rules-file order. */
    public List<TopicDefinition> topics() {
        return topics;
    }

    /**
     * A SHA-256 of the compiled rules: the same for the same rules whatever the comments, layout or term order,
     * different when a term, exception, qualifier, label, description or topic changes.
     */
    public String rulesFingerprint() {
        return rules.fingerprint();
    }

    private void collect(String text, String field, List<Set<TermHit>> hits) {
        if (text == null || text.isBlank()) {
            return;
        }
        List<List<String>> matched = rules.match(Tokeniser.tokenise(TextNormaliser.normalise(text)));
        for (int r = 0; r < matched.size(); r++) {
            for (String term : matched.get(r)) {
                hits.get(r).add(new TermHit(term, field));
            }
        }
    }
}
