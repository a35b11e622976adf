package org.her2feeds.clean;

import org.jsoup.nodes.Element;
import org.jsoup.safety.Safelist;

/** What a summary may keep, and what must go together with everything inside it. */
final class SummaryPolicy {

    static final String LINK_REL = "noopener noreferrer";

    /**
     * Removed with their content before cleaning. jsoup's cleaner keeps the text of a disallowed element, which
     * is right for a {@code <div>} but would leak script source, CSS, iframe fallbacks, form labels and the like.
     */
    private static final String REMOVED_WITH_CONTENT = String.join(",",
            "script", "style", "iframe", "frame", "frameset", "noframes", "object", "embed", "applet", "param",
            "noembed", "noscript", "template", "svg", "math", "form", "select", "textarea", "button", "input",
            "option", "datalist", "title", "head", "meta", "link", "base", "audio", "video", "canvas", "map");

    private SummaryPolicy() {
    }

    static Safelist safelist() {
        return new Safelist()
                .addTags("p", "br", "ul", "ol", "li", "em", "i", "strong", "b", "sub", "sup", "blockquote",
                        "code", "a")
                .addAttributes("a", "href")
                .addProtocols("a", "href", "http", "https")
                .addEnforcedAttribute("a", "rel", LINK_REL)
                .preserveRelativeLinks(false);
    }

    static void removeUnwantedContent(Element root) {
        root.select(REMOVED_WITH_CONTENT).remove();
    }
}
