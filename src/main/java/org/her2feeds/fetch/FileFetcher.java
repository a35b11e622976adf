package org.her2feeds.fetch;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * Reads {@code file:} sources from disk, for feeds dropped in place by other tools. The file's modification time
 * plays the part of Last-Modified, so unchanged files are reported as {@link NotModified} like HTTP sources.
 */
final class FileFetcher {

    private final long maxBytes;

    FileFetcher(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    FetchResult fetch(FetchRequest request, Deadline deadline) {
        URI url = request.url();
        try {
            Path path = toPath(url);
            Instant modified = Files.getLastModifiedTime(path).toInstant().truncatedTo(ChronoUnit.SECONDS);
            String lastModified = HttpDates.format(modified);
            Optional<Instant> known = HttpDates.parse(request.lastModified());
            if (known.isPresent() && known.get().equals(modified)) {
                return new NotModified(url, 304, request.etag(), lastModified, null, null, deadline.elapsed());
            }
            if (Files.size(path) > maxBytes) {
                throw tooLarge(url, Files.size(path) + " bytes");
            }
            byte[] body;
            // Capped while reading too: the file may grow, or be a device that never ends.
            try (InputStream in = new CappedInputStream(Files.newInputStream(path), maxBytes, "file")) {
                body = in.readAllBytes();
            } catch (BodyTooLargeException e) {
                throw tooLarge(url, "more than that");
            }
            return new Fetched(url, 200, body, null, null, lastModified, null, null, deadline.elapsed());
        } catch (FetchException e) {
            return e.toFailed(null, deadline.elapsed());
        } catch (NoSuchFileException e) {
            return failed(url, "FileNotFound", "no such file", deadline);
        } catch (AccessDeniedException e) {
            return failed(url, "Io", "permission denied", deadline);
        } catch (IOException e) {
            return failed(url, "Io", "reading the file failed: " + FetchException.describe(e), deadline);
        }
    }

    private static Path toPath(URI url) throws FetchException {
        try {
            return Path.of(url);
        } catch (IllegalArgumentException | FileSystemNotFoundException e) {
            throw new FetchException(url, "BadUrl", "not a usable file URL: " + e.getMessage());
        }
    }

    private FetchException tooLarge(URI url, String size) {
        return new FetchException(
                url, "BodyTooLarge", "file is " + size + ", larger than the limit of " + maxBytes + " bytes");
    }

    private static Failed failed(URI url, String errorClass, String problem, Deadline deadline) {
        return new Failed(url, null, errorClass, url + ": " + problem, null, false, null, deadline.elapsed());
    }
}
