package org.her2feeds.sources;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.her2feeds.yaml.YamlDocument;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads a sources file strictly: every error names the file, the line and the source at fault, and a typo in a key
 * is an error, not a silent default (see {@link YamlDocument}).
 */
public final class SourcesFileReader {

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
        YamlDocument doc = YamlDocument.read(file, SourcesFileException::new);
        return new FileContext(file, doc, minimumHttpInterval).sources(doc.root());
    }

    private static final class FileContext {
        private final YamlDocument doc;
        private final Path folder;
        private final Duration minimumHttpInterval;

        FileContext(Path file, YamlDocument doc, Duration minimumHttpInterval) {
            this.doc = doc;
            this.minimumHttpInterval = minimumHttpInterval;
            Path parent = file.toAbsolutePath().getParent();
            this.folder = (parent == null ? Path.of("").toAbsolutePath() : parent).normalize();
        }

        List<Source> sources(Node root) {
            if (!(root instanceof MappingNode mapping)) {
                throw doc.error(root, "the file must be a mapping with a top-level 'sources:' list");
            }
            Node list = null;
            for (NodeTuple tuple : mapping.getValue()) {
                String key = doc.scalar(tuple.getKeyNode(), "the file", "top-level key");
                if (!"sources".equals(key)) {
                    throw doc.error(tuple.getKeyNode(), "unknown top-level key '" + key + "' (expected 'sources')");
                }
                list = tuple.getValueNode();
            }
            if (list == null) {
                throw doc.error(root, "missing top-level 'sources:' list");
            }
            if (list instanceof ScalarNode scalar && scalar.getValue().isEmpty()) {
                return List.of();
            }
            if (!(list instanceof SequenceNode sequence)) {
                throw doc.error(list, "'sources' must be a list of entries");
            }
            List<Source> sources = new ArrayList<>();
            Map<String, Integer> lineById = new HashMap<>();
            for (Node entry : sequence.getValue()) {
                Source source = source(entry);
                Integer earlier = lineById.putIfAbsent(source.id(), YamlDocument.line(entry));
                if (earlier != null) {
                    throw doc.error(
                            entry,
                            "source '" + source.id() + "': duplicate id (first defined at line " + earlier + ")");
                }
                sources.add(source);
            }
            return List.copyOf(sources);
        }

        private Source source(Node entry) {
            if (!(entry instanceof MappingNode)) {
                throw doc.error(entry, "each source must be a mapping with id, title, url");
            }
            String peeked = YamlDocument.peek(entry, "id");
            String name = peeked == null ? "source" : "source '" + peeked + "'";
            Map<String, NodeTuple> fields = doc.mapping(entry, name, KEYS);
            String id = doc.required(fields, entry, "source", "id");
            if (!YamlDocument.isSlug(id) || id.length() > 100) {
                throw doc.error(
                        fields.get("id").getValueNode(),
                        "source '" + id + "': id must be a slug (lower-case letters, digits, hyphens)");
            }
            String title = doc.required(fields, entry, name, "title");
            URI url = url(value(fields, "url"), doc.required(fields, entry, name, "url"), name);
            boolean remote = Source.isRemote(url);
            Duration interval = interval(value(fields, "interval"), name, remote);
            boolean enabled = enabled(value(fields, "enabled"), name);
            SourceKind kind = kind(value(fields, "kind"), name);
            return new Source(id, title, url, interval, enabled, kind);
        }

        private URI url(Node node, String text, String name) {
            URI uri;
            try {
                uri = new URI(text.trim());
            } catch (URISyntaxException e) {
                throw doc.error(node, name + ": malformed url '" + text + "': " + e.getReason());
            }
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
            switch (scheme) {
                case "http", "https" -> {
                    if (uri.getHost() == null || uri.getHost().isBlank()) {
                        throw doc.error(node, name + ": malformed url '" + text + "': no host");
                    }
                    // One spelling of the scheme, so "HTTP://" is remote everywhere (minimum interval included).
                    return URI.create(
                            scheme + uri.toString().substring(uri.getScheme().length()));
                }
                case "file" -> {
                    String path = uri.isOpaque() ? uri.getSchemeSpecificPart() : uri.getPath();
                    if (path == null || path.isBlank()) {
                        throw doc.error(node, name + ": malformed url '" + text + "': no path");
                    }
                    Path resolved = folder.resolve(path).normalize();
                    // "Relative to this file" is a promise: a sources file never reads the rest of the disk.
                    if (!resolved.startsWith(folder)) {
                        throw doc.error(
                                node,
                                name + ": file url '" + text + "' leads outside " + folder
                                        + " (file: sources must be inside the folder of the sources file)");
                    }
                    return resolved.toUri();
                }
                default -> throw doc.error(node, name + ": url '" + text + "' must use http, https or file");
            }
        }

        private Duration interval(Node node, String name, boolean remote) {
            if (node == null) {
                return Source.DEFAULT_INTERVAL;
            }
            String text = doc.scalar(node, name, "interval");
            Duration interval;
            try {
                interval = Duration.parse(text.trim());
            } catch (DateTimeParseException e) {
                throw doc.error(
                        node, name + ": malformed interval '" + text + "' (use an ISO-8601 duration such as PT30M)");
            }
            if (interval.isNegative() || interval.isZero()) {
                throw doc.error(node, name + ": interval '" + text + "' must be positive");
            }
            if (remote && interval.compareTo(minimumHttpInterval) < 0) {
                throw doc.error(
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
            String text = doc.scalar(node, name, "enabled");
            return switch (text) {
                case "true" -> true;
                case "false" -> false;
                default -> throw doc.error(node, name + ": enabled must be true or false, not '" + text + "'");
            };
        }

        private SourceKind kind(Node node, String name) {
            if (node == null) {
                return null;
            }
            String text = doc.scalar(node, name, "kind");
            return SourceKind.fromSlug(text)
                    .orElseThrow(() -> doc.error(
                            node, name + ": unknown kind '" + text + "' (one of " + SourceKind.slugs() + ")"));
        }

        private static Node value(Map<String, NodeTuple> fields, String key) {
            NodeTuple entry = fields.get(key);
            return entry == null ? null : entry.getValueNode();
        }
    }
}
