package org.her2feeds.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.util.unit.DataSize;

/** The her2.fetch.* settings: documented defaults, relaxed binding, and refusal of nonsense values. */
class FetchPropertiesBindingTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(FetchProperties.class)
    @Import(FeedFetcher.class)
    static class FetchConfig {}

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(FetchConfig.class)
            .withBean(Clock.class, Clock::systemUTC);

    @Test
    void defaultsAreSafeForProduction() {
        runner.run(context -> {
            FetchProperties props = context.getBean(FetchProperties.class);
            assertThat(props.connectTimeout()).isEqualTo(Duration.ofSeconds(10));
            assertThat(props.totalTimeout()).isEqualTo(Duration.ofSeconds(60));
            assertThat(props.maxBodySize()).isEqualTo(DataSize.ofMegabytes(10));
            assertThat(props.userAgent()).isEqualTo("HER2Feeds/0.1 (+https://github.com/her2feeds)");
            assertThat(props.maxConcurrentPerHost()).isEqualTo(2);
            assertThat(props.allowPrivateAddresses()).isFalse();
            assertThat(props.maxRedirects()).isEqualTo(5);
            assertThat(context).hasSingleBean(FeedFetcher.class);
        });
    }

    @Test
    void settingsBindFromProperties() {
        runner.withPropertyValues(
                        "her2.fetch.total-timeout=5s",
                        "her2.fetch.max-body-size=2MB",
                        "her2.fetch.max-concurrent-per-host=4",
                        "her2.fetch.allow-private-addresses=true")
                .run(context -> {
                    FetchProperties props = context.getBean(FetchProperties.class);
                    assertThat(props.totalTimeout()).isEqualTo(Duration.ofSeconds(5));
                    assertThat(props.maxBodySize()).isEqualTo(DataSize.ofMegabytes(2));
                    assertThat(props.maxConcurrentPerHost()).isEqualTo(4);
                    assertThat(props.allowPrivateAddresses()).isTrue();
                });
    }

    @Test
    void nonsenseValuesStopTheApplication() {
        runner.withPropertyValues("her2.fetch.max-concurrent-per-host=0", "her2.fetch.total-timeout=0s")
                .run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("her2.fetch");
                    String failure = stackText(context.getStartupFailure());
                    assertThat(failure).contains("maxConcurrentPerHost").contains("totalTimeout");
                });
    }

    private static String stackText(Throwable failure) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            text.append(t.getMessage()).append('\n');
        }
        return text.toString();
    }
}
