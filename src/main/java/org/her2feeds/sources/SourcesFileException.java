package org.her2feeds.sources;

/** A sources file that cannot be used; the message names the file, the entry (with its line) and the problem. */
public class SourcesFileException extends IllegalStateException {

    public SourcesFileException(String message) {
        super(message);
    }

    public SourcesFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
