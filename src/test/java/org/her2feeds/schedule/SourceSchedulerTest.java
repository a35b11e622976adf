package org.her2feeds.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.her2feeds.Her2FeedsApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SimpleTrigger;
import org.quartz.Trigger;
import org.quartz.impl.matchers.GroupMatcher;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** At start-up the persistent schedule follows the sources file: added, removed, disabled and changed sources. */
class SourceSchedulerTest {

    @TempDir
    Path dir;

    @Test
    void theScheduleIsBroughtInLineWithTheSourcesFileAtEachStart() throws Exception {
        Path sources = dir.resolve("sources.yml");
        Files.writeString(
                sources, sources("a", "PT30M", true) + sources("b", "PT1H", true) + sources("c", "PT1H", false));
        Instant started = Instant.now();
        try (ConfigurableApplicationContext app = start(sources)) {
            // The schedule was made during start-up, however long that took on a busy machine.
            Instant ready = Instant.now();
            Map<String, SimpleTrigger> triggers = triggers(app.getBean(Scheduler.class));
            assertThat(triggers).containsOnlyKeys("a", "b");
            assertThat(Duration.ofMillis(triggers.get("a").getRepeatInterval())).isEqualTo(Duration.ofMinutes(30));
            // Never fetched: due within the first minute, each at its own moment.
            assertThat(triggers.values())
                    .allSatisfy(trigger -> assertThat(trigger.getNextFireTime().toInstant())
                            .isBetween(started, ready.plus(Duration.ofMinutes(1))));
            assertThat(triggers.get("a").getNextFireTime())
                    .isNotEqualTo(triggers.get("b").getNextFireTime());
            assertThat(triggers.get("a").getMisfireInstruction())
                    .isEqualTo(SimpleTrigger.MISFIRE_INSTRUCTION_RESCHEDULE_NOW_WITH_EXISTING_REPEAT_COUNT);
        }

        Files.writeString(
                sources, sources("a", "PT2H", true) + sources("c", "PT1H", true) + sources("d", "PT45M", true));
        try (ConfigurableApplicationContext app = start(sources)) {
            Scheduler scheduler = app.getBean(Scheduler.class);
            Map<String, SimpleTrigger> triggers = triggers(scheduler);
            assertThat(triggers).containsOnlyKeys("a", "c", "d");
            assertThat(Duration.ofMillis(triggers.get("a").getRepeatInterval())).isEqualTo(Duration.ofHours(2));
            assertThat(Duration.ofMillis(triggers.get("d").getRepeatInterval())).isEqualTo(Duration.ofMinutes(45));
            assertThat(scheduler.getJobKeys(GroupMatcher.jobGroupEquals("sources")))
                    .extracting(JobKey::getName)
                    .containsExactlyInAnyOrder("a", "c", "d");
        }
    }

    @Test
    void manyNewSourcesAreFirstFetchedOverAWindowThatGrowsWithThem() throws Exception {
        Path sources = dir.resolve("sources.yml");
        StringBuilder content = new StringBuilder();
        int count = 1_000;
        for (int i = 0; i < count; i++) {
            content.append(sources("s" + i, "PT6H", true));
        }
        Files.writeString(sources, content.toString());
        Instant started = Instant.now();
        try (ConfigurableApplicationContext app = start(sources)) {
            Instant ready = Instant.now();
            List<Instant> firsts = triggers(app.getBean(Scheduler.class)).values().stream()
                    .map(trigger -> trigger.getNextFireTime().toInstant())
                    .sorted()
                    .toList();
            assertThat(firsts).hasSize(count).doesNotHaveDuplicates();
            // 1,000 newcomers at the default 200 ms each: a window of 200 s, not the one-minute minimum, so the
            // four fetch threads are never handed a thousand sources at once.
            Duration window = Duration.ofMillis(200L * count);
            assertThat(firsts.get(count - 1)).isBetween(started.plus(window.minusSeconds(1)), ready.plus(window));
            long inFirstMinute = firsts.stream()
                    .filter(first -> first.isBefore(ready.plus(Duration.ofMinutes(1))))
                    .count();
            assertThat(inFirstMinute).isLessThan(count / 2);
        }
    }

    private static Map<String, SimpleTrigger> triggers(Scheduler scheduler) throws Exception {
        Map<String, SimpleTrigger> triggers = new TreeMap<>();
        for (JobKey job : scheduler.getJobKeys(GroupMatcher.jobGroupEquals("sources"))) {
            for (Trigger trigger : scheduler.getTriggersOfJob(job)) {
                triggers.put(job.getName(), (SimpleTrigger) trigger);
            }
        }
        return triggers;
    }

    private static String sources(String id, String interval, boolean enabled) {
        return """
                  - id: %s
                    title: Source %s
                    url: https://%s.example.org/feed.xml
                    interval: %s
                    enabled: %s
                """.formatted(id, id, id, interval, enabled);
    }

    private ConfigurableApplicationContext start(Path sources) throws Exception {
        String content = Files.readString(sources);
        if (!content.startsWith("sources:")) {
            Files.writeString(sources, "sources:\n" + content);
        }
        // The scheduler is not started, so nothing is fetched: only the schedule itself is under test.
        return new SpringApplicationBuilder(Her2FeedsApplication.class)
                .run(
                        "--spring.main.web-application-type=none",
                        "--spring.quartz.auto-startup=false",
                        "--her2.data-dir=" + dir.resolve("data"),
                        "--her2.sources-file=" + sources);
    }
}
