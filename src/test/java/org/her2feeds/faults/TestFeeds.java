package org.her2feeds.faults;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.zip.GZIPOutputStream;

/** Feeds written for the fault tests: HER2 items with ids unique to the test that serves them. */
final class TestFeeds {

    private TestFeeds() {}

    /**
     * An RSS 2.0 feed with items {@code from..to} named after {@code prefix}; {@code channelExtra} goes into the
     * channel.
     */
    static String rss(String prefix, int from, int to, String channelExtra) {
        StringBuilder items = new StringBuilder();
        for (int i = from; i <= to; i++) {
            items.append(item(prefix, i));
        }
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0"><channel><title>%s</title><link>https://journal.example/%s</link>
                <description>Test feed</description>%s
                %s</channel></rss>
                """.formatted(prefix, prefix, channelExtra, items);
    }

    static String rss(String prefix, int from, int to) {
        return rss(prefix, from, to, "");
    }

    static String item(String prefix, int i) {
        return """
                <item><title>Trastuzumab deruxtecan in HER2-positive breast cancer: %1$s study %2$d</title>
                <link>https://journal.example/%1$s/%2$d</link><guid isPermaLink="false">%1$s-%2$d</guid>
                <description>&lt;p&gt;HER2-positive metastatic breast cancer cohort %2$d.&lt;/p&gt;</description>
                <pubDate>Tue, 24 Nov 2026 10:%3$02d:00 GMT</pubDate></item>
                """.formatted(prefix, i, i % 60);
    }

    /** {@code size} zero bytes, gzip-compressed: a few kilobytes on the wire. */
    static byte[] gzipBomb(int size) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            byte[] zeros = new byte[64 * 1024];
            for (int written = 0; written < size; written += zeros.length) {
                gzip.write(zeros);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
