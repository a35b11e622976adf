package org.her2feeds.fetch;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.net.URI;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;
import java.util.zip.ZipException;

/**
 * Reads a response body within the fetch deadline and the size cap, undoing gzip or deflate.
 *
 * <p>A server trickling the body would hold a fetch forever; the hop's {@link Watchdog} aborts the exchange at
 * the deadline, which ends any blocked read.
 */
final class BodyReader {

    private final long maxBytes;

    BodyReader(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    /** Reads the body; {@code watchdog} aborts the exchange at the deadline and says whether it did. */
    byte[] read(URI url, int status, InputStream raw, String contentEncoding, Deadline deadline, Watchdog watchdog)
            throws FetchException {
        try {
            byte[] body = decodeAndRead(url, status, new CappedInputStream(raw, maxBytes, "body"), contentEncoding);
            if (!watchdog.finish()) {
                throw timeout(url, status, deadline);
            }
            return body;
        } catch (BodyTooLargeException e) {
            throw new FetchException(url, status, "BodyTooLarge", e.getMessage());
        } catch (ZipException e) {
            throw watchdog.expired()
                    ? timeout(url, status, deadline)
                    : new FetchException(
                            url, status, "ContentEncoding", "corrupt " + contentEncoding + " body: " + e.getMessage());
        } catch (IOException e) {
            throw watchdog.expired()
                    ? timeout(url, status, deadline)
                    : new FetchException(url, status, "Io", "reading the body failed: " + FetchException.describe(e));
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
}
