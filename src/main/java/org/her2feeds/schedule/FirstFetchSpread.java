package org.her2feeds.schedule;

import java.time.Duration;
import java.time.Instant;

/**
 * When the sources that have never been fetched (or are overdue after downtime) are fetched first: spread evenly
 * over a window that grows with how many there are, so that 100,000 new sources do not all fall due in the first
 * minute (the four fetch threads would then spend hours behind, every fetch a misfire). The window is
 * {@code max(minimumWindow, newcomers × spacing)}: a handful of sources are all fetched within the minimum window,
 * and a large list at one first fetch per {@code spacing}, which at the default 200 ms is about twice the steady
 * rate of 100,000 sources fetched every 6 to 24 hours.
 *
 * @param minimumWindow the window however few newcomers there are
 * @param spacing the time each newcomer adds to the window once there are enough of them to fill it
 */
record FirstFetchSpread(Duration minimumWindow, Duration spacing) {

    /** How long after start-up the last of {@code newcomers} sources is fetched at the latest. */
    Duration window(int newcomers) {
        Duration grown = spacing.multipliedBy(newcomers);
        return grown.compareTo(minimumWindow) > 0 ? grown : minimumWindow;
    }

    /**
     * The first fetch of the {@code index}-th (from 0) of {@code newcomers} sources: evenly spaced inside the
     * window, none at its very start (start-up is still busy then) and none at its end.
     */
    Instant slot(Instant now, int index, int newcomers) {
        if (index < 0 || index >= newcomers) {
            throw new IllegalArgumentException("newcomer " + index + " of " + newcomers);
        }
        long windowMillis = window(newcomers).toMillis();
        return now.plusMillis(windowMillis * (index + 1) / (newcomers + 1));
    }
}
