package org.her2feeds.sources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourcesFileReaderTest {

    @TempDir
    Path dir;

    private final SourcesFileReader reader = new SourcesFileReader();

    @Test
    void readsEveryFieldWithDefaultsAndResolvesLocalSnapshotsAgainstTheFilesFolder() throws IOException {
        List<Source> sources = reader.read(write("""
                sources:
                  # PubMed search for HER2
                  - id: pubmed-her2
                    title: PubMed – HER2
                    url: https://pubmed.ncbi.nlm.nih.gov/rss/search/1abc/?limit=50
                    interval: PT1H
                    kind: journal
                  - id: local-snapshot
                    title: A snapshot
                    url: file:samples/feed.xml
                    enabled: false
                """));
        assertThat(sources).hasSize(2);
        Source pubmed = sources.get(0);
        assertThat(pubmed.id()).isEqualTo("pubmed-her2");
        assertThat(pubmed.title()).isEqualTo("PubMed – HER2");
        assertThat(pubmed.url()).isEqualTo(URI.create("https://pubmed.ncbi.nlm.nih.gov/rss/search/1abc/?limit=50"));
        assertThat(pubmed.interval()).isEqualTo(Duration.ofHours(1));
        assertThat(pubmed.enabled()).isTrue();
        assertThat(pubmed.kind()).isEqualTo(SourceKind.JOURNAL);
        Source local = sources.get(1);
        assertThat(local.url()).isEqualTo(dir.resolve("samples/feed.xml").toUri());
        assertThat(local.interval()).isEqualTo(Source.DEFAULT_INTERVAL);
        assertThat(local.enabled()).isFalse();
        assertThat(local.kind()).isNull();
    }

    @Test
    void theShippedSourceFilesAreValid() {
        assertThat(reader.read(Path.of("feeds/sources.yml"))).isNotEmpty().allMatch(Source::isRemote);
        assertThat(reader.read(Path.of("feeds/demo.yml")))
                .isNotEmpty()
                .allSatisfy(source -> assertThat(Path.of(source.url())).isRegularFile());
    }

    @Test
    void anUnknownKeyNamesTheFileTheLineTheSourceAndTheKey() throws IOException {
        Path file = write("""
                sources:
                  - id: fda
                    title: FDA
                    url: https://www.fda.gov/rss.xml
                    intervall: PT30M
                """);
        assertThatThrownBy(() -> reader.read(file))
                .isInstanceOf(SourcesFileException.class)
                .hasMessage(file
                        + " line 5: source 'fda': unknown key 'intervall' (allowed: enabled, id, interval, "
                        + "kind, title, url)");
    }

    @Test
    void aDuplicateIdPointsAtBothEntries() throws IOException {
        Path file = write("""
                sources:
                  - id: fda
                    title: FDA
                    url: https://www.fda.gov/a.xml
                  - id: fda
                    title: FDA again
                    url: https://www.fda.gov/b.xml
                """);
        assertThatThrownBy(() -> reader.read(file))
                .hasMessage(file + " line 5: source 'fda': duplicate id (first defined at line 2)");
    }

    @Test
    void malformedUrlsAndIntervalsAreRefusedWithTheReason() throws IOException {
        assertThatThrownBy(() -> reader.read(write(entry("url: ht!tp://bad url", "PT30M"))))
                .hasMessageContaining("line 4: source 'x': malformed url 'ht!tp://bad url'");
        assertThatThrownBy(() -> reader.read(write(entry("url: ftp://example.org/feed", "PT30M"))))
                .hasMessageContaining("line 4: source 'x': url 'ftp://example.org/feed' must use http, https or file");
        assertThatThrownBy(() -> reader.read(write(entry("url: https://example.org/feed", "30 minutes"))))
                .hasMessageContaining(
                        "line 5: source 'x': malformed interval '30 minutes' (use an ISO-8601 duration such as PT30M)");
        assertThatThrownBy(() -> reader.read(write(entry("url: https://example.org/feed", "PT1M"))))
                .hasMessageContaining(
                        "line 5: source 'x': interval 'PT1M' is below the minimum of PT5M for http sources");
        assertThat(reader.read(write(entry("url: file:local.xml", "PT1M"))))
                .singleElement()
                .extracting(Source::interval)
                .isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void anUpperCaseSchemeIsStillHttpAndKeepsTheMinimumInterval() throws IOException {
        assertThatThrownBy(() -> reader.read(write(entry("url: HTTP://example.org/feed", "PT1M"))))
                .hasMessageContaining(
                        "line 5: source 'x': interval 'PT1M' is below the minimum of PT5M for http sources");
        Source source = reader.read(write(entry("url: HTTPS://Example.org/feed", "PT10M")))
                .get(0);
        assertThat(source.url().getScheme()).isEqualTo("https");
        assertThat(source.isRemote()).isTrue();
    }

    @Test
    void fileUrlsStayInsideTheFolderOfTheSourcesFile() throws IOException {
        assertThatThrownBy(() -> reader.read(write(entry("url: file:///etc/passwd", "PT30M"))))
                .hasMessageContaining("line 4: source 'x': file url 'file:///etc/passwd' leads outside ")
                .hasMessageContaining(dir.toAbsolutePath().toString());
        assertThatThrownBy(() -> reader.read(write(entry("url: file:../../x.xml", "PT30M"))))
                .hasMessageContaining("line 4: source 'x': file url 'file:../../x.xml' leads outside ");
        assertThatThrownBy(() -> reader.read(write(entry("url: file:sub/../../x.xml", "PT30M"))))
                .hasMessageContaining("leads outside");
        assertThat(reader.read(write(entry("url: file:sub/../samples/a.xml", "PT30M"))))
                .singleElement()
                .extracting(Source::url)
                .isEqualTo(dir.toAbsolutePath().resolve("samples/a.xml").toUri());
        String inside = dir.toAbsolutePath().resolve("b.xml").toUri().toString();
        assertThat(reader.read(write(entry("url: " + inside, "PT30M"))))
                .singleElement()
                .extracting(source -> source.url().toString())
                .isEqualTo(inside);
    }

    @Test
    void missingFieldsBadIdsAndKindsAreRefused() throws IOException {
        assertThatThrownBy(() -> reader.read(write("sources:\n  - id: x\n    url: https://example.org/\n")))
                .hasMessageContaining("line 2: source 'x': missing required key 'title'");
        assertThatThrownBy(() -> reader.read(
                        write("sources:\n  - id: Not A Slug\n    title: t\n    url: https://example.org/\n")))
                .hasMessageContaining("line 2: source 'Not A Slug': id must be a slug");
        assertThatThrownBy(() -> reader.read(
                        write("sources:\n  - id: x\n    title: t\n    url: https://example.org/\n    kind: blog\n")))
                .hasMessageContaining(
                        "line 5: source 'x': unknown kind 'blog' (one of journal, preprint, registry, regulator, "
                                + "news, patient)");
        assertThatThrownBy(() -> reader.read(write("feeds:\n  - id: x\n")))
                .hasMessageContaining("line 1: unknown top-level key 'feeds' (expected 'sources')");
    }

    @Test
    void aYamlSyntaxErrorNamesTheLine() throws IOException {
        Path file = write("sources:\n  - id: x\n    title: [unclosed\n    url: https://example.org/\n");
        assertThatThrownBy(() -> reader.read(file))
                .isInstanceOf(SourcesFileException.class)
                .hasMessageStartingWith(file + " line ")
                .hasMessageContaining("YAML syntax error");
    }

    @Test
    void aFileOverTheSizeCapIsRefusedNamingTheFile() throws IOException {
        // One valid entry, then comments up to just past 64 MiB: comments count too (SnakeYAML's own limit, checked
        // between tokens, let this file through).
        Path file = dir.resolve("huge-sources.yml");
        String head = entry("url: https://example.org/feed.xml", "PT1H");
        String line = "# " + "x".repeat(1021) + "\n";
        int cap = 64 * 1024 * 1024;
        try (var out = Files.newBufferedWriter(file)) {
            out.write(head);
            for (long written = head.length(); written <= cap; written += line.length()) {
                out.write(line);
            }
        }
        assertThat(Files.size(file)).isGreaterThan(cap);
        assertThatThrownBy(() -> reader.read(file))
                .isInstanceOf(SourcesFileException.class)
                .hasMessage(file + ": " + Files.size(file) + " bytes, more than the 64 MiB a file may have");
    }

    @Test
    void aMissingFileSaysWhichPropertyToSet() {
        Path missing = dir.resolve("nope.yml");
        assertThatThrownBy(() -> reader.read(missing))
                .hasMessage(missing + ": sources file not found (set her2.sources-file)");
    }

    private static String entry(String urlLine, String interval) {
        return "sources:\n  - id: x\n    title: X\n    " + urlLine + "\n    interval: " + interval + "\n";
    }

    private Path write(String yaml) throws IOException {
        Path file = Files.createTempFile(dir, "sources", ".yml");
        Files.writeString(file, yaml);
        return file;
    }
}
