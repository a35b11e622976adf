package org.her2feeds.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.her2feeds.Her2FeedsApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --export=DIR}: ingests every source once, writes the static copy, returns without serving. */
class ExportCommandTest {

    @TempDir
    Path work;

    @Test
    void ingestsEverySourceAndWritesTheOutputs() throws Exception {
        Path journal = work.resolve("journal.rss.xml");
        try (var in = getClass().getClassLoader().getResourceAsStream("e2e/journal.rss.xml")) {
            Files.write(journal, in.readAllBytes());
        }
        Path sources = work.resolve("sources.yml");
        Files.writeString(sources, """
                sources:
                  - id: journal
                    title: Journal of Breast Oncology
                    url: file:journal.rss.xml
                    kind: journal
                """);
        Path dir = work.resolve("site");
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        int exit = ExportCommand.run(
                Her2FeedsApplication.class,
                new String[] {
                    "--export=" + dir,
                    "--her2.sources-file=" + sources,
                    "--her2.data-dir=" + work.resolve("data"),
                    "--her2.publish.base-url=https://static.example"
                },
                new PrintStream(log, true, StandardCharsets.UTF_8));

        String output = log.toString(StandardCharsets.UTF_8);
        assertThat(exit).as(output).isZero();
        assertThat(output).containsPattern("journal\\s+added [1-9]").contains("Wrote ");
        assertThat(Files.readString(dir.resolve("feed.xml")))
                .contains("https://static.example/feed.xml", "https://journal.example/articles/103");
        assertThat(dir.resolve("feed.atom")).exists();
        assertThat(dir.resolve("feed.json")).exists();
        assertThat(dir.resolve("digests/index.json")).exists();
        assertThat(dir.resolve("digests/2026-11-25.json")).exists();
    }
}
