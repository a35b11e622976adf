package org.her2feeds.tagging;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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

    private final YamlDocument doc;
    private final Map<String, List<TermPattern>> termLists = new HashMap<>();

    private TopicRulesReader(YamlDocument doc) {
        this.doc = doc;
    }

    static RuleBook read(Path path) {
        return new TopicRulesReader(YamlDocument.read(path, TopicRulesException::new)).readFile();
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
                relevanceNode, relevanceFields, "relevance", "relevance", "Relevant to HER2", relevanceDescription);
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
        if (!(node instanceof SequenceNode sequence)) {
            throw doc.error(node, "'topics' must be a list of topics");
        }
        if (sequence.getValue().isEmpty()) {
            throw doc.error(node, "'topics' is empty");
        }
        List<Rule> topics = new ArrayList<>();
        Map<String, Integer> slugLines = new HashMap<>();
        for (Node topicNode : sequence.getValue()) {
            String peeked = YamlDocument.peek(topicNode, "slug");
            Map<String, NodeTuple> fields =
                    doc.mapping(topicNode, peeked == null ? "topic" : "topic '" + peeked + "'", TOPIC_KEYS);
            NodeTuple slugEntry = fields.get("slug");
            if (slugEntry == null) {
                throw doc.error(topicNode, "topic without 'slug'");
            }
            String slug = doc.scalar(slugEntry.getValueNode(), "topic", "slug");
            if (!YamlDocument.isSlug(slug)) {
                throw doc.error(
                        slugEntry.getValueNode(),
                        "topic '" + slug + "': bad slug (use lower-case letters, digits and single hyphens)");
            }
            Integer firstLine = slugLines.putIfAbsent(slug, YamlDocument.line(slugEntry.getValueNode()));
            if (firstLine != null) {
                throw doc.error(
                        slugEntry.getValueNode(),
                        "duplicate topic slug '" + slug + "' (first at line " + firstLine + ")");
            }
            String context = "topic '" + slug + "'";
            String label = doc.required(fields, topicNode, context, "label");
            String description = doc.required(fields, topicNode, context, "description");
            topics.add(readRule(topicNode, fields, context, slug, label, description));
        }
        return topics;
    }

    private Rule readRule(
            Node node, Map<String, NodeTuple> fields, String context, String slug, String label, String description) {
        List<TermPattern> terms = new ArrayList<>();
        if (fields.containsKey("terms")) {
            terms.addAll(patterns(fields.get("terms").getValueNode(), context, "terms"));
        }
        if (fields.containsKey("use")) {
            terms.addAll(usedLists(fields.get("use").getValueNode(), context));
        }
        if (terms.isEmpty()) {
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
