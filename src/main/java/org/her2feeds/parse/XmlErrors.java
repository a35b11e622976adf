package org.her2feeds.parse;

import org.xml.sax.SAXParseException;

/** Turns XML parser failures into one-line messages that say what is wrong with the document. */
final class XmlErrors {

    private static final int MAX_DETAIL = 200;

    private XmlErrors() {}

    static FeedParseException describe(Exception failure, int maxElementDepth) {
        SAXParseException sax = saxCause(failure);
        String detail = oneLine(sax != null ? sax.getMessage() : failure.getMessage());
        int line = sax != null ? sax.getLineNumber() : -1;
        String at = line > 0 ? " at line " + line : "";
        String message;
        if (detail.contains("DOCTYPE is disallowed")) {
            message = "DOCTYPE refused: feeds must not declare a DTD (entity expansion and external entities)";
        } else if (detail.contains("maxElementDepth") || detail.contains("element depth")) {
            message = "XML error" + at + ": elements nested deeper than " + maxElementDepth + " levels";
        } else if (detail.contains("must start and end within the same entity")
                || detail.contains("Premature end of file")) {
            message = "truncated XML: the document ends" + at + " before its elements are closed";
        } else {
            message = "XML error" + at + ": " + detail;
        }
        return new FeedParseException(message, failure);
    }

    private static SAXParseException saxCause(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SAXParseException sax) {
                return sax;
            }
        }
        return null;
    }

    private static String oneLine(String message) {
        if (message == null) {
            return "unreadable document";
        }
        String line = message.replaceAll("\\s+", " ").trim();
        return line.length() > MAX_DETAIL ? line.substring(0, MAX_DETAIL) + "..." : line;
    }
}
