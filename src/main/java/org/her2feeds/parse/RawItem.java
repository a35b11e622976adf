package org.her2feeds.parse;

import java.util.ArrayList;
import java.util.List;
import org.jdom2.Element;
import org.jdom2.Namespace;

/**
 * The raw text of one item's elements that Rome either does not keep ({@code prism:doi}, date strings) or
 * reads leniently (dates). Elements of the item's own vocabulary are those in the item's
 * namespace; the rest are matched by namespace URI.
 */
final class RawItem {

    static final String DC = "http://purl.org/dc/elements/1.1/";
    static final String DCTERMS = "http://purl.org/dc/terms/";
    static final String CONTENT = "http://purl.org/rss/1.0/modules/content/";
    static final String MEDIA = "http://search.yahoo.com/mrss/";
    static final String FEEDBURNER = "http://rssnamespace.org/feedburner/ext/1.0";
    private static final String PRISM_PREFIX = "http://prismstandard.org/namespaces/";
    private static final RawItem ABSENT = new RawItem(null);

    private final Element element;

    private RawItem(Element element) {
        this.element = element;
    }

    static RawItem of(Element element) {
        return new RawItem(element);
    }

    /** Stands in when the items of the tree cannot be matched one-to-one with Rome's entries. */
    static RawItem absent() {
        return ABSENT;
    }

    /** Publication date strings, most specific first. */
    List<String> publishedTexts() {
        List<Element> found = new ArrayList<>(ownChildren("pubDate", "published", "issued", "created"));
        found.addAll(children(DC, "date"));
        found.addAll(prismChildren("publicationDate", "coverDate"));
        found.addAll(children(DCTERMS, "issued", "created"));
        return texts(found);
    }

    List<String> updatedTexts() {
        List<Element> found = new ArrayList<>(ownChildren("updated", "modified"));
        found.addAll(children(DCTERMS, "modified"));
        return texts(found);
    }

    /** Values meant as identifiers: dc:identifier, prism:doi, dcterms:identifier. */
    List<String> identifierTexts() {
        List<Element> found = new ArrayList<>(children(DC, "identifier"));
        found.addAll(prismChildren("doi"));
        found.addAll(children(DCTERMS, "identifier"));
        return texts(found);
    }

    /**
     * The item's own link texts and hrefs, for identifiers hidden in URLs. Links to other documents (Atom
     * {@code rel="related"}, {@code via}, {@code enclosure}, {@code replies}) are left out: a paper an item
     * cites is not the item.
     */
    List<String> ownLinkTexts() {
        List<String> links = new ArrayList<>();
        for (Element link : ownChildren("link")) {
            if (isOwnLink(link)) {
                String href = link.getAttributeValue("href");
                links.add(href != null ? href : link.getTextTrim());
            }
        }
        links.addAll(texts(prismChildren("url")));
        links.addAll(texts(children(FEEDBURNER, "origLink")));
        return links;
    }

    /**
     * The element that holds the item's link (the Atom alternate link, preferring an HTML one, or the RSS
     * {@code link}); null when there is none. FeedBurner's {@code origLink} wins over a redirecting proxy link.
     */
    Element linkElement() {
        if (element == null) {
            return null;
        }
        List<Element> origin = children(FEEDBURNER, "origLink");
        if (!origin.isEmpty() && !origin.get(0).getTextTrim().isEmpty()) {
            return origin.get(0);
        }
        Element first = null;
        for (Element link : ownChildren("link")) {
            String rel = link.getAttributeValue("rel");
            if (rel != null && !rel.isBlank() && !rel.strip().equals("alternate")) {
                continue;
            }
            String type = link.getAttributeValue("type");
            if (type == null || type.contains("html")) {
                return link;
            }
            first = first == null ? link : first;
        }
        return first;
    }

    private static boolean isOwnLink(Element link) {
        String rel = link.getAttributeValue("rel");
        return rel == null
                || rel.isBlank()
                || rel.strip().equals("alternate")
                || rel.strip().equals("self");
    }

    /**
     * The media file the item carries (RSS {@code enclosure}, Atom {@code rel="enclosure"}, Media RSS
     * {@code content}): a podcast episode without a web page is still something a reader can open.
     */
    Element enclosureElement() {
        if (element == null) {
            return null;
        }
        for (Element child : element.getChildren()) {
            boolean rssEnclosure = child.getName().equals("enclosure") && child.getAttributeValue("url") != null;
            boolean atomEnclosure =
                    child.getName().equals("link") && "enclosure".equals(child.getAttributeValue("rel"));
            boolean media = child.getName().equals("content")
                    && MEDIA.equals(child.getNamespaceURI())
                    && child.getAttributeValue("url") != null;
            if (rssEnclosure || atomEnclosure || media) {
                return child;
            }
        }
        return null;
    }

    /** The link's href or text; null when absent. */
    static String linkValue(Element link) {
        if (link == null) {
            return null;
        }
        String href = link.getAttributeValue("href");
        String url = link.getAttributeValue("url");
        String value = href != null ? href : url != null ? url : link.getTextTrim();
        return value == null || value.isBlank() ? null : value.strip();
    }

    /**
     * The {@code xml:base} values in force at {@code from}, outermost first, each to be resolved against the one
     * before it (RFC 3986 section 5.1.1); empty when none is given.
     */
    static List<String> xmlBases(Element from) {
        List<String> bases = new ArrayList<>();
        for (Element e = from; e != null; e = e.getParentElement()) {
            String base = e.getAttributeValue("base", Namespace.XML_NAMESPACE);
            if (base != null) {
                bases.add(0, base.strip());
            }
        }
        return bases;
    }

    Element element() {
        return element;
    }

    /**
     * The full text the item carries besides its description ({@code content:encoded}, Atom {@code content}),
     * or null. Feeds often send a teaser as the description and the text here.
     */
    String contentHtml() {
        if (element == null) {
            return null;
        }
        List<Element> found = new ArrayList<>(children(CONTENT, "encoded"));
        found.addAll(ownChildren("content"));
        for (Element content : found) {
            String text = content.getChildren().isEmpty() ? content.getText() : xhtml(content);
            if (text != null && !text.isBlank()) {
                return text;
            }
        }
        return null;
    }

    /** Atom's type="xhtml" content is a div of elements; its markup is what the cleaner reads. */
    private static String xhtml(Element content) {
        return new org.jdom2.output.XMLOutputter(org.jdom2.output.Format.getRawFormat())
                .outputString(content.getContent());
    }

    private List<Element> ownChildren(String... names) {
        return element == null ? List.of() : children(element.getNamespaceURI(), names);
    }

    private List<Element> children(String namespaceUri, String... names) {
        if (element == null) {
            return List.of();
        }
        List<Element> found = new ArrayList<>();
        for (String name : names) {
            found.addAll(element.getChildren(name, Namespace.getNamespace(namespaceUri)));
        }
        return found;
    }

    private List<Element> prismChildren(String... names) {
        if (element == null) {
            return List.of();
        }
        List<Element> found = new ArrayList<>();
        for (String name : names) {
            for (Element child : element.getChildren()) {
                if (child.getName().equals(name) && child.getNamespaceURI().startsWith(PRISM_PREFIX)) {
                    found.add(child);
                }
            }
        }
        return found;
    }

    private static List<String> texts(List<Element> elements) {
        List<String> texts = new ArrayList<>();
        for (Element e : elements) {
            String text = blankToNull(e.getTextTrim());
            if (text != null) {
                texts.add(text);
            }
        }
        return texts;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
