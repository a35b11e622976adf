package org.her2feeds.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.her2feeds.fetch.FailedAssert.assertFailed;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;

/** file: sources are read from disk, with the modification time standing in for Last-Modified. */
class FeedFetcherFileTest {

    private static final String ATOM = "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>HER2</title></feed>";

    @TempDir
    Path dir;

    private final FeedFetcher fetcher = new FeedFetcher(
            TestProperties.loopbackAllowed()
                    .maxBodySize(DataSize.ofKilobytes(1))
                    .build(),
            Clock.systemUTC());

    @AfterEach
    void close() {
        fetcher.close();
    }

    private Path feedFile(String content, Instant modified) throws IOException {
        Path file = dir.resolve("feed.xml");
        Files.writeString(file, content, StandardCharsets.UTF_8);
        Files.setLastModifiedTime(file, FileTime.from(modified));
        return file;
    }

    @Test
    void fileIsReadWithItsModificationTimeAsLastModified() throws IOException {
        URI url = feedFile(ATOM, Instant.parse("2024-03-05T10:15:30.250Z")).toUri();

        FetchResult result = fetcher.fetch(FetchRequest.of("local", url));

        assertThat(result).isInstanceOf(Fetched.class);
        Fetched fetched = (Fetched) result;
        assertThat(new String(fetched.body(), StandardCharsets.UTF_8)).isEqualTo(ATOM);
        assertThat(fetched.finalUrl()).isEqualTo(url);
        assertThat(fetched.lastModified()).isEqualTo("Tue, 05 Mar 2024 10:15:30 GMT");
        assertThat(fetched.contentType()).isNull();
        assertThat(fetched.permanentRedirect()).isNull();
    }

    @Test
    void unchangedFileIsNotModified() throws IOException {
        URI url = feedFile(ATOM, Instant.parse("2024-03-05T10:15:30Z")).toUri();

        FetchResult result = fetcher.fetch(new FetchRequest("local", url, null, "Tue, 05 Mar 2024 10:15:30 GMT"));

        assertThat(result).isInstanceOf(NotModified.class);
        assertThat(((NotModified) result).lastModified()).isEqualTo("Tue, 05 Mar 2024 10:15:30 GMT");
    }

    @Test
    void changedFileIsFetchedAgain() throws IOException {
        URI url = feedFile(ATOM, Instant.parse("2024-03-06T08:00:00Z")).toUri();

        FetchResult result = fetcher.fetch(new FetchRequest("local", url, null, "Tue, 05 Mar 2024 10:15:30 GMT"));

        assertThat(result).isInstanceOf(Fetched.class);
        assertThat(((Fetched) result).lastModified()).isEqualTo("Wed, 06 Mar 2024 08:00:00 GMT");
    }

    @Test
    void fileOverTheCapIsRefused() throws IOException {
        URI url = feedFile("a".repeat(2048), Instant.parse("2024-03-05T10:15:30Z"))
                .toUri();

        Failed failed = assertFailed(fetcher.fetch(FetchRequest.of("local", url)), "BodyTooLarge", url);

        assertThat(failed.message()).contains("2048 bytes").contains("1024 bytes");
    }

    @Test
    void missingFileFailsClearly() {
        URI url = dir.resolve("nope.xml").toUri();

        Failed failed = assertFailed(fetcher.fetch(FetchRequest.of("local", url)), "FileNotFound", url);

        assertThat(failed.status()).isNull();
    }

    /** Opening a FIFO blocks until someone writes to it; a source must never hold a fetch thread that way. */
    @Test
    @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aFifoIsRefusedWithoutOpeningIt() throws Exception {
        Path fifo = dir.resolve("feed.fifo");
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assertThat(mkfifo.waitFor()).isZero();
        URI url = fifo.toUri();

        Failed failed = assertFailed(fetcher.fetch(FetchRequest.of("local", url)), "NotAFile", url);

        assertThat(failed.message()).contains("not a regular file");
    }

    @Test
    void aDeviceIsRefused() {
        URI url = Path.of("/dev/zero").toUri();

        assertFailed(fetcher.fetch(FetchRequest.of("local", url)), "NotAFile", url);
    }

    @Test
    void aFileObeysTheFetchDeadline() throws IOException {
        URI url = feedFile(ATOM, Instant.parse("2024-03-05T10:15:30Z")).toUri();
        FeedFetcher hurried = new FeedFetcher(
                TestProperties.loopbackAllowed()
                        .totalTimeout(Duration.ofNanos(1))
                        .build(),
                Clock.systemUTC());

        try (hurried) {
            Failed failed = assertFailed(hurried.fetch(FetchRequest.of("local", url)), "Timeout", url);
            assertThat(failed.message()).contains("within the total timeout");
        }
    }
}
