package org.her2feeds.staticsite;

/**
 * One output to publish as a file.
 *
 * @param path relative to the publishing folder, with forward slashes, e.g. {@code topics/adc/feed.xml}
 */
record StaticFile(String path, byte[] body) {}
