package org.her2feeds.publish;

import com.rometools.rome.feed.WireFeed;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.WireFeedOutput;
import java.io.IOException;
import java.io.StringWriter;

/** Writes a Rome feed model (RSS channel or Atom feed) as pretty-printed XML. */
final class XmlFeedOutput {

    private XmlFeedOutput() {}

    /** @param items how many items or entries the feed holds, to size the buffer */
    static String write(WireFeed feed, int items) {
        try {
            StringWriter out = new StringWriter(4096 + 2048 * items);
            new WireFeedOutput().output(feed, out, true);
            return out.toString();
        } catch (FeedException | IOException e) {
            throw new IllegalStateException("Could not write the " + feed.getFeedType() + " feed", e);
        }
    }
}
