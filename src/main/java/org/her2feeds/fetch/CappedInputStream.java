package org.her2feeds.fetch;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Fails as soon as more than {@code maxBytes} have been read, so an endless body never fills memory. */
final class CappedInputStream extends FilterInputStream {

    private final long maxBytes;
    private final String what;
    private long count;

    CappedInputStream(InputStream in, long maxBytes, String what) {
        super(in);
        this.maxBytes = maxBytes;
        this.what = what;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            count(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            count(n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = super.skip(n);
        count(skipped);
        return skipped;
    }

    private void count(long n) throws BodyTooLargeException {
        count += n;
        if (count > maxBytes) {
            throw new BodyTooLargeException(what + " larger than the limit of " + maxBytes + " bytes");
        }
    }
}
