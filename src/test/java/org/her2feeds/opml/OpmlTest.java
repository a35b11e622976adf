package org.her2feeds.opml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.her2feeds.sources.Source;
import org.her2feeds.sources.SourcesFileReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** OPML written and read back, and imported into a sources file without losing what the operator wrote. */
class OpmlTest {

    @TempDir
    Path work;

    private static final String SOURCES = """
            # The operator's own comment stays.
            sources:

              # A journal, with a comment of its own.
              - id: jbo
                title: Journal of Breast Oncology
                url: https://journal.example/rss
                interval: PT1H
                kind: journal
            """;

    @Test
    void whatIsWrittenReadsBackFeedByFeedThroughFolders() throws Exception {
        byte[] opml = OpmlWriter.write(
                "HER2 – feeds",
                Instant.parse("2026-11-29T10:00:00Z"),
                List.of(
                        OpmlOutline.folder(
                                "Merged",
                                List.of(OpmlOutline.feed(
                                        "HER2 Feeds (RSS)",
                                        "https://her2.example.org/feed.xml?kind=journal&limit=5",
                                        "https://her2.example.org/",
                                        "New research & news"))),
                        OpmlOutline.feed(
                                "Topic <ADC> \"quoted\"",
                                "https://her2.example.org/topics/adc/feed.atom",
                                null,
                                null)));
        Path file = work.resolve("feeds.opml");
        Files.write(file, opml);
        assertThat(new String(opml, StandardCharsets.UTF_8))
                .contains("<opml version=\"2.0\">", "<dateCreated>Sun, 29 Nov 2026 10:00:00 GMT</dateCreated>");

        List<OpmlOutline> read = OpmlReader.subscriptions(file);
        assertThat(read)
                .extracting(OpmlOutline::xmlUrl)
                .containsExactly(
                        "https://her2.example.org/feed.xml?kind=journal&limit=5",
                        "https://her2.example.org/topics/adc/feed.atom");
        assertThat(read).extracting(OpmlOutline::text).containsExactly("HER2 Feeds (RSS)", "Topic <ADC> \"quoted\"");
    }

    @Test
    void importAppendsNewFeedsKeepsCommentsAndSkipsKnownUrls() throws Exception {
        Path sources = work.resolve("sources.yml");
        Files.writeString(sources, SOURCES);
        Path opml = work.resolve("reader-export.opml");
        Files.writeString(opml, """
                <?xml version="1.0" encoding="UTF-8"?>
                <opml version="1.0"><head><title>My reader</title></head><body>
                  <outline text="Oncology">
                    <outline type="rss" text="JBO again" xmlUrl="HTTPS://Journal.example/rss/"/>
                    <outline type="rss" text="Annals of Öncology: "Latest""
                        title="Annals of Öncology – Latest" xmlUrl="https://annals.example/current.rss"/>
                    <outline type="rss" text="Journal of Breast Oncology" xmlUrl="https://jbo-mirror.example/rss"/>
                  </outline>
                  <outline type="rss" text="Local file" xmlUrl="file:///etc/passwd"/>
                  <outline type="rss" text="Annals twice" xmlUrl="https://annals.example/current.rss"/>
                </body></opml>
                """.replace("\"Latest\"\"", "&quot;Latest&quot;\""));
        OpmlImport.Result result = OpmlImport.importInto(sources, OpmlReader.subscriptions(opml), "reader-export.opml");

        assertThat(result.added())
                .containsExactly(
                        "annals-of-oncology-latest https://annals.example/current.rss",
                        "journal-of-breast-oncology https://jbo-mirror.example/rss");
        assertThat(result.skipped())
                .containsExactly(
                        "HTTPS://Journal.example/rss/: already listed",
                        "file:///etc/passwd: only http and https feeds are imported",
                        "https://annals.example/current.rss: already listed");
        String text = Files.readString(sources);
        assertThat(text).startsWith(SOURCES).contains("# Imported from reader-export.opml");
        List<Source> all = new SourcesFileReader().read(sources);
        assertThat(all)
                .extracting(Source::id)
                .containsExactly("jbo", "annals-of-oncology-latest", "journal-of-breast-oncology");
        assertThat(all.get(1).title()).isEqualTo("Annals of Öncology – Latest");
        assertThat(all.get(1).enabled()).isTrue();

        OpmlImport.Result again = OpmlImport.importInto(sources, OpmlReader.subscriptions(opml), "reader-export.opml");
        assertThat(again.added()).isEmpty();
        assertThat(Files.readString(sources)).isEqualTo(text);
    }

    /** An operator's sources.yml may be a symlink into a config repository, readable by a group, owned by another. */
    @Test
    void importKeepsTheFilesModeOwnerAndSymlink() throws Exception {
        Path config = Files.createDirectories(work.resolve("config-repo"));
        Path real = config.resolve("sources.yml");
        Files.writeString(real, SOURCES);
        Files.setPosixFilePermissions(real, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r-----"));
        boolean root = "root".equals(System.getProperty("user.name"));
        if (root) {
            Files.setAttribute(real, "unix:uid", 4321);
            Files.setAttribute(real, "unix:gid", 4322);
        }
        Path link = Files.createSymbolicLink(work.resolve("sources.yml"), real);
        Path opml = work.resolve("one.opml");
        Files.writeString(opml, """
                <opml version="1.0"><body>
                  <outline type="rss" text="Annals" xmlUrl="https://annals.example/current.rss"/>
                </body></opml>
                """);

        OpmlImport.importInto(link, OpmlReader.subscriptions(opml), "one.opml");

        assertThat(Files.isSymbolicLink(link)).as("still a symlink").isTrue();
        assertThat(Files.readSymbolicLink(link)).isEqualTo(real);
        assertThat(Files.readString(real)).startsWith(SOURCES).contains("https://annals.example/current.rss");
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(real)))
                .isEqualTo("rw-r-----");
        if (root) {
            assertThat(Files.getAttribute(real, "unix:uid")).isEqualTo(4321);
            assertThat(Files.getAttribute(real, "unix:gid")).isEqualTo(4322);
        }
        try (var left = Files.list(config)) {
            assertThat(left.map(p -> p.getFileName().toString())).containsExactly("sources.yml");
        }
    }

    @Test
    void clashingIdsGetANumberAndOddTitlesStillMakeSlugs() {
        assertThat(OpmlImport.slug("  FDA: Drugs & Biologics (RSS) ")).isEqualTo("fda-drugs-biologics-rss");
        assertThat(OpmlImport.slug("ÉMA – Nouvelles")).isEqualTo("ema-nouvelles");
        assertThat(OpmlImport.slug("日本語")).isEqualTo("feed");
        assertThat(OpmlImport.slug("x".repeat(200))).hasSize(60);
    }

    @Test
    void refusesDoctypesAndFilesThatAreNotOpml() throws Exception {
        Path xxe = work.resolve("xxe.opml");
        Files.writeString(xxe, """
                <?xml version="1.0"?>
                <!DOCTYPE opml [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
                <opml version="2.0"><body><outline text="&secret;" xmlUrl="https://x.example/rss"/></body></opml>
                """);
        assertThatThrownBy(() -> OpmlReader.subscriptions(xxe))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("xxe.opml");
        Path rss = work.resolve("not.opml");
        Files.writeString(rss, "<rss version=\"2.0\"><channel/></rss>");
        assertThatThrownBy(() -> OpmlReader.subscriptions(rss)).hasMessageContaining("not an OPML file");
    }

    @Test
    void anImportThatWouldBreakTheFileLeavesItUntouched() throws Exception {
        Path sources = work.resolve("sources.yml");
        Files.writeString(sources, "sources: []\n");
        Path opml = work.resolve("one.opml");
        Files.writeString(
                opml,
                "<opml version=\"2.0\"><body><outline text=\"A\" xmlUrl=\"https://a.example/rss\"/></body></opml>");
        assertThatThrownBy(() -> OpmlImport.importInto(sources, OpmlReader.subscriptions(opml), "one.opml"))
                .isInstanceOf(RuntimeException.class);
        assertThat(Files.readString(sources)).isEqualTo("sources: []\n");
        try (var files = Files.list(work)) {
            assertThat(files.map(Path::getFileName).map(Path::toString))
                    .containsExactlyInAnyOrder("sources.yml", "one.opml");
        }
    }
}
