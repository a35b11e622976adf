package org.her2feeds.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The rule for when never-fetched sources are first fetched: evenly spread over a window that grows with them. */
class FirstFetchSpreadTest {

    static final Instant NOW = Instant.parse("2026-12-06T04:00:00Z");
    final FirstFetchSpread spread = new FirstFetchSpread(Duration.ofMinutes(1), Duration.ofMillis(200));

    @Test
    void aFewSourcesShareTheMinimumWindowAndManyWidenItByTheSpacingEach() {
        assertThat(spread.window(1)).isEqualTo(Duration.ofMinutes(1));
        assertThat(spread.window(300)).isEqualTo(Duration.ofMinutes(1));
        assertThat(spread.window(301)).isEqualTo(Duration.ofMillis(60_200));
        // 100,000 new sources: five first fetches a second over 5.6 hours, not 1,667 a second for a minute.
        assertThat(spread.window(100_000)).isEqualTo(Duration.ofSeconds(20_000));
    }

    @Test
    void everyNewcomerHasItsOwnMomentInsideTheWindowNoneAtItsEdges() {
        for (int newcomers : new int[] {1, 2, 299, 300, 301, 100_000}) {
            Instant end = NOW.plus(spread.window(newcomers));
            List<Instant> slots = new ArrayList<>();
            for (int i = 0; i < newcomers; i++) {
                slots.add(spread.slot(NOW, i, newcomers));
            }
            assertThat(slots).as("%d newcomers", newcomers).isSorted().doesNotHaveDuplicates();
            assertThat(slots.get(0)).isAfter(NOW);
            assertThat(slots.get(newcomers - 1)).isBefore(end);
        }
    }

    @Test
    void theSlotsAreEvenSoNoMinuteGetsMoreThanItsShare() {
        int newcomers = 100_000;
        int[] perMinute = new int[(int) spread.window(newcomers).toMinutes() + 1];
        for (int i = 0; i < newcomers; i++) {
            perMinute[
                    (int) Duration.between(NOW, spread.slot(NOW, i, newcomers)).toMinutes()]++;
        }
        // 300 a minute at 200 ms each; the last, partial minute has fewer.
        for (int minute = 0; minute < perMinute.length - 1; minute++) {
            assertThat(perMinute[minute]).as("minute %d", minute).isBetween(299, 301);
        }
    }

    @Test
    void aSlotOutsideTheNewcomersIsAMistake() {
        assertThatThrownBy(() -> spread.slot(NOW, 3, 3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> spread.slot(NOW, -1, 3)).isInstanceOf(IllegalArgumentException.class);
    }
}
