package org.her2feeds.tagging;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.her2feeds.yaml.YamlDocument;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * The story grouping rules of {@code config/stories.yml} (the file's comments say what each one does), read once
 * and checked: a missing key, a number that is not a positive whole number or an empty list stops start-up with
 * a {@link TopicRulesException} naming the file and line.
 */
record StoryRules(
        int windowDays,
        int wordThreshold,
        int nearDays,
        int nearThreshold,
        Set<String> outsideStories,
        Set<String> noTrialLinks,
        Set<String> coverageTypes,
        List<String> decisionWords,
        List<String> resultWords,
        List<String> filingWords,
        List<String> previewWords,
        List<String> opinionWords,
        Set<String> analysisWords,
        int readoutDays,
        int guidelineDays,
        Set<String> guidelineWords,
        int versionThreshold,
        Map<String, List<String>> regulators,
        Map<String, List<String>> sites,
        Map<String, List<String>> settings,
        Map<String, List<String>> sponsors,
        Set<String> commonWords) {

    private static final Set<String> KEYS = Set.of(
            "window-days",
            "word-threshold",
            "near-days",
            "near-threshold",
            "outside-stories",
            "no-trial-links",
            "coverage-types",
            "decision-words",
            "result-words",
            "filing-words",
            "preview-words",
            "opinion-words",
            "analysis-words",
            "readout-days",
            "guideline-days",
            "guideline-words",
            "version-threshold",
            "regulators",
            "sites",
            "settings",
            "sponsors",
            "common-words");

    /**
     * Keys a file written before them may leave out: without sites, decisions are not told apart by site; without
     * filing words, a filing's news is read as a result or a decision; without a version threshold, a preprint and
     * its journal version are not linked by the words of their texts; without sponsors, an article that names no drug
     * has none; without preview words, a preview is read as a report of what it previews; without opinion words, an
     * advisory opinion or a draft is one event with the decision that follows it; without settings, decisions on one
     * site are not told apart by setting; without guideline days, a guideline's coverage must come within near-days.
     */
    private static final Set<String> OPTIONAL = Set.of(
            "sites",
            "settings",
            "analysis-words",
            "readout-days",
            "guideline-days",
            "guideline-words",
            "filing-words",
            "preview-words",
            "opinion-words",
            "version-threshold",
            "sponsors");

    static StoryRules read(Path file) {
        YamlDocument doc = YamlDocument.read(file, TopicRulesException::new);
        if (doc.root() == null) {
            throw doc.error("the file is empty; it must give the story rules");
        }
        Map<String, NodeTuple> fields = doc.mapping(doc.root(), "story rules", KEYS);
        for (String key : KEYS) {
            if (!fields.containsKey(key) && !OPTIONAL.contains(key)) {
                throw doc.error(doc.root(), "story rules: missing required key '" + key + "'");
            }
        }
        Map<String, List<String>> regulators = named(doc, fields.get("regulators"), "regulators", "regulator");
        Map<String, List<String>> sites =
                fields.containsKey("sites") ? named(doc, fields.get("sites"), "sites", "site") : Map.of();
        return new StoryRules(
                positive(doc, fields.get("window-days")),
                positive(doc, fields.get("word-threshold")),
                positive(doc, fields.get("near-days")),
                positive(doc, fields.get("near-threshold")),
                new LinkedHashSet<>(words(doc, fields.get("outside-stories"), "outside-stories")),
                new LinkedHashSet<>(words(doc, fields.get("no-trial-links"), "no-trial-links")),
                new LinkedHashSet<>(words(doc, fields.get("coverage-types"), "coverage-types")),
                words(doc, fields.get("decision-words"), "decision-words"),
                words(doc, fields.get("result-words"), "result-words"),
                fields.containsKey("filing-words") ? words(doc, fields.get("filing-words"), "filing-words") : List.of(),
                fields.containsKey("preview-words")
                        ? words(doc, fields.get("preview-words"), "preview-words")
                        : List.of(),
                fields.containsKey("opinion-words")
                        ? words(doc, fields.get("opinion-words"), "opinion-words")
                        : List.of(),
                fields.containsKey("analysis-words")
                        ? new LinkedHashSet<>(words(doc, fields.get("analysis-words"), "analysis-words"))
                        : Set.of(),
                // Without analysis words no two readouts are told apart, whatever the days between them.
                fields.containsKey("readout-days") ? positive(doc, fields.get("readout-days")) : Integer.MAX_VALUE,
                // Without guideline days a guideline's coverage is near it as any coverage is near its paper.
                fields.containsKey("guideline-days") ? positive(doc, fields.get("guideline-days")) : 0,
                fields.containsKey("guideline-words")
                        ? new LinkedHashSet<>(words(doc, fields.get("guideline-words"), "guideline-words"))
                        : Set.of(),
                fields.containsKey("version-threshold")
                        ? positive(doc, fields.get("version-threshold"))
                        : Integer.MAX_VALUE,
                regulators,
                sites,
                fields.containsKey("settings") ? named(doc, fields.get("settings"), "settings", "setting") : Map.of(),
                fields.containsKey("sponsors") ? sponsors(doc, fields.get("sponsors")) : Map.of(),
                new LinkedHashSet<>(words(doc, fields.get("common-words"), "common-words")));
    }

    /** A mapping of slugs to their words ("fda: [fda, u.s.]"). */
    private static Map<String, List<String>> named(YamlDocument doc, NodeTuple field, String key, String what) {
        Map<String, List<String>> named = new LinkedHashMap<>();
        doc.mapping(field.getValueNode(), key, null).forEach((name, tuple) -> {
            if (!YamlDocument.isSlug(name)) {
                throw doc.error(tuple.getKeyNode(), key + ": '" + name + "' must be a lower-case slug");
            }
            named.put(name, words(doc, tuple, what + " '" + name + "'"));
        });
        return Map.copyOf(named);
    }

    /**
     * Drugs by their name as the evidence rules give it ("trastuzumab deruxtecan"), and the words that name the
     * companies behind them ("daiichi sankyo"): a name that is no drug of the evidence rules is never read.
     */
    private static Map<String, List<String>> sponsors(YamlDocument doc, NodeTuple field) {
        Map<String, List<String>> sponsors = new LinkedHashMap<>();
        doc.mapping(field.getValueNode(), "sponsors", null).forEach((drug, tuple) -> {
            if (drug.isBlank() || !drug.equals(drug.strip().toLowerCase(Locale.ROOT))) {
                throw doc.error(tuple.getKeyNode(), "sponsors: '" + drug + "' must be a drug's name in lower case");
            }
            sponsors.put(drug, words(doc, tuple, "sponsors of '" + drug + "'"));
        });
        return Map.copyOf(sponsors);
    }

    private static int positive(YamlDocument doc, NodeTuple tuple) {
        String key = doc.scalar(tuple.getKeyNode(), "story rules", "key");
        String value = doc.scalar(tuple.getValueNode(), "story rules", key).strip();
        try {
            int number = Integer.parseInt(value);
            if (number > 0) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw doc.error(tuple.getValueNode(), "'" + key + "' must be a whole number above 0, not '" + value + "'");
    }

    private static List<String> words(YamlDocument doc, NodeTuple tuple, String context) {
        if (!(tuple.getValueNode() instanceof SequenceNode list)
                || list.getValue().isEmpty()) {
            throw doc.error(tuple.getValueNode(), context + " must be a list of at least one word");
        }
        List<String> words = new ArrayList<>();
        for (Node item : list.getValue()) {
            String word = doc.scalar(item, context, "item").strip().toLowerCase(Locale.ROOT);
            if (word.isEmpty()) {
                throw doc.error(item, context + ": an empty word");
            }
            words.add(word);
        }
        return List.copyOf(words);
    }
}
