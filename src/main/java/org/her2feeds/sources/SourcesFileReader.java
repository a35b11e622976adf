package org.her2feeds.sources;

import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads a sources file strictly. The YAML node tree is read rather than bound to objects because every
 * error must carry the line of the entry at fault, and a typo in a key must be an error, not a silent default.
 */
public final class SourcesFileReader {

    private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Set<String> KEYS = Set.of("id", "title", "url", "interval", "enabled", "kind");

    private final Duration minimumHttpInterval;

    public SourcesFileReader() {
        this(Source.MINIMUM_HTTP_INTERVAL);
    }

    /** @param minimumHttpInterval the shortest interval allowed for http sources; lowered only by tests */
    public SourcesFileReader(Duration minimumHttpInterval) {
        this.minimumHttpInterval = minimumHttpInterval;
    }

    /** Reads and validates the file; relative {@code file:} URLs are resolved against the file's folder. */
    public List<Source> read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new SourcesFileException(file + ": sources file not found (set her2.sources-file)");
        }
        Node root;
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            root = new Yaml(new LoaderOptions()).compose(reader);
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() == null ? 0 : e.getProblemMark().getLine() + 1;
            throw new SourcesFileException(file + " line " + line + ": YAML syntax error: " + e.getProblem(), e);
        } catch (IOException | RuntimeException e) {
            throw new SourcesFileException(file + ": cannot be read: " + e.getMessage(), e);
        }
        return new FileContext(file, minimumHttpInterval).sources(root);
    }

    private static final class FileContext {
        private final Path file;
        private final Path folder;
        private final Duration minimumHttpInterval;

        FileContext(Path file, Duration minimumHttpInterval) {
            this.file = file;
            this.minimumHttpInterval = minimumHttpInterval;
            Path parent = file.toAbsolutePath().getParent();
            this.folder = (parent == null ? Path.of("").toAbsolutePath() : parent).normalize();
        }

        List<Source> sources(Node root) {
            if (!(root instanceof MappingNode mapping)) {
                throw error(root, "the file must be a mapping with a top-level 'sources:' list");
            }
            Node list = null;
            for (NodeTuple tuple : mapping.getValue()) {
                String key = scalar(tuple.getKeyNode(), "top-level key");
                if (!"sources".equals(key)) {
                    throw error(tuple.getKeyNode(), "unknown top-level key '" + key + "' (expected 'sources')");
                }
                list = tuple.getValueNode();
            }
            if (list == null) {
                throw error(root, "missing top-level 'sources:' list");
            }
            if (list instanceof ScalarNode scalar && scalar.getValue().isEmpty()) {
                return List.of();
            }
            if (!(list instanceof SequenceNode sequence)) {
                throw error(list, "'sources' must be a list of entries");
            }
            List<Source> sources = new ArrayList<>();
            Map<String, Integer> lineById = new HashMap<>();
            for (Node entry : sequence.getValue()) {
                Source source = source(entry);
                Integer earlier = lineById.putIfAbsent(source.id(), line(entry));
                if (earlier != null) {
                    throw error(
                            entry,
                            "source '" + source.id() + "': duplicate id (first defined at line " + earlier + ")");
                }
                sources.add(source);
            }
            return List.copyOf(sources);
        }

        private Source source(Node entry) {
            if (!(entry instanceof MappingNode mapping)) {
                throw error(entry, "each source must be a mapping with id, title, url");
            }
            Map<String, Node> values = new LinkedHashMap<>();
            for (NodeTuple tuple : mapping.getValue()) {
                String key = scalar(tuple.getKeyNode(), "key");
                if (values.put(key, tuple.getValueNode()) != null) {
                    throw error(tuple.getKeyNode(), "key '" + key + "' given twice");
                }
            }
            String id = required(entry, values, "id", "source");
            if (!SLUG.matcher(id).matches() || id.length() > 100) {
                throw error(
                        values.get("id"),
                        "source '" + id + "': id must be a slug (lower-case letters, digits, hyphens)");
            }
            String name = "source '" + id + "'";
            for (Map.Entry<String, Node> value : values.entrySet()) {
                if (!KEYS.contains(value.getKey())) {
                    throw error(
                            value.getValue(),
                            name + ": unknown key '" + value.getKey() + "' (allowed: "
                                    + String.join(", ", KEYS.stream().sorted().toList()) + ")");
                }
            }
            String title = required(entry, values, "title", name);
            URI url = url(values.get("url"), required(entry, values, "url", name), name);
            boolean remote = Source.isRemote(url);
            Duration interval = interval(values.get("interval"), name, remote);
            boolean enabled = enabled(values.get("enabled"), name);
            SourceKind kind = kind(values.get("kind"), name);
            return new Source(id, title, url, interval, enabled, kind);
        }

        private URI url(Node node, String text, String name) {
            URI uri;
            try {
                uri = new URI(text.trim());
            } catch (URISyntaxException e) {
                throw error(node, name + ": malformed url '" + text + "': " + e.getReason());
            }
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
            switch (scheme) {
                case "http", "https" -> {
                    if (uri.getHost() == null || uri.getHost().isBlank()) {
                        throw error(node, name + ": malformed url '" + text + "': no host");
                    }
                    // One spelling of the scheme, so "HTTP://" is remote everywhere (minimum interval included).
                    return URI.create(
                            scheme + uri.toString().substring(uri.getScheme().length()));
                }
                case "file" -> {
                    String path = uri.isOpaque() ? uri.getSchemeSpecificPart() : uri.getPath();
                    if (path == null || path.isBlank()) {
                        throw error(node, name + ": malformed url '" + text + "': no path");
                    }
                    Path resolved = folder.resolve(path).normalize();
                    // "Relative to this file" is a promise: a sources file never reads the rest of the disk.
                    if (!resolved.startsWith(folder)) {
                        throw error(
                                node,
                                name + ": file url '" + text + "' leads outside " + folder
                                        + " (file: sources must be inside the folder of the sources file)");
                    }
                    return resolved.toUri();
                }
                default -> throw error(node, name + ": url '" + text + "' must use http, https or file");
            }
        }

        private Duration interval(Node node, String name, boolean remote) {
            if (node == null) {
                return Source.DEFAULT_INTERVAL;
            }
            String text = scalar(node, "interval");
            Duration interval;
            try {
                interval = Duration.parse(text.trim());
            } catch (DateTimeParseException e) {
                throw error(
                        node, name + ": malformed interval '" + text + "' (use an ISO-8601 duration such as PT30M)");
            }
            if (interval.isNegative() || interval.isZero()) {
                throw error(node, name + ": interval '" + text + "' must be positive");
            }
            if (remote && interval.compareTo(minimumHttpInterval) < 0) {
                throw error(
                        node,
                        name + ": interval '" + text + "' is below the minimum of " + minimumHttpInterval
                                + " for http sources");
            }
            return interval;
        }

        private boolean enabled(Node node, String name) {
            if (node == null) {
                return true;
            }
            String text = scalar(node, "enabled");
            return switch (text) {
                case "true" -> true;
                case "false" -> false;
                default -> throw error(node, name + ": enabled must be true or false, not '" + text + "'");
            };
        }

        private SourceKind kind(Node node, String name) {
            if (node == null) {
                return null;
            }
            String text = scalar(node, "kind");
            return SourceKind.fromSlug(text)
                    .orElseThrow(() -> error(
                            node,
                            name + ": unknown kind '" + text + "' (one of "
                                    + String.join(
                                            ", ",
                                            java.util.Arrays.stream(SourceKind.values())
                                                    .map(SourceKind::slug)
                                                    .toList())
                                    + ")"));
        }

        private String required(Node entry, Map<String, Node> values, String key, String name) {
            Node node = values.get(key);
            if (node == null) {
                throw error(entry, name + ": missing required key '" + key + "'");
            }
            String text = scalar(node, key);
            if (text.isBlank()) {
                throw error(node, name + ": '" + key + "' must not be empty");
            }
            return text;
        }

        private String scalar(Node node, String what) {
            if (node instanceof ScalarNode scalar) {
                return scalar.getValue();
            }
            throw error(node, what + " must be a single value");
        }

        private SourcesFileException error(Node node, String problem) {
            return new SourcesFileException(file + " line " + line(node) + ": " + problem);
        }

        private static int line(Node node) {
            return node == null ? 0 : node.getStartMark().getLine() + 1;
        }
    }
}
