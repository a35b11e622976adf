package org.her2feeds.clean;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.jsoup.safety.Safelist;

/** What a summary may keep, and what must go together with everything inside it. */
final class SummaryPolicy {

    static final String LINK_REL = "noopener noreferrer";

    /**
     * Removed with their content before cleaning. jsoup's cleaner keeps the text of a disallowed element, which
     * is right for a {@code <div>} but would leak script source, CSS, iframe fallbacks, form labels and the like.
     */
    private static final Set<String> REMOVED_WITH_CONTENT = Set.of(
            "script",
            "style",
            "iframe",
            "frame",
            "frameset",
            "noframes",
            "object",
            "embed",
            "applet",
            "param",
            "noembed",
            "noscript",
            "template",
            "svg",
            "math",
            "form",
            "select",
            "textarea",
            "button",
            "input",
            "option",
            "datalist",
            "title",
            "head",
            "meta",
            "link",
            "base",
            "audio",
            "video",
            "canvas",
            "map");

    private SummaryPolicy() {}

    private static final Set<String> ALLOWED =
            Set.of("p", "br", "ul", "ol", "li", "em", "i", "strong", "b", "sub", "sup", "blockquote", "code", "a");

    /**
     * No protocol list here: jsoup checks protocols by resolving every link against the base URI with a regular
     * expression that costs more than the rest of cleaning the summary. ContentCleaner resolves each kept link
     * itself (LinkNormalizer: absolute http or https only) and unwraps every link it cannot accept.
     */
    static Safelist safelist() {
        return new Safelist()
                .addTags(ALLOWED.toArray(String[]::new))
                .addAttributes("a", "href")
                .addEnforcedAttribute("a", "rel", LINK_REL);
    }

    /**
     * Prepares a parsed tree for the cleaner: removes what must go with its content, and puts spaces around
     * block elements the cleaner will unwrap, so "&lt;td&gt;one&lt;/td&gt;&lt;td&gt;two&lt;/td&gt;" reads "one two",
     * not "onetwo".
     */
    static void prepare(Element root) {
        List<Element> doomed = new ArrayList<>();
        for (Element element : ContentCleaner.elementsOf(root)) {
            String name = element.normalName();
            if (REMOVED_WITH_CONTENT.contains(name)) {
                doomed.add(element);
            } else if (element != root && element.tag().isBlock() && !ALLOWED.contains(name)) {
                // Text nodes, not strings: before(String)/after(String) parse their argument as an HTML fragment.
                element.before(new TextNode(" "));
                element.after(new TextNode(" "));
            }
        }
        doomed.forEach(Element::remove);
    }
}
