package org.her2feeds.fetch;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * Reads {@code file:} sources from disk, for feeds dropped in place by other tools. The file's modification time
 * plays the part of Last-Modified, so unchanged files are reported as {@link NotModified} like HTTP sources.
 * Which files may be sources at all (those beside the sources file) is decided where the sources file is read.
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
            BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
            // Opening a FIFO blocks until a writer comes and a device may never end: only plain files are feeds.
            if (!attributes.isRegularFile()) {
                throw new FetchException(url, "NotAFile", "not a regular file (a folder, FIFO, socket or device)");
            }
            Instant modified = attributes.lastModifiedTime().toInstant().truncatedTo(ChronoUnit.SECONDS);
            String lastModified = HttpDates.format(modified);
            Optional<Instant> known = HttpDates.parse(request.lastModified());
            if (known.isPresent() && known.get().equals(modified)) {
                return new NotModified(url, 304, request.etag(), lastModified, null, null, deadline.elapsed());
            }
            if (attributes.size() > maxBytes) {
                throw tooLarge(url, attributes.size() + " bytes");
            }
            return new Fetched(
                    url, 200, read(url, path, deadline), null, null, lastModified, null, null, deadline.elapsed());
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

    /** Reads in chunks, within the size cap (the file may grow) and the same deadline as an HTTP fetch. */
    private byte[] read(URI url, Path path, Deadline deadline) throws IOException, FetchException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] chunk = new byte[64 * 1024];
        try (InputStream in = new CappedInputStream(Files.newInputStream(path), maxBytes, "file")) {
            while (true) {
                if (deadline.passed()) {
                    throw new FetchException(
                            url,
                            "Timeout",
                            "file not read within the total timeout of "
                                    + deadline.total().toMillis() + " ms");
                }
                int n = in.read(chunk);
                if (n < 0) {
                    return out.toByteArray();
                }
                out.write(chunk, 0, n);
            }
        } catch (BodyTooLargeException e) {
            throw tooLarge(url, "more than that");
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
