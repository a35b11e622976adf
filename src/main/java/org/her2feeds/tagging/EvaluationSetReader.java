package org.her2feeds.tagging;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/** Reads a labelled evaluation set (format described in src/test/resources/tagging/LABELLING.md). */
final class EvaluationSetReader {

    private EvaluationSetReader() {}

    /** The items of a labelled set (a YAML mapping with a list under {@code items}), as SnakeYAML reads them. */
    static List<?> items(Path file) {
        Object root;
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
        } catch (IOException | YAMLException e) {
            throw new IllegalArgumentException(file + ": cannot read the evaluation set (" + e.getMessage() + ")", e);
        }
        if (!(root instanceof Map<?, ?> top) || !(top.get("items") instanceof List<?> items)) {
            throw new IllegalArgumentException(file + ": expected a mapping with a list under 'items'");
        }
        return items;
    }

    static List<LabelledArticle> read(Path file, Set<String> knownTopics) {
        List<?> items = items(file);
        List<LabelledArticle> articles = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (Object item : items) {
            if (!(item instanceof Map<?, ?> fields)) {
                throw new IllegalArgumentException(file + ": every item must be a mapping, found " + item);
            }
            String id = text(file, fields, "id", "item");
            String where = "item '" + id + "'";
            if (!ids.add(id)) {
                throw new IllegalArgumentException(file + ": duplicate " + where);
            }
            if (!(fields.get("relevant") instanceof Boolean relevant)) {
                throw new IllegalArgumentException(file + ": " + where + ": 'relevant' must be true or false");
            }
            Set<String> topics = new LinkedHashSet<>(strings(file, fields, "topics", where));
            for (String topic : topics) {
                if (!knownTopics.contains(topic)) {
                    throw new IllegalArgumentException(file + ": " + where + ": unknown topic '" + topic + "'");
                }
            }
            Object content = fields.get("content");
            TaggableText text = new TaggableText(
                    text(file, fields, "title", where),
                    text(file, fields, "summary", where),
                    content == null ? "" : text(file, fields, "content", where),
                    strings(file, fields, "categories", where));
            Object why = fields.get("why");
            articles.add(
                    new LabelledArticle(id, text, relevant, Set.copyOf(topics), why == null ? "" : why.toString()));
        }
        return articles;
    }

    private static String text(Path file, Map<?, ?> fields, String key, String where) {
        Object value = fields.get(key);
        if (value == null || value instanceof Map || value instanceof List) {
            throw new IllegalArgumentException(file + ": " + where + ": '" + key + "' must be a text");
        }
        return value.toString();
    }

    private static List<String> strings(Path file, Map<?, ?> fields, String key, String where) {
        Object value = fields.get(key);
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> list)) {
            throw new IllegalArgumentException(file + ": " + where + ": '" + key + "' must be a list");
        }
        return list.stream().map(String::valueOf).toList();
    }
}
