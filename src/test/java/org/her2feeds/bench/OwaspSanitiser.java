package org.her2feeds.bench;

import java.net.URI;
import java.util.List;
import java.util.Set;
import org.her2feeds.clean.ContentCleaner;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.HtmlSanitizer;
import org.owasp.html.HtmlStreamEventReceiver;
import org.owasp.html.HtmlStreamRenderer;
import org.owasp.html.PolicyFactory;

/**
 * OWASP java-html-sanitizer set up as near to the project's summary policy (clean.SummaryPolicy) as its builder
 * goes, for issue 12's comparison only: the same elements, {@code href} on links only, links resolved and cleaned
 * by the project's own link rules (absolute http(s), tracking parameters dropped; a link it refuses loses its tag
 * and keeps its words), {@code rel="noopener noreferrer"} on every link, the same elements dropped with their
 * content, and a space where an unwrapped block stood. The plain text is gathered from the same stream of events,
 * so one pass gives both, as ContentCleaner's one parse does. One instance serves one thread (the base URI of the
 * summary in hand is a field).
 */
final class OwaspSanitiser implements SanitiserBench.Sanitiser {

    /** Mirrors SummaryPolicy's allowed elements. */
    private static final String[] ALLOWED = {
        "p", "br", "ul", "ol", "li", "em", "i", "strong", "b", "sub", "sup", "blockquote", "code", "a"
    };

    /** Mirrors SummaryPolicy's elements removed with their content. */
    private static final String[] REMOVED_WITH_CONTENT = {
        "script", "style", "iframe", "frame", "frameset", "noframes", "object", "embed", "applet", "param", "noembed",
        "noscript", "template", "svg", "math", "form", "select", "textarea", "button", "input", "option", "datalist",
        "title", "head", "meta", "link", "base", "audio", "video", "canvas", "map"
    };

    /** Block elements the policy unwraps, which SummaryPolicy surrounds with spaces (as jsoup's Tag.isBlock). */
    private static final Set<String> UNWRAPPED_BLOCKS = Set.of(
            "address",
            "article",
            "aside",
            "body",
            "caption",
            "center",
            "col",
            "colgroup",
            "dd",
            "details",
            "dialog",
            "dir",
            "div",
            "dl",
            "dt",
            "fieldset",
            "figcaption",
            "figure",
            "footer",
            "h1",
            "h2",
            "h3",
            "h4",
            "h5",
            "h6",
            "header",
            "hgroup",
            "hr",
            "html",
            "legend",
            "main",
            "menu",
            "nav",
            "pre",
            "section",
            "summary",
            "table",
            "tbody",
            "td",
            "tfoot",
            "th",
            "thead",
            "tr");

    /** Where the project's plain text has a break between words (jsoup's text() at these elements). */
    private static final Set<String> TEXT_BREAKS = Set.of("p", "br", "ul", "ol", "li", "blockquote");

    private final ContentCleaner links = new ContentCleaner();
    private final PolicyFactory policy;
    private URI base;

    OwaspSanitiser() {
        this.policy = new HtmlPolicyBuilder()
                .allowElements(ALLOWED)
                .allowAttributes("href")
                .matching((element, attribute, value) ->
                        links.link(value, base).map(URI::toASCIIString).orElse(null))
                .onElements("a")
                .allowUrlProtocols("http", "https")
                .requireRelsOnLinks("noopener", "noreferrer")
                .disallowTextIn(REMOVED_WITH_CONTENT)
                .toFactory();
    }

    @Override
    public SanitiserBench.Output clean(SanitiserBench.Summary summary) {
        String html = summary.html();
        if (html == null || html.isBlank()) {
            return new SanitiserBench.Output("", "");
        }
        base = summary.base();
        StringBuilder out = new StringBuilder(html.length());
        StringBuilder text = new StringBuilder(html.length() / 2);
        HtmlStreamRenderer renderer = HtmlStreamRenderer.create(out, badHtml -> {});
        HtmlSanitizer.Policy sanitiser = policy.apply(new TextTee(renderer, text));
        HtmlSanitizer.sanitize(html, new BlockSpacer(sanitiser));
        return new SanitiserBench.Output(out.toString().strip(), SanitiserBench.normalizeSpace(text));
    }

    /** Before the policy: a space before and after each block it will unwrap, as SummaryPolicy.prepare does. */
    private record BlockSpacer(HtmlSanitizer.Policy next) implements HtmlSanitizer.Policy {
        @Override
        public void openDocument() {
            next.openDocument();
        }

        @Override
        public void closeDocument() {
            next.closeDocument();
        }

        @Override
        public void openTag(String name, List<String> attributes) {
            if (UNWRAPPED_BLOCKS.contains(name)) {
                next.text(" ");
            }
            next.openTag(name, attributes);
        }

        @Override
        public void closeTag(String name) {
            next.closeTag(name);
            if (UNWRAPPED_BLOCKS.contains(name)) {
                next.text(" ");
            }
        }

        @Override
        public void text(String text) {
            next.text(text);
        }
    }

    /** After the policy: what is written is also kept as plain text, with a space at each block's edges. */
    private record TextTee(HtmlStreamEventReceiver next, StringBuilder text) implements HtmlStreamEventReceiver {
        @Override
        public void openDocument() {
            next.openDocument();
        }

        @Override
        public void closeDocument() {
            next.closeDocument();
        }

        @Override
        public void openTag(String name, List<String> attributes) {
            if (TEXT_BREAKS.contains(name)) {
                text.append(' ');
            }
            next.openTag(name, attributes);
        }

        @Override
        public void closeTag(String name) {
            if (TEXT_BREAKS.contains(name)) {
                text.append(' ');
            }
            next.closeTag(name);
        }

        @Override
        public void text(String chunk) {
            text.append(chunk);
            next.text(chunk);
        }
    }
}
