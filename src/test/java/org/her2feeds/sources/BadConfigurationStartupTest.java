package org.her2feeds.sources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.file.Files;
import java.nio.file.Path;
import org.her2feeds.Her2FeedsApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.NestedExceptionUtils;

/** A bad configuration file stops start-up, and the operator reads one message: file, entry or line, problem. */
class BadConfigurationStartupTest {

    @TempDir
    Path dir;

    @Test
    void aBadSourcesFileStopsStartUpWithOneMessage() throws Exception {
        Path sources = dir.resolve("sources.yml");
        Files.writeString(
                sources,
                "sources:\n  - id: fda\n    title: FDA\n    url: https://www.fda.gov/rss.xml\n    intervall: PT30M\n");
        Throwable failure = catchThrowable(() -> start("--her2.sources-file=" + sources));
        Throwable root = NestedExceptionUtils.getMostSpecificCause(failure);
        assertThat(root)
                .isInstanceOf(SourcesFileException.class)
                .hasMessage(sources
                        + " line 5: source 'fda': unknown key 'intervall' (allowed: enabled, id, interval, "
                        + "kind, title, url)");
        FailureAnalysis analysis = new SourcesFileFailureAnalyzer().analyze(failure);
        assertThat(analysis.getDescription()).isEqualTo(root.getMessage());
        assertThat(analysis.getAction()).contains("her2.sources-file");
    }

    @Test
    void aBadTopicsFileStopsStartUpNamingTheLine() throws Exception {
        Path topics = dir.resolve("topics.yml");
        Files.writeString(
                topics,
                Files.readString(Path.of("config/topics.yml"))
                        .replaceFirst("(?m)^    label: HER2 testing$", "    lable: HER2 testing"));
        Throwable failure = catchThrowable(() -> start("--her2.topics-file=" + topics));
        Throwable root = NestedExceptionUtils.getMostSpecificCause(failure);
        assertThat(root.getMessage()).startsWith(topics + " line ").contains("lable");
    }

    private void start(String argument) {
        new SpringApplicationBuilder(Her2FeedsApplication.class)
                .run(
                        "--spring.main.web-application-type=none",
                        "--spring.quartz.auto-startup=false",
                        "--her2.data-dir=" + dir.resolve("data"),
                        argument)
                .close();
    }
}
