package org.her2feeds.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.her2feeds.Her2FeedsApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.core.NestedExceptionUtils;

/** A hub address that is not an absolute http(s) URL stops start-up with a message naming the property. */
class WebSubConfigurationTest {

    @TempDir
    Path dir;

    @Test
    void aHubThatIsNoHttpUrlStopsStartUpNamingTheProperty() {
        Throwable failure = catchThrowable(() -> new SpringApplicationBuilder(Her2FeedsApplication.class)
                .run(
                        "--spring.main.web-application-type=none",
                        "--spring.quartz.auto-startup=false",
                        "--her2.data-dir=" + dir.resolve("data"),
                        "--her2.publish.websub.hub=hub.example.org/publish")
                .close());
        assertThat(NestedExceptionUtils.getMostSpecificCause(failure))
                .hasMessage("her2.publish.websub.hub must be an absolute http or https URL, not "
                        + "'hub.example.org/publish'");
    }

    @Test
    void theHubIsOffWhenAbsentOrBlankAndMustBeHttp() {
        assertThat(properties(null).enabled()).isFalse();
        assertThat(properties(URI.create("")).enabled()).isFalse();
        assertThat(properties(URI.create("https://hub.example.org/")).enabled()).isTrue();
        assertThatThrownBy(() -> properties(URI.create("ftp://hub.example.org/")))
                .hasMessageContaining("her2.publish.websub.hub");
        assertThatThrownBy(() -> properties(URI.create("https:///publish")))
                .hasMessageContaining("her2.publish.websub.hub");
    }

    private static WebSubProperties properties(URI hub) {
        return new WebSubProperties(hub, Duration.ofSeconds(1), 1, Duration.ofSeconds(1));
    }
}
