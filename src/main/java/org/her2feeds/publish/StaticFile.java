package org.her2feeds.publish;

/**
 * One output to publish as a file.
 *
 * @param path relative to the publishing folder, with forward slashes, e.g. {@code topics/adc/feed.xml}
 */
public record StaticFile(String path, byte[] body) {
}
