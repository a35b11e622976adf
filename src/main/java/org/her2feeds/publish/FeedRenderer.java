package org.her2feeds.publish;

import java.nio.charset.StandardCharsets;
import org.her2feeds.http.Rendered;
import org.springframework.stereotype.Component;

/** Renders a feed document in one of the formats, ready to be cached and sent. */
@Component
class FeedRenderer {

    private final RssFeedWriter rss;
    private final AtomFeedWriter atom;
    private final JsonFeedWriter json;

    FeedRenderer(RssFeedWriter rss, AtomFeedWriter atom, JsonFeedWriter json) {
        this.rss = rss;
        this.atom = atom;
        this.json = json;
    }

    Rendered render(FeedFormat format, FeedDocument document) {
        return Rendered.of(body(format, document), format.contentType(), document.updatedAt());
    }

    byte[] body(FeedFormat format, FeedDocument document) {
        return switch (format) {
            case RSS -> rss.write(document).getBytes(StandardCharsets.UTF_8);
            case ATOM -> atom.write(document).getBytes(StandardCharsets.UTF_8);
            case JSON -> json.write(document);
        };
    }
}
