package org.her2feeds.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.her2feeds.sources.Source;
import org.her2feeds.store.SourceState;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

class SourcesHealthTest {

    private final List<Source> active = List.of(source("a"), source("b"), source("c"), source("d"));

    @Test
    void upWhileAtMostTheConfiguredShareIsFailing() {
        Health health = SourcesHealth.assess(active, Map.of("a", failing("a"), "b", failing("b"), "c", ok("c")), 0.5);
        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat(health.getDetails()).containsEntry("active", 4).containsEntry("failing", 2);
    }

    @Test
    void warningWhenMoreThanTheShareIsFailing() {
        Health health =
                SourcesHealth.assess(active, Map.of("a", failing("a"), "b", failing("b"), "c", failing("c")), 0.5);
        assertThat(health.getStatus().getCode()).isEqualTo("WARNING");
        assertThat(health.getDetails().get("failingSources")).asString().contains("a", "b", "c", "HTTP 500");
    }

    @Test
    void downWhenEveryActiveSourceIsFailing() {
        Health health = SourcesHealth.assess(
                active, Map.of("a", failing("a"), "b", failing("b"), "c", failing("c"), "d", failing("d")), 0.5);
        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
    }

    @Test
    void sourcesNeverFetchedAndAnEmptyListAreNotFailures() {
        assertThat(SourcesHealth.assess(active, Map.of(), 0.0).getStatus()).isEqualTo(Status.UP);
        assertThat(SourcesHealth.assess(List.of(), Map.of(), 0.5).getStatus()).isEqualTo(Status.UP);
    }

    private static Source source(String id) {
        return new Source(id, id, URI.create("https://" + id + ".example/feed"), Duration.ofMinutes(30), true, null);
    }

    private static SourceState ok(String id) {
        return new SourceState(id, null, null, null, null, null, null, 200, null, 0, null, null, null, 0);
    }

    private static SourceState failing(String id) {
        return new SourceState(
                id, null, null, null, null, null, null, 500, "HttpStatus: HTTP 500", 3, null, null, null, 0);
    }
}
