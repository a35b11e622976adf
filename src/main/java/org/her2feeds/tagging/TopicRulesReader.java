package org.her2feeds.tagging;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.her2feeds.sources.SourceKind;
import org.her2feeds.yaml.YamlDocument;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads the rules file through SnakeYAML's node tree rather than binding it to objects, so that every
 * problem (unknown key, duplicate slug, empty terms, a term that cannot match) is reported with its line.
 */
final class TopicRulesReader {

    /** The relevance rule and the topics, in file order. */
    record RuleBook(Rule relevance, List<Rule> topics) {}

    private static final Set<String> ROOT_KEYS = Set.of("term-lists", "relevance", "topics");
    private static final Set<String> RELEVANCE_KEYS = Set.of(
            "description",
            "terms",
            "use",
            "except",
            "not-followed-by",
            "not-preceded-by",
            "negated-after",
            "negated-before",
            "subtype-list");
    private static final Set<String> TOPIC_KEYS =
            Set.of("slug", "label", "description", "terms", "use", "except", "not-followed-by", "not-preceded-by");

    /** The evidence file: publication types (in deciding order), drugs and curated trials. */
    record EvidenceBook(List<TypeRule> types, List<Rule> drugs, List<TrialRule> trials) {}

    /**
     * A publication type's rule: it applies to an article from a source of one of {@code kinds} (any kind when
     * empty) in which one of its terms matches in one of {@code fields} (any field when empty; always when the rule
     * has no terms), and, when it has {@code also} terms, one of those matches too, in any field.
     */
    record TypeRule(Rule rule, Set<String> kinds, Set<String> fields, List<TermPattern> also) {}

    /**
     * A curated trial: its acronym's spellings as terms, its registry id when known (null otherwise), and how a text
     * that does not name it describes it unambiguously (null when it is not recognised so).
     */
    record TrialRule(Rule rule, String registryId, ImpliedBy impliedBy) {}

    /**
     * A trial's design as a text tells it without naming the trial: the drugs (by label) it names, each, and for each
     * group of terms (a setting, a comparator, a phase) one of them.
     */
    record ImpliedBy(List<String> drugs, List<List<TermPattern>> allOf) {

        ImpliedBy {
            drugs = List.copyOf(drugs);
            allOf = allOf.stream().map(List::copyOf).toList();
        }
    }

    private static final Set<String> IMPLIED_BY_KEYS = Set.of("drugs", "all-of");

    private static final Set<String> EVIDENCE_KEYS = Set.of("term-lists", "types", "drugs", "trials");
    private static final Set<String> TYPE_KEYS = with(TOPIC_KEYS, "kinds", "fields", "also");
    private static final Set<String> TRIAL_KEYS = with(TOPIC_KEYS, "registry", "implied-by");
    private static final Set<String> FIELDS =
            Set.of(CompiledRules.TITLE, CompiledRules.SUMMARY, CompiledRules.CONTENT, CompiledRules.CATEGORY);

    private final YamlDocument doc;
    private final Map<String, List<TermPattern>> termLists = new HashMap<>();

    private TopicRulesReader(YamlDocument doc) {
        this.doc = doc;
    }

    static RuleBook read(Path path) {
        return new TopicRulesReader(YamlDocument.read(path, TopicRulesException::new)).readFile();
    }

    static EvidenceBook readEvidence(Path path) {
        return new TopicRulesReader(YamlDocument.read(path, TopicRulesException::new)).readEvidenceFile();
    }

    private EvidenceBook readEvidenceFile() {
        Node root = doc.root();
        if (root == null) {
            throw doc.error("the evidence file is empty");
        }
        Map<String, NodeTuple> top = doc.mapping(root, "the evidence file", EVIDENCE_KEYS);
        if (top.containsKey("term-lists")) {
            readTermLists(top.get("term-lists").getValueNode());
        }
        for (String section : List.of("types", "drugs", "trials")) {
            if (!top.containsKey(section)) {
                throw doc.error(root, "missing '" + section + "' section");
            }
        }
        List<TypeRule> types = new ArrayList<>();
        List<RuleEntry> typeEntries =
                readRules(top.get("types").getValueNode(), "types", "type", TYPE_KEYS, false, false);
        Map<String, String> labels = new HashMap<>();
        for (int i = 0; i < typeEntries.size(); i++) {
            RuleEntry entry = typeEntries.get(i);
            String context = "type '" + entry.rule().slug() + "'";
            Set<String> kinds = Set.copyOf(strings(entry.fields(), context, "kinds"));
            for (String kind : kinds) {
                if (SourceKind.fromSlug(kind).isEmpty()) {
                    throw doc.error(
                            entry.fields().get("kinds").getValueNode(),
                            context + ": unknown source kind '" + kind + "' (one of " + SourceKind.slugs() + ")");
                }
            }
            Set<String> fields = Set.copyOf(strings(entry.fields(), context, "fields"));
            for (String field : fields) {
                if (!FIELDS.contains(field)) {
                    throw doc.error(
                            entry.fields().get("fields").getValueNode(),
                            context + ": unknown field '" + field + "' (one of "
                                    + String.join(", ", new java.util.TreeSet<>(FIELDS)) + ")");
                }
            }
            boolean isDefault = entry.rule().terms().isEmpty()
                    && kinds.isEmpty()
                    && !entry.fields().containsKey("also");
            boolean last = i == typeEntries.size() - 1;
            if (isDefault != last) {
                throw doc.error(
                        entry.node(),
                        context
                                + (last
                                        ? ": the last type is the default, for articles no other type fits: give it no "
                                                + "terms and no kinds"
                                        : ": give terms or kinds (only the last type, the default, has neither)"));
            }
            String label = labels.putIfAbsent(entry.rule().slug(), entry.rule().label());
            if (label != null && !label.equals(entry.rule().label())) {
                throw doc.error(
                        entry.node(),
                        context + ": label '" + entry.rule().label() + "' differs from the '" + label
                                + "' an earlier rule gives this type");
            }
            List<TermPattern> also = optionalPatterns(entry.fields(), context, "also");
            types.add(new TypeRule(entry.rule(), kinds, fields, also));
        }
        List<Rule> drugs = readRules(top.get("drugs").getValueNode(), "drugs", "drug", TOPIC_KEYS, true).stream()
                .map(RuleEntry::rule)
                .toList();
        List<TrialRule> trials = new ArrayList<>();
        for (RuleEntry entry : readRules(top.get("trials").getValueNode(), "trials", "trial", TRIAL_KEYS, true)) {
            String registry = null;
            if (entry.fields().containsKey("registry")) {
                String context = "trial '" + entry.rule().slug() + "'";
                Node node = entry.fields().get("registry").getValueNode();
                String text = doc.scalar(node, context, "registry");
                registry = TrialIds.normalise(text);
                if (registry == null) {
                    throw doc.error(
                            node,
                            context + ": '" + text + "' is not a registry id (NCT01234567, EU CT "
                                    + "2023-501234-12-00, EudraCT 2015-001234-56, ISRCTN12345678 …)");
                }
            }
            ImpliedBy impliedBy = entry.fields().containsKey("implied-by")
                    ? impliedBy(
                            entry.fields().get("implied-by").getValueNode(),
                            entry.rule().slug(),
                            drugs)
                    : null;
            trials.add(new TrialRule(entry.rule(), registry, impliedBy));
        }
        return new EvidenceBook(types, drugs, trials);
    }

    /** A trial's {@code implied-by}: drugs the file declares (at least one), and non-empty groups of terms. */
    private ImpliedBy impliedBy(Node node, String slug, List<Rule> drugs) {
        String context = "trial '" + slug + "' implied-by";
        Map<String, NodeTuple> fields = doc.mapping(node, context, IMPLIED_BY_KEYS);
        if (!fields.containsKey("drugs")) {
            throw doc.error(node, context + ": give 'drugs', the drugs (by label) a text describing the trial names");
        }
        List<String> named = strings(fields, context, "drugs");
        Set<String> labels = new HashSet<>();
        drugs.forEach(drug -> labels.add(drug.label()));
        for (String drug : named) {
            if (!labels.contains(drug)) {
                throw doc.error(
                        fields.get("drugs").getValueNode(),
                        context + ": unknown drug '" + drug + "' (give a label from 'drugs')");
            }
        }
        List<List<TermPattern>> allOf = new ArrayList<>();
        if (fields.containsKey("all-of")) {
            Node groups = fields.get("all-of").getValueNode();
            if (!(groups instanceof SequenceNode sequence)
                    || sequence.getValue().isEmpty()) {
                throw doc.error(groups, context + ": 'all-of' must be a non-empty list of lists of terms");
            }
            for (Node group : sequence.getValue()) {
                allOf.add(patterns(group, context, "all-of"));
            }
        }
        return new ImpliedBy(named, allOf);
    }

    private List<String> strings(Map<String, NodeTuple> fields, String context, String key) {
        NodeTuple entry = fields.get(key);
        if (entry == null) {
            return List.of();
        }
        if (!(entry.getValueNode() instanceof SequenceNode sequence)
                || sequence.getValue().isEmpty()) {
            throw doc.error(entry.getValueNode(), context + ": '" + key + "' must be a non-empty list");
        }
        return sequence.getValue().stream()
                .map(item -> doc.scalar(item, context, key).strip())
                .toList();
    }

    private static Set<String> with(Set<String> keys, String... more) {
        Set<String> all = new HashSet<>(keys);
        all.addAll(List.of(more));
        return Set.copyOf(all);
    }

    private RuleBook readFile() {
        Node root = doc.root();
        if (root == null) {
            throw doc.error("the rules file is empty");
        }
        Map<String, NodeTuple> top = doc.mapping(root, "the rules file", ROOT_KEYS);
        if (top.containsKey("term-lists")) {
            readTermLists(top.get("term-lists").getValueNode());
        }
        NodeTuple relevanceEntry = top.get("relevance");
        if (relevanceEntry == null) {
            throw doc.error(root, "missing 'relevance' section (the terms that make an article relevant)");
        }
        Node relevanceNode = relevanceEntry.getValueNode();
        Map<String, NodeTuple> relevanceFields = doc.mapping(relevanceNode, "relevance", RELEVANCE_KEYS);
        String relevanceDescription = relevanceFields.containsKey("description")
                ? doc.scalar(relevanceFields.get("description").getValueNode(), "relevance", "description")
                : "";
        Rule relevance = readRule(
                relevanceNode,
                relevanceFields,
                "relevance",
                "relevance",
                "Relevant to HER2",
                relevanceDescription,
                true);
        NodeTuple topicsEntry = top.get("topics");
        if (topicsEntry == null) {
            throw doc.error(root, "missing 'topics' section");
        }
        return new RuleBook(relevance, readTopics(topicsEntry.getValueNode()));
    }

    private void readTermLists(Node node) {
        Map<String, NodeTuple> lists = doc.mapping(node, "term-lists", null);
        for (Map.Entry<String, NodeTuple> entry : lists.entrySet()) {
            String name = entry.getKey();
            if (!YamlDocument.isSlug(name)) {
                throw doc.error(
                        entry.getValue().getKeyNode(),
                        "term-lists: bad name '" + name + "' (use lower-case letters, digits and single hyphens)");
            }
            termLists.put(name, patterns(entry.getValue().getValueNode(), "term list '" + name + "'", "terms"));
        }
    }

    private List<Rule> readTopics(Node node) {
        return readRules(node, "topics", "topic", TOPIC_KEYS, true).stream()
                .map(RuleEntry::rule)
                .toList();
    }

    /** One rule of a list as read, with its fields for the keys only that list knows. */
    private record RuleEntry(Rule rule, Map<String, NodeTuple> fields, Node node) {}

    /**
     * A list of rules ({@code topics}, {@code types}, {@code drugs}, {@code trials}) with unique slugs, a label, a
     * description and the term keys every rule understands.
     */
    private List<RuleEntry> readRules(Node node, String section, String noun, Set<String> keys, boolean termsRequired) {
        return readRules(node, section, noun, keys, termsRequired, true);
    }

    /**
     * @param uniqueSlugs false for publication types, where several rules (several ways of recognising a type) may
     *                    give the same type; they must then agree on its label
     */
    private List<RuleEntry> readRules(
            Node node, String section, String noun, Set<String> keys, boolean termsRequired, boolean uniqueSlugs) {
        if (!(node instanceof SequenceNode sequence)) {
            throw doc.error(node, "'" + section + "' must be a list of " + section);
        }
        if (sequence.getValue().isEmpty()) {
            throw doc.error(node, "'" + section + "' is empty");
        }
        List<RuleEntry> rules = new ArrayList<>();
        Map<String, Integer> slugLines = new HashMap<>();
        for (Node ruleNode : sequence.getValue()) {
            String peeked = YamlDocument.peek(ruleNode, "slug");
            Map<String, NodeTuple> fields =
                    doc.mapping(ruleNode, peeked == null ? noun : noun + " '" + peeked + "'", keys);
            NodeTuple slugEntry = fields.get("slug");
            if (slugEntry == null) {
                throw doc.error(ruleNode, noun + " without 'slug'");
            }
            String slug = doc.scalar(slugEntry.getValueNode(), noun, "slug");
            if (!YamlDocument.isSlug(slug)) {
                throw doc.error(
                        slugEntry.getValueNode(),
                        noun + " '" + slug + "': bad slug (use lower-case letters, digits and single hyphens)");
            }
            Integer firstLine = slugLines.putIfAbsent(slug, YamlDocument.line(slugEntry.getValueNode()));
            if (firstLine != null && uniqueSlugs) {
                throw doc.error(
                        slugEntry.getValueNode(),
                        "duplicate " + noun + " slug '" + slug + "' (first at line " + firstLine + ")");
            }
            String context = noun + " '" + slug + "'";
            String label = doc.required(fields, ruleNode, context, "label");
            String description = doc.required(fields, ruleNode, context, "description");
            rules.add(new RuleEntry(
                    readRule(ruleNode, fields, context, slug, label, description, termsRequired), fields, ruleNode));
        }
        return rules;
    }

    private Rule readRule(
            Node node,
            Map<String, NodeTuple> fields,
            String context,
            String slug,
            String label,
            String description,
            boolean termsRequired) {
        List<TermPattern> terms = new ArrayList<>();
        if (fields.containsKey("terms")) {
            terms.addAll(patterns(fields.get("terms").getValueNode(), context, "terms"));
        }
        if (fields.containsKey("use")) {
            terms.addAll(usedLists(fields.get("use").getValueNode(), context));
        }
        if (terms.isEmpty() && termsRequired) {
            throw doc.error(node, context + ": no terms (give 'terms', or 'use' a term list)");
        }
        List<TermPattern> excepts = optionalPatterns(fields, context, "except");
        checkNoTermIsAlsoExcepted(fields, context, terms, excepts);
        // The rule's own terms are markers (HER2, ERBB2 ...); terms taken from lists with 'use' are drug names.
        Set<String> markers = new HashSet<>();
        if (fields.containsKey("terms")) {
            patterns(fields.get("terms").getValueNode(), context, "terms").forEach(t -> markers.add(t.canonical()));
        }
        DescriptorContext descriptors = new DescriptorContext(
                optionalPatterns(fields, context, "negated-after"),
                optionalPatterns(fields, context, "negated-before"),
                optionalPatterns(fields, context, "subtype-list"));
        return new Rule(
                slug,
                label,
                description,
                distinct(terms),
                distinct(excepts),
                optionalPatterns(fields, context, "not-followed-by"),
                optionalPatterns(fields, context, "not-preceded-by"),
                markers,
                descriptors);
    }

    private List<TermPattern> usedLists(Node node, String context) {
        if (!(node instanceof SequenceNode sequence)) {
            throw doc.error(node, context + ": 'use' must be a list of term-list names");
        }
        List<TermPattern> terms = new ArrayList<>();
        for (Node item : sequence.getValue()) {
            String name = doc.scalar(item, context, "use");
            List<TermPattern> list = termLists.get(name);
            if (list == null) {
                throw doc.error(item, context + ": unknown term list '" + name + "' (declare it under 'term-lists')");
            }
            terms.addAll(list);
        }
        return terms;
    }

    private void checkNoTermIsAlsoExcepted(
            Map<String, NodeTuple> fields, String context, List<TermPattern> terms, List<TermPattern> excepts) {
        Set<String> termForms = new HashSet<>();
        terms.forEach(t -> termForms.add(t.canonical()));
        for (TermPattern except : excepts) {
            if (termForms.contains(except.canonical())) {
                throw doc.error(
                        fields.get("except").getValueNode(),
                        context + ": '" + except.source() + "' is both a term and an exception");
            }
        }
    }

    private List<TermPattern> optionalPatterns(Map<String, NodeTuple> fields, String context, String key) {
        return fields.containsKey(key) ? patterns(fields.get(key).getValueNode(), context, key) : List.of();
    }

    private List<TermPattern> patterns(Node node, String context, String key) {
        if (!(node instanceof SequenceNode sequence)) {
            throw doc.error(node, context + ": '" + key + "' must be a list");
        }
        if (sequence.getValue().isEmpty()) {
            throw doc.error(node, context + ": '" + key + "' is empty");
        }
        List<TermPattern> patterns = new ArrayList<>();
        for (Node item : sequence.getValue()) {
            String text = doc.scalar(item, context, key);
            try {
                patterns.add(TermPattern.compile(text));
            } catch (IllegalArgumentException e) {
                throw doc.error(item, context + ": " + e.getMessage());
            }
        }
        return patterns;
    }

    private static List<TermPattern> distinct(List<TermPattern> patterns) {
        Map<String, TermPattern> byForm = new LinkedHashMap<>();
        patterns.forEach(p -> byForm.putIfAbsent(p.canonical(), p));
        return List.copyOf(byForm.values());
    }
}
