package org.her2feeds.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;
import org.her2feeds.tagging.StoryProfile;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The same profile is stored as the same bytes, however its sets were built: an export of two runs over the same
 * feeds compares with {@code diff}. And what is stored reads back as the profile that was written.
 */
class StoredProfilesTest {

    private final JsonMapper json = JsonMapper.builder().build();
    private final StoredProfiles profiles = new StoredProfiles(json);

    @Test
    void theSameProfileIsTheSameBytesWhicheverOrderItsSetsWereBuiltIn() {
        List<String> words = IntStream.range(0, 200).mapToObj(i -> "word" + i).toList();
        List<String> ids =
                IntStream.range(0, 40).mapToObj(i -> "10.5555/x." + i).toList();
        String first = profiles.write(profile(words, ids));
        Random shuffles = new Random(7);
        for (int i = 0; i < 20; i++) {
            assertThat(profiles.write(profile(shuffled(words, shuffles), shuffled(ids, shuffles))))
                    .isEqualTo(first);
        }
        JsonNode stored = json.readTree(first);
        assertThat(texts(stored.get("words")))
                .as("written sorted, not in hash order (which the JVM changes from run to run)")
                .isSortedAccordingTo(String::compareTo)
                .hasSize(200);
        assertThat(texts(stored.get("citedIds")))
                .isSortedAccordingTo(String::compareTo)
                .hasSize(40);
        assertThat(first).contains("\"trials\":[\"NCT01\",\"NCT02\",\"NCT03\"]");
    }

    @Test
    void whatIsStoredReadsBackAsTheProfileWritten() {
        StoryProfile profile = profile(List.of("her2", "breast", "trastuzumab"), List.of("10.5555/b", "10.5555/a"));
        assertThat(json.readValue(profiles.write(profile), StoryProfile.class)).isEqualTo(profile);
    }

    private static StoryProfile profile(List<String> words, List<String> ids) {
        return new StoryProfile(
                Instant.parse("2026-06-01T08:00:00Z"),
                "nejm",
                "journal",
                "trial-result",
                "",
                Set.of(),
                new LinkedHashSet<>(List.of("NCT03", "NCT01", "NCT02")),
                Set.of("trastuzumab deruxtecan", "pertuzumab"),
                Set.of("10.5555/own"),
                new LinkedHashSet<>(ids),
                "title key",
                "text key",
                Set.of("trastuzumab", "deruxtecan", "pertuzumab", "survival"),
                new LinkedHashSet<>(words),
                Set.of("DESTINY-Breast09"),
                Set.of("12.5", "0.71"),
                Set.of(),
                Set.of("ASCO"),
                Set.of("metastatic"));
    }

    private static List<String> shuffled(List<String> values, Random random) {
        List<String> copy = new ArrayList<>(values);
        Collections.shuffle(copy, random);
        return copy;
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asString()));
        return texts;
    }
}
