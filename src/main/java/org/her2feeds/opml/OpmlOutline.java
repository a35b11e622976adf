package org.her2feeds.opml;

import java.util.List;

/**
 * An OPML outline: a feed subscription when it has an {@code xmlUrl}, otherwise a folder of outlines.
 *
 * @param xmlUrl  the feed's URL; null for a folder
 * @param htmlUrl the site's URL; may be null
 */
record OpmlOutline(String text, String xmlUrl, String htmlUrl, String description, List<OpmlOutline> children) {

    public static OpmlOutline feed(String text, String xmlUrl, String htmlUrl, String description) {
        return new OpmlOutline(text, xmlUrl, htmlUrl, description, List.of());
    }

    public static OpmlOutline folder(String text, List<OpmlOutline> children) {
        return new OpmlOutline(text, null, null, null, List.copyOf(children));
    }
}
