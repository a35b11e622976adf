package org.her2feeds.yaml;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
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
 * One YAML file read as nodes rather than bound to objects: every error must carry the line of the entry at
 * fault, and a typo in a key must be an error, not a silent default. Each reader keeps its own exception type
 * (start-up failure analysis tells the operator which file to fix), made by the {@link Errors} it passes in.
 */
public final class YamlDocument {

    /** Makes the reader's exception from a message that already names the file and line. */
    @FunctionalInterface
    public interface Errors {
        RuntimeException of(String message, Throwable cause);
    }

    /**
     * The largest file read: 100,000 sources are about 10-30 MB. Counted in bytes before parsing, because SnakeYAML's
     * own limit (on code points) is checked only between tokens and lets a file of comments of any length through.
     */
    private static final int MAX_BYTES = 64 * 1024 * 1024;

    private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    private final String file;
    private final Errors errors;
    private final Node root;

    private YamlDocument(String file, Errors errors, Node root) {
        this.file = file;
        this.errors = errors;
        this.root = root;
    }

    /** Reads the file; a syntax error names its line, an unreadable file says why. */
    public static YamlDocument read(Path path, Errors errors) {
        String file = path.toString();
        long size;
        try {
            size = Files.size(path);
        } catch (IOException e) {
            throw errors.of(file + ": cannot be read (" + e.getMessage() + ")", e);
        }
        if (size > MAX_BYTES) {
            throw errors.of(
                    file + ": " + size + " bytes, more than the " + (MAX_BYTES >> 20) + " MiB a file may have", null);
        }
        try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            return new YamlDocument(file, errors, new Yaml(loaderOptions()).compose(reader));
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            String problem = e.getProblem() != null ? e.getProblem() : e.getMessage();
            String where = mark == null ? file : file + " line " + (mark.getLine() + 1);
            throw errors.of(where + ": YAML syntax error: " + problem, e);
        } catch (IOException | YAMLException e) {
            throw errors.of(file + ": cannot be read (" + e.getMessage() + ")", e);
        }
    }

    private static LoaderOptions loaderOptions() {
        LoaderOptions options = new LoaderOptions();
        // SnakeYAML's default (3 Mi code points) refuses a sources file of about 30,000 sources. A file within
        // MAX_BYTES has at most as many code points.
        options.setCodePointLimit(MAX_BYTES);
        return options;
    }

    /** The document's top node; null when the file holds no document (empty, or only comments). */
    public Node root() {
        return root;
    }

    /** The reader's exception for a problem at a node: "{@code <file> line <n>: <problem>}". */
    public RuntimeException error(Node node, String problem) {
        return errors.of(file + " line " + line(node) + ": " + problem, null);
    }

    /** The reader's exception for a problem with the file as a whole. */
    public RuntimeException error(String problem) {
        return errors.of(file + ": " + problem, null);
    }

    /**
     * The keys and entries of a mapping, in file order, refusing a duplicate key and, when {@code allowedKeys} is
     * given, any other key.
     *
     * @param context how the errors name the mapping, e.g. "topic 'adc'"
     */
    public Map<String, NodeTuple> mapping(Node node, String context, Set<String> allowedKeys) {
        if (!(node instanceof MappingNode mapping)) {
            throw error(node, context + " must be a mapping of keys to values");
        }
        Map<String, NodeTuple> fields = new LinkedHashMap<>();
        for (NodeTuple tuple : mapping.getValue()) {
            String key = scalar(tuple.getKeyNode(), context, "key");
            if (fields.putIfAbsent(key, tuple) != null) {
                throw error(tuple.getKeyNode(), context + ": duplicate key '" + key + "'");
            }
            if (allowedKeys != null && !allowedKeys.contains(key)) {
                throw error(
                        tuple.getKeyNode(),
                        context + ": unknown key '" + key + "' (allowed: "
                                + String.join(", ", new TreeSet<>(allowedKeys)) + ")");
            }
        }
        return fields;
    }

    /** The text of a single value; a list or mapping in its place is refused. */
    public String scalar(Node node, String context, String key) {
        if (!(node instanceof ScalarNode scalar)) {
            throw error(
                    node,
                    context + ": '" + key + "' must be a single text value, not a "
                            + (node instanceof SequenceNode ? "list" : "mapping"));
        }
        return scalar.getValue();
    }

    /** The stripped text of a key that must be present and not blank. */
    public String required(Map<String, NodeTuple> fields, Node owner, String context, String key) {
        NodeTuple entry = fields.get(key);
        if (entry == null) {
            throw error(owner, context + ": missing required key '" + key + "'");
        }
        String value = scalar(entry.getValueNode(), context, key);
        if (value.isBlank()) {
            throw error(entry.getValueNode(), context + ": '" + key + "' is empty");
        }
        return value.strip();
    }

    /**
     * The text of a key in a mapping not yet checked, or null: lets the first error about an entry already say
     * which entry it is ("source 'fda'", "topic 'adc'").
     */
    public static String peek(Node node, String key) {
        if (node instanceof MappingNode mapping) {
            for (NodeTuple tuple : mapping.getValue()) {
                if (tuple.getKeyNode() instanceof ScalarNode name
                        && name.getValue().equals(key)
                        && tuple.getValueNode() instanceof ScalarNode value) {
                    return value.getValue();
                }
            }
        }
        return null;
    }

    /** Whether the text is a slug: lower-case letters and digits in words joined by single hyphens. */
    public static boolean isSlug(String text) {
        return SLUG.matcher(text).matches();
    }

    /** The 1-based line a node starts on. */
    public static int line(Node node) {
        return node == null ? 0 : node.getStartMark().getLine() + 1;
    }
}
