package org.her2feeds.tagging;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Grouping compares an arriving article only with the candidates the index finds: every pair the rules link must
 * be among them, whichever of the two arrives last, or a story loses a member it had when all pairs were compared.
 */
class StoryCandidatesTest {

    private final Tagger tagger = Tagger.fromFiles(Path.of("config/topics.yml"), Path.of("config/evidence.yml"));
    private final StoryLinks links = new StoryLinks(Path.of("config/stories.yml"));

    @ParameterizedTest
    @ValueSource(strings = {"evidence-tuning.yml", "evidence-tuning-2.yml", "evidence-tuning-3.yml"})
    void everyPairTheRulesLinkIsAmongTheCandidates(String set) {
        List<Optional<StoryProfile>> profiles =
                EvidenceEvaluation.profiles(tagger, links, Path.of("src/test/resources/evidence", set));
        List<String> missed = new ArrayList<>();
        int linked = 0;
        int compared = 0;
        for (int arriving = 0; arriving < profiles.size(); arriving++) {
            if (profiles.get(arriving).isEmpty()) {
                continue;
            }
            StoryProfile profile = profiles.get(arriving).get();
            StoryCandidates<Integer> stored = links.candidates();
            for (int other = 0; other < profiles.size(); other++) {
                if (other != arriving && profiles.get(other).isPresent()) {
                    stored.add(other, profiles.get(other).get());
                }
            }
            List<Integer> candidates = stored.of(profile);
            compared += candidates.size();
            for (int other = 0; other < profiles.size(); other++) {
                if (other == arriving || profiles.get(other).isEmpty()) {
                    continue;
                }
                if (links.link(profiles.get(other).get(), profile).isPresent()) {
                    linked++;
                    if (!candidates.contains(other)) {
                        missed.add(other + " for " + arriving);
                    }
                }
            }
        }
        assertThat(linked).as("linked pairs in %s", set).isPositive();
        assertThat(missed).as("linked pairs the index did not offer").isEmpty();
        // And it does narrow the comparison: far fewer candidates than all pairs.
        assertThat(compared).isLessThan(profiles.size() * profiles.size() / 2);
        System.out.printf(
                "[stories] %s: %d linked (directed), %d candidates offered of %d%n",
                set, linked, compared, profiles.size() * (profiles.size() - 1));
    }
}
