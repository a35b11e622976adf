package org.her2feeds.tagging;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads the rules file through SnakeYAML's node tree rather than binding it to objects, so that every
 * problem (unknown key, duplicate slug, empty terms, a term that cannot match) is reported with its line.
 */
final class TopicRulesReader {

    /** The relevance rule and the topics, in file order. */
    record RuleBook(Rule relevance, List<Rule> topics) {}

    private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
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

    private final String file;
    private final Map<String, List<TermPattern>> termLists = new HashMap<>();

    private TopicRulesReader(Path path) {
        this.file = path.toString();
    }

    static RuleBook read(Path path) {
        return new TopicRulesReader(path).readFile(path);
    }

    private RuleBook readFile(Path path) {
        Node root;
        try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            root = new Yaml().compose(reader);
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            String problem = e.getProblem() != null ? e.getProblem() : e.getMessage();
            throw mark == null
                    ? new TopicRulesException(file + ": YAML syntax error: " + problem, e)
                    : new TopicRulesException(
                            file + " line " + (mark.getLine() + 1) + ": YAML syntax error: " + problem, e);
        } catch (YAMLException e) {
            throw new TopicRulesException(file + ": cannot read YAML: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new TopicRulesException(file + ": cannot read the rules file (" + e + ")", e);
        }
        if (root == null) {
            throw new TopicRulesException(file + ": the rules file is empty");
        }
        Map<String, NodeTuple> top = mapping(root, "the rules file", ROOT_KEYS);
        if (top.containsKey("term-lists")) {
            readTermLists(top.get("term-lists").getValueNode());
        }
        NodeTuple relevanceEntry = top.get("relevance");
        if (relevanceEntry == null) {
            throw error(root, "missing 'relevance' section (the terms that make an article relevant)");
        }
        Node relevanceNode = relevanceEntry.getValueNode();
        Map<String, NodeTuple> relevanceFields = mapping(relevanceNode, "relevance", RELEVANCE_KEYS);
        String relevanceDescription = relevanceFields.containsKey("description")
                ? scalar(relevanceFields.get("description").getValueNode(), "relevance", "description")
                : "";
        Rule relevance = readRule(
                relevanceNode, relevanceFields, "relevance", "relevance", "Relevant to HER2", relevanceDescription);
        NodeTuple topicsEntry = top.get("topics");
        if (topicsEntry == null) {
            throw error(root, "missing 'topics' section");
        }
        return new RuleBook(relevance, readTopics(topicsEntry.getValueNode()));
    }

    private void readTermLists(Node node) {
        Map<String, NodeTuple> lists = mapping(node, "term-lists", null);
        for (Map.Entry<String, NodeTuple> entry : lists.entrySet()) {
            String name = entry.getKey();
            if (!SLUG.matcher(name).matches()) {
                throw error(
                        entry.getValue().getKeyNode(),
                        "term-lists: bad name '" + name + "' (use lower-case letters, digits and single hyphens)");
            }
            termLists.put(name, patterns(entry.getValue().getValueNode(), "term list '" + name + "'", "terms"));
        }
    }

    private List<Rule> readTopics(Node node) {
        if (!(node instanceof SequenceNode sequence)) {
            throw error(node, "'topics' must be a list of topics");
        }
        if (sequence.getValue().isEmpty()) {
            throw error(node, "'topics' is empty");
        }
        List<Rule> topics = new ArrayList<>();
        Map<String, Integer> slugLines = new HashMap<>();
        for (Node topicNode : sequence.getValue()) {
            Map<String, NodeTuple> fields = mapping(topicNode, "topic" + peekSlug(topicNode), null);
            NodeTuple slugEntry = fields.get("slug");
            if (slugEntry == null) {
                throw error(topicNode, "topic without 'slug'");
            }
            String slug = scalar(slugEntry.getValueNode(), "topic", "slug");
            if (!SLUG.matcher(slug).matches()) {
                throw error(
                        slugEntry.getValueNode(),
                        "topic '" + slug + "': bad slug (use lower-case letters, digits and single hyphens)");
            }
            Integer firstLine = slugLines.putIfAbsent(slug, line(slugEntry.getValueNode()));
            if (firstLine != null) {
                throw error(
                        slugEntry.getValueNode(),
                        "duplicate topic slug '" + slug + "' (first at line " + firstLine + ")");
            }
            String context = "topic '" + slug + "'";
            checkKeys(fields, context, TOPIC_KEYS);
            String label = required(fields, topicNode, context, "label");
            String description = required(fields, topicNode, context, "description");
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
            throw error(node, context + ": no terms (give 'terms', or 'use' a term list)");
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
            throw error(node, context + ": 'use' must be a list of term-list names");
        }
        List<TermPattern> terms = new ArrayList<>();
        for (Node item : sequence.getValue()) {
            String name = scalar(item, context, "use");
            List<TermPattern> list = termLists.get(name);
            if (list == null) {
                throw error(item, context + ": unknown term list '" + name + "' (declare it under 'term-lists')");
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
                throw error(
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
            throw error(node, context + ": '" + key + "' must be a list");
        }
        if (sequence.getValue().isEmpty()) {
            throw error(node, context + ": '" + key + "' is empty");
        }
        List<TermPattern> patterns = new ArrayList<>();
        for (Node item : sequence.getValue()) {
            String text = scalar(item, context, key);
            try {
                patterns.add(TermPattern.compile(text));
            } catch (IllegalArgumentException e) {
                throw error(item, context + ": " + e.getMessage());
            }
        }
        return patterns;
    }

    private String required(Map<String, NodeTuple> fields, Node owner, String context, String key) {
        NodeTuple entry = fields.get(key);
        if (entry == null) {
            throw error(owner, context + ": missing '" + key + "'");
        }
        String value = scalar(entry.getValueNode(), context, key);
        if (value.isBlank()) {
            throw error(entry.getValueNode(), context + ": '" + key + "' is empty");
        }
        return value.strip();
    }

    private String scalar(Node node, String context, String key) {
        if (!(node instanceof ScalarNode scalar)) {
            throw error(
                    node,
                    context + ": '" + key + "' must be a single text value, not a "
                            + (node instanceof SequenceNode ? "list" : "mapping"));
        }
        return scalar.getValue();
    }

    private Map<String, NodeTuple> mapping(Node node, String context, Set<String> allowedKeys) {
        if (!(node instanceof MappingNode mapping)) {
            throw error(node, context + " must be a mapping of keys to values");
        }
        Map<String, NodeTuple> fields = new LinkedHashMap<>();
        for (NodeTuple tuple : mapping.getValue()) {
            String key = scalar(tuple.getKeyNode(), context, "key");
            if (fields.putIfAbsent(key, tuple) != null) {
                throw error(tuple.getKeyNode(), context + ": duplicate key '" + key + "'");
            }
        }
        if (allowedKeys != null) {
            checkKeys(fields, context, allowedKeys);
        }
        return fields;
    }

    private void checkKeys(Map<String, NodeTuple> fields, String context, Set<String> allowedKeys) {
        for (Map.Entry<String, NodeTuple> entry : fields.entrySet()) {
            if (!allowedKeys.contains(entry.getKey())) {
                throw error(
                        entry.getValue().getKeyNode(),
                        context + ": unknown key '" + entry.getKey() + "' (allowed: "
                                + String.join(", ", new java.util.TreeSet<>(allowedKeys)) + ")");
            }
        }
    }

    /** The slug of a topic not yet validated, so that even its first error can say which topic it is in. */
    private static String peekSlug(Node topic) {
        if (topic instanceof MappingNode mapping) {
            for (NodeTuple tuple : mapping.getValue()) {
                if (tuple.getKeyNode() instanceof ScalarNode key
                        && key.getValue().equals("slug")
                        && tuple.getValueNode() instanceof ScalarNode value) {
                    return " '" + value.getValue() + "'";
                }
            }
        }
        return "";
    }

    private static List<TermPattern> distinct(List<TermPattern> patterns) {
        Map<String, TermPattern> byForm = new LinkedHashMap<>();
        patterns.forEach(p -> byForm.putIfAbsent(p.canonical(), p));
        return List.copyOf(byForm.values());
    }

    private static int line(Node node) {
        return node.getStartMark().getLine() + 1;
    }

    private TopicRulesException error(Node node, String problem) {
        return new TopicRulesException(file + " line " + line(node) + ": " + problem);
    }
}
