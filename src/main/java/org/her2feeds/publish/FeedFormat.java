package org.her2feeds.publish;

/** The formats every feed is published in; the same items, ids and dates in each. */
public enum FeedFormat {
    RSS("feed.xml", "application/rss+xml;charset=utf-8"),
    ATOM("feed.atom", "application/atom+xml;charset=utf-8"),
    JSON("feed.json", "application/feed+json;charset=utf-8");

    private final String fileName;
    private final String contentType;

    FeedFormat(String fileName, String contentType) {
        this.fileName = fileName;
        this.contentType = contentType;
    }

    /** @throws IllegalArgumentException when no format has this file name */
    static FeedFormat ofFileName(String fileName) {
        for (FeedFormat format : values()) {
            if (format.fileName.equals(fileName)) {
                return format;
            }
        }
        throw new IllegalArgumentException("no feed format is published as " + fileName);
    }

    /** The last path segment of the feed's URL and its file name when published statically. */
    public String fileName() {
        return fileName;
    }

    public String contentType() {
        return contentType;
    }

    /** The media type without parameters, as written in self links and OPML. */
    public String mediaType() {
        return contentType.substring(0, contentType.indexOf(';'));
    }
}
