package org.her2feeds.clean;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;
import org.springframework.stereotype.Component;

/**
 * Cleans what feeds send (summaries, titles, links) into what the service may store and show.
 * Thread-safe: it holds only an immutable policy.
 */
@Component
public class ContentCleaner {

    /** Double-escaped markup is undone at most this often; feeds escaped three times over are not worth more. */
    private static final int MAX_UNESCAPE_ROUNDS = 3;

    /** A character reference as an escaping program writes it: a name, a decimal or a hexadecimal code, then ';'. */
    private static final Pattern CHARACTER_REFERENCE =
            Pattern.compile("&(?:[A-Za-z][A-Za-z0-9]{1,31}|#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6});");

    private static final Set<String> BLOCKS = Set.of("p", "ul", "ol", "li", "blockquote");

    private final Safelist safelist = SummaryPolicy.safelist();
    private final LinkNormalizer links = new LinkNormalizer();

    public ContentCleaner() {}

    /**
     * The safe HTML of a summary and its plain text, both from one parse (text that turns out to hold escaped
     * markup costs a second, for the text only). A relative link needs {@code base}; without it the link is
     * dropped and its words kept.
     */
    public CleanSummary summary(String html, URI base) {
        if (html == null || html.isBlank()) {
            return CleanSummary.empty();
        }
        if (html.indexOf('<') < 0 && html.indexOf('&') < 0) {
            return plainSummary(html);
        }
        return parsedSummary(html, base);
    }

    /**
     * A summary without a tag or an entity is one text node: what parsing, cleaning and serialising it would give,
     * without the parse (many registries and preprint servers send plain text).
     */
    static CleanSummary plainSummary(String text) {
        String fullText = PlainTextRules.normalize(text);
        return new CleanSummary(
                escapeText(PlainTextRules.normalizeHtmlText(text).strip()),
                PlainTextRules.truncate(fullText, CleanSummary.MAX_TEXT_LENGTH),
                PlainTextRules.cut(fullText, CleanSummary.MAX_FULL_TEXT_LENGTH));
    }

    /** As jsoup writes a text node in its base escape mode, for text that holds no '<' and no '&'. */
    private static String escapeText(String text) {
        if (text.indexOf('>') < 0 && text.indexOf('\u00A0') < 0) {
            return text;
        }
        return text.replace(">", "&gt;").replace("\u00A0", "&nbsp;");
    }

    /** The summary through jsoup: parse, clean, resolve links, tidy. */
    CleanSummary parsedSummary(String html, URI base) {
        Document dirty = Jsoup.parseBodyFragment(html, baseUri(base));
        SummaryPolicy.prepare(dirty.body());
        Document clean = new Cleaner(safelist).clean(dirty);
        clean.outputSettings().prettyPrint(false).escapeMode(Entities.EscapeMode.base);
        Element body = clean.body();
        // One walk serves the three passes below: they only detach elements (unwrapped or removed), never add any.
        List<Element> elements = elementsOf(body);
        normalizeLinks(elements, base);
        dropEmptyElements(elements);
        normalizeTextNodes(elements);
        String fullText = textOf(body.text());
        String text = PlainTextRules.truncate(fullText, CleanSummary.MAX_TEXT_LENGTH);
        return new CleanSummary(
                body.html().strip(), text, PlainTextRules.cut(fullText, CleanSummary.MAX_FULL_TEXT_LENGTH));
    }

    /**
     * The plain text of a whole HTML body (a feed's full content), at most
     * {@link CleanSummary#MAX_FULL_TEXT_LENGTH} characters: what relevance reads beyond the short summary.
     */
    public String fullText(String html) {
        if (html == null || html.isBlank()) {
            return "";
        }
        return PlainTextRules.cut(plainText(html), CleanSummary.MAX_FULL_TEXT_LENGTH);
    }

    /** Plain text for titles and author names: tags dropped, entities decoded, whitespace collapsed, trimmed. */
    public String plainText(String maybeHtml) {
        if (maybeHtml == null || maybeHtml.isBlank()) {
            return "";
        }
        if (maybeHtml.indexOf('<') < 0 && maybeHtml.indexOf('&') < 0) {
            // No tag and no entity: parsing it as HTML would only collapse its whitespace, which normalize does.
            return PlainTextRules.normalize(maybeHtml);
        }
        return textOf(visibleText(maybeHtml));
    }

    /** An absolute http(s) link without tracking parameters, or empty when the input is not such a link. */
    public Optional<URI> link(String url, URI base) {
        return links.normalize(url, base);
    }

    /**
     * The base URI in force after applying {@code xmlBases} (outermost first) to {@code base}, per RFC 3986:
     * each one is resolved against the one before. A relative one that cannot be resolved is skipped.
     */
    public Optional<URI> base(URI base, List<String> xmlBases) {
        URI current = base;
        for (String xmlBase : xmlBases) {
            current = links.normalize(xmlBase, current).orElse(current);
        }
        return Optional.ofNullable(current);
    }

    /**
     * Text that still contains tags after one decoding was escaped twice by its feed (a title of
     * "&amp;lt;b&amp;gt;HER2&amp;lt;/b&amp;gt;"); it is read as HTML again, so readers see "HER2", not markup.
     * Character references left after one decoding are decoded once more first ({@link #referencesDecoded}).
     */
    private static String textOf(String decoded) {
        String text = PlainTextRules.normalize(referencesDecoded(decoded));
        for (int round = 0; round < MAX_UNESCAPE_ROUNDS && PlainTextRules.mayHoldMarkup(text); round++) {
            text = PlainTextRules.normalize(visibleText(text));
        }
        return PlainTextRules.withoutTagOpeners(text);
    }

    /**
     * Plain text that still holds a complete character reference after being read as HTML once ({@code &quot;},
     * {@code &#8220;}, {@code &amp;}) came from a feed that escaped its text twice ({@code &amp;amp;quot;} in the
     * XML, or {@code &amp;quot;} inside CDATA): a publishing tool escaped the author's text and its template escaped
     * the result again. NetNewsWire decodes once and shows {@code &quot;}, calling it the feed's bug; but titles,
     * categories and summary text are plain text here, read by the tagger and shown as text, where a reference is
     * never what the author meant; so its references are decoded once more, by jsoup rather than a table of ours.
     * Once more only, never until none is left: {@code &amp;lt;} becomes {@code &lt;}, not {@code <}. Only
     * references ended by ';' count, as escaping programs write them: {@code AT&T}, {@code R&D}, {@code Q&A} or
     * {@code &not} and a space stay as they are. A tag this reveals ({@code &lt;b&gt;}) is read as HTML in
     * {@link #textOf} and dropped like any tag in a title, so it never reaches a reader as markup.
     */
    private static String referencesDecoded(String text) {
        if (text.indexOf('&') < 0) {
            return text;
        }
        Matcher reference = CHARACTER_REFERENCE.matcher(text);
        if (!reference.find()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        do {
            reference.appendReplacement(
                    out, Matcher.quoteReplacement(Parser.unescapeEntities(reference.group(), true)));
        } while (reference.find());
        return reference.appendTail(out).toString();
    }

    private static String visibleText(String html) {
        Element body = Jsoup.parseBodyFragment(html).body();
        SummaryPolicy.prepare(body);
        return body.text();
    }

    /**
     * Every element under {@code root}, root first, in document order: what {@code getAllElements()} gives, without
     * the stream and iterator it builds, which cost as much as the passes that read the list.
     */
    static List<Element> elementsOf(Element root) {
        List<Element> elements = new ArrayList<>();
        elements.add(root);
        Element element = root.firstElementChild();
        while (element != null) {
            elements.add(element);
            Element next = element.firstElementChild();
            while (next == null && element != root) {
                next = element.nextElementSibling();
                if (next == null) {
                    element = element.parent();
                }
            }
            element = next;
        }
        return elements;
    }

    /** Relative links are resolved against {@code base}; only absolute http(s) links survive. */
    private void normalizeLinks(List<Element> elements, URI base) {
        for (Element anchor : elements) {
            if (!anchor.nameIs("a")) {
                continue;
            }
            Optional<URI> href = links.normalize(withoutControls(anchor.attr("href")), base);
            if (href.isPresent()) {
                anchor.attr("href", href.get().toASCIIString()).attr("rel", SummaryPolicy.LINK_REL);
            } else {
                anchor.unwrap();
            }
        }
    }

    /** C0 controls inside a link are dropped before it is read, as jsoup's own link resolution did. */
    private static String withoutControls(String href) {
        for (int i = 0; i < href.length(); i++) {
            if (href.charAt(i) < ' ') {
                StringBuilder out = new StringBuilder(href.length());
                for (int j = 0; j < href.length(); j++) {
                    if (href.charAt(j) >= ' ') {
                        out.append(href.charAt(j));
                    }
                }
                return out.toString();
            }
        }
        return href;
    }

    /** Removes elements left empty (a paragraph that held only a tracking pixel), innermost first. */
    private static void dropEmptyElements(List<Element> elements) {
        for (int i = elements.size() - 1; i >= 1; i--) {
            Element element = elements.get(i);
            if (element.nameIs("br") || element.parent() == null) {
                continue;
            }
            if (element.childNodeSize() == 0) {
                element.remove();
            } else if (isBlankContent(element)) {
                if (BLOCKS.contains(element.normalName())) {
                    element.remove();
                } else {
                    element.unwrap();
                }
            }
        }
    }

    private static boolean isBlankContent(Element element) {
        for (Node child : element.childNodes()) {
            if (!(child instanceof TextNode text) || !text.isBlank()) {
                return false;
            }
        }
        return true;
    }

    /**
     * Joins neighbouring text nodes (left behind where the cleaner unwrapped elements) before collapsing
     * whitespace, so that parsing the output again yields the same nodes: that is what makes cleaning idempotent.
     */
    private static void normalizeTextNodes(List<Element> elements) {
        for (Element element : elements) {
            if (element.parent() == null) {
                continue; // unwrapped or removed above
            }
            TextNode previous = null;
            for (Node child = element.firstChild(); child != null; ) {
                Node next = child.nextSibling();
                if (child instanceof TextNode text) {
                    if (previous != null) {
                        previous.text(previous.getWholeText() + text.getWholeText());
                        text.remove();
                    } else {
                        previous = text;
                    }
                } else {
                    previous = null;
                }
                child = next;
            }
            for (Node child = element.firstChild(); child != null; child = child.nextSibling()) {
                if (child instanceof TextNode text) {
                    String whole = text.getWholeText();
                    String normal = PlainTextRules.normalizeHtmlText(whole);
                    if (!normal.equals(whole)) {
                        text.text(normal);
                    }
                }
            }
            if (BLOCKS.contains(element.normalName())) {
                trimEdges(element);
            }
        }
    }

    /** Spaces just inside a block's tags show nowhere; dropping them keeps stored HTML tidy. */
    private static void trimEdges(Element block) {
        if (block.firstChild() instanceof TextNode first) {
            first.text(first.getWholeText().stripLeading());
        }
        if (block.lastChild() instanceof TextNode last) {
            last.text(last.getWholeText().stripTrailing());
        }
    }

    private static String baseUri(URI base) {
        return base == null ? "" : base.toString();
    }
}
