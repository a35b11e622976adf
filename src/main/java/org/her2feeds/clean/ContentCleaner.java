package org.her2feeds.clean;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
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
        // One walk serves the passes below: they only detach elements (unwrapped or removed), never add any.
        List<Element> elements = elementsOf(body);
        normalizeLinks(elements, base);
        if (html.indexOf('&') >= 0) {
            // Before dropping empty elements: a reference may decode to a space ("&#32;"), leaving its element empty.
            decodeReferences(elements);
        }
        dropEmptyElements(elements);
        normalizeTextNodes(elements);
        // The text nodes hold their references decoded already: decoding body.text() again would decode twice.
        String fullText = withoutEscapedMarkup(PlainTextRules.normalize(body.text()));
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
     * Plain text of a field read as HTML once: its character references decoded once more
     * ({@link #referencesDecoded}), then any markup it was escaped to read ({@link #withoutEscapedMarkup}).
     */
    private static String textOf(String decoded) {
        return withoutEscapedMarkup(referencesDecoded(PlainTextRules.normalize(decoded), PlainTextRules::normalize));
    }

    /**
     * Text that still contains tags after one decoding was escaped twice by its feed (a title of
     * "&amp;lt;b&amp;gt;HER2&amp;lt;/b&amp;gt;"); it is read as HTML again, so readers see "HER2", not markup.
     */
    private static String withoutEscapedMarkup(String text) {
        for (int round = 0; round < MAX_UNESCAPE_ROUNDS && PlainTextRules.mayHoldMarkup(text); round++) {
            text = PlainTextRules.normalize(visibleText(text));
        }
        return PlainTextRules.withoutTagOpeners(text);
    }

    /**
     * Text that still holds a complete character reference after being read as HTML once ({@code &quot;},
     * {@code &#8220;}, {@code &amp;}) came from a feed that escaped its text twice ({@code &amp;amp;quot;} in the
     * XML, or {@code &amp;quot;} inside CDATA): a publishing tool escaped the author's text and its template escaped
     * the result again. NetNewsWire decodes once and shows {@code &quot;}, calling it the feed's bug; but a
     * reference shown to a reader is never what the author meant, so its references are decoded once more, by jsoup
     * rather than a table of ours. This one decision serves plain text (titles, categories) and every text node of
     * a summary's HTML, so the summary's HTML and its text read alike. Only references ended by ';' whose name
     * jsoup knows count, as escaping programs write them: {@code AT&T}, {@code R&D}, {@code Q&A} or {@code &not}
     * and a space stay as they are. A tag this reveals ({@code &lt;b&gt;}) stays text in the HTML (jsoup escapes
     * it on output) and is dropped from plain text by {@link #withoutEscapedMarkup}.
     *
     * <p>Once more only, and only when that leaves no reference: text that still holds one ({@code &amp;lt;},
     * {@code &amp;amp;}) was escaped three times or is about references, and stays as it is rather than show
     * {@code &lt;}. Decoding it to {@code &lt;} would not be the author's text either, and in the HTML it would
     * break idempotence: cleaning that HTML again would find {@code &lt;} and decode it to {@code <}. Decoding
     * until none is left would turn an author's {@code &amp;lt;} (HTML about HTML) into {@code <}.
     *
     * @param normalText text as {@code normalize} leaves it; the answer is normalised too, so that normalising
     *     what decoding gives (a dropped control character) cannot make a reference a later cleaning would decode
     */
    private static String referencesDecoded(String normalText, UnaryOperator<String> normalize) {
        String decoded = decodedOnce(normalText);
        if (decoded == normalText) {
            return normalText;
        }
        decoded = normalize.apply(decoded);
        return decodedOnce(decoded) == decoded ? decoded : normalText;
    }

    /** Every complete reference jsoup knows decoded; {@code text} itself (the same object) when there is none. */
    private static String decodedOnce(String text) {
        if (text.indexOf('&') < 0) {
            return text;
        }
        Matcher reference = CHARACTER_REFERENCE.matcher(text);
        StringBuilder out = null;
        int copied = 0;
        while (reference.find()) {
            String written = reference.group();
            String character = Parser.unescapeEntities(written, true);
            if (!character.equals(written)) {
                if (out == null) {
                    out = new StringBuilder(text.length());
                }
                out.append(text, copied, reference.start()).append(character);
                copied = reference.end();
            }
        }
        return out == null ? text : out.append(text, copied, text.length()).toString();
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
     * Decodes the character references left in the text nodes ({@link #referencesDecoded}), each joined with its
     * neighbours first, so that a reference split where the cleaner unwrapped an element is decoded now, not by a
     * later cleaning of this output. Only a summary with an ampersand comes here, and a text node without one costs
     * one indexOf.
     */
    private static void decodeReferences(List<Element> elements) {
        for (Element element : elements) {
            if (element.parent() == null) {
                continue; // unwrapped above
            }
            joinTextNodes(element);
            for (Node child = element.firstChild(); child != null; child = child.nextSibling()) {
                if (child instanceof TextNode text && text.getWholeText().indexOf('&') >= 0) {
                    String normal = PlainTextRules.normalizeHtmlText(text.getWholeText());
                    String decoded = referencesDecoded(normal, PlainTextRules::normalizeHtmlText);
                    if (decoded != normal) {
                        text.text(decoded);
                    }
                }
            }
        }
    }

    /**
     * Joins neighbouring text nodes (left behind where the cleaner unwrapped elements) before collapsing
     * whitespace, so that parsing the output again yields the same nodes: that is what makes cleaning idempotent.
     * A reference that only joining across a removed empty element makes is decoded here, for the same reason; text
     * {@link #decodeReferences} decoded holds none, and text it left as it was is left so again.
     */
    private static void normalizeTextNodes(List<Element> elements) {
        for (Element element : elements) {
            if (element.parent() == null) {
                continue; // unwrapped or removed above
            }
            joinTextNodes(element);
            for (Node child = element.firstChild(); child != null; child = child.nextSibling()) {
                if (child instanceof TextNode text) {
                    String whole = text.getWholeText();
                    String normal = referencesDecoded(
                            PlainTextRules.normalizeHtmlText(whole), PlainTextRules::normalizeHtmlText);
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

    private static void joinTextNodes(Element element) {
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
