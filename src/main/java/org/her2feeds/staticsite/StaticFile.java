package org.her2feeds.staticsite;

import java.util.function.Supplier;

/**
 * One output to publish as a file, rendered only when it is written.
 *
 * @param path    relative to the publishing folder, with forward slashes, e.g. {@code topics/adc/feed.xml}
 * @param version a mark that changes whenever the content may change (then it is rendered and compared), or null
 *                to render it every time and write it only when its bytes differ from the file's
 * @param body    renders the content
 */
record StaticFile(String path, String version, Supplier<byte[]> body) {

    static StaticFile of(String path, byte[] body) {
        return new StaticFile(path, null, () -> body);
    }

    /** Files that list other files are written after them, so a reader never follows a link to a missing file. */
    boolean isIndex() {
        return path.endsWith("index.json");
    }
}
