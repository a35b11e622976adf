package org.her2feeds.parse;

/**
 * The fetched document could not be read as a feed. The message is one line meant for an operator: it names
 * what is wrong with the document (for example "empty body", "not a feed (HTML page)", "DOCTYPE refused: ...",
 * "XML error at line 12: ...").
 */
public class FeedParseException extends Exception {

    private static final long serialVersionUID = 1L;

    public FeedParseException(String message) {
        super(message);
    }

    public FeedParseException(String message, Throwable cause) {
        super(message, cause);
    }
}
