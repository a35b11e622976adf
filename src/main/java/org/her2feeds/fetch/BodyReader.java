package org.her2feeds.fetch;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.net.URI;
import java.util.Locale;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;
import java.util.zip.ZipException;

/**
 * Reads a response body within the fetch deadline and the size cap, undoing gzip or deflate.
 *
 * <p>The HTTP client's request timeout stops at the headers, so a server trickling the body could hold a
 * fetch forever; a timer closes the stream at the deadline, which ends any blocked read.
 */
final class BodyReader {

    private static final int READING = 0;
    private static final int DONE = 1;
    private static final int EXPIRED = 2;

    private final long maxBytes;
    private final ScheduledExecutorService timer;

    BodyReader(long maxBytes, ScheduledExecutorService timer) {
        this.maxBytes = maxBytes;
        this.timer = timer;
    }

    byte[] read(URI url, int status, InputStream raw, String contentEncoding, Deadline deadline) throws FetchException {
        AtomicInteger state = new AtomicInteger(READING);
        ScheduledFuture<?> closer = timer.schedule(
                () -> {
                    if (state.compareAndSet(READING, EXPIRED)) {
                        closeQuietly(raw);
                    }
                },
                deadline.remaining().toNanos(),
                TimeUnit.NANOSECONDS);
        try {
            byte[] body = decodeAndRead(url, status, new CappedInputStream(raw, maxBytes, "body"), contentEncoding);
            // A closed stream reads as a clean end, so only the state tells a timeout from a complete body.
            if (!state.compareAndSet(READING, DONE)) {
                throw timeout(url, status, deadline);
            }
            return body;
        } catch (BodyTooLargeException e) {
            throw new FetchException(url, status, "BodyTooLarge", e.getMessage());
        } catch (ZipException e) {
            throw state.get() == EXPIRED
                    ? timeout(url, status, deadline)
                    : new FetchException(
                            url, status, "ContentEncoding", "corrupt " + contentEncoding + " body: " + e.getMessage());
        } catch (IOException e) {
            throw state.get() == EXPIRED
                    ? timeout(url, status, deadline)
                    : new FetchException(url, status, "Io", "reading the body failed: " + FetchException.describe(e));
        } finally {
            closer.cancel(false);
        }
    }

    private byte[] decodeAndRead(URI url, int status, InputStream capped, String contentEncoding)
            throws IOException, FetchException {
        String encoding = contentEncoding == null ? "" : contentEncoding.strip().toLowerCase(Locale.ROOT);
        PushbackInputStream in = new PushbackInputStream(capped, 2);
        int first = in.read();
        if (first < 0) {
            return new byte[0]; // servers label empty bodies gzip too; there is nothing to inflate
        }
        int second = in.read();
        if (second >= 0) {
            in.unread(second);
        }
        in.unread(first);
        InputStream decoded = switch (encoding) {
            case "", "identity" -> in;
            case "gzip", "x-gzip" -> new GZIPInputStream(in, 8192);
            case "deflate" -> new InflaterInputStream(in, new Inflater(!isZlibHeader(first, second)), 8192);
            default ->
                throw new FetchException(
                        url, status, "ContentEncoding", "unsupported Content-Encoding '" + contentEncoding + "'");
        };
        // Counted again after decompression: a few kilobytes of gzip can expand to gigabytes.
        return readAll(new CappedInputStream(decoded, maxBytes, "decompressed body"));
    }

    /** Deflate is meant to be zlib-wrapped, but many servers send raw deflate; the header tells which. */
    private static boolean isZlibHeader(int first, int second) {
        return second >= 0 && (first & 0x0f) == 8 && ((first << 8) | second) % 31 == 0;
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        in.transferTo(out);
        return out.toByteArray();
    }

    private static FetchException timeout(URI url, int status, Deadline deadline) {
        return new FetchException(
                url,
                status,
                "Timeout",
                "body not complete within the total timeout of "
                        + deadline.total().toMillis() + " ms");
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException ignored) {
            // Closing is only a way to wake the reader; it reports the timeout.
        }
    }
}
