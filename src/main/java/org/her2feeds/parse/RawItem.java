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

    /** Link texts and hrefs, for identifiers hidden in URLs. */
    List<String> linkTexts() {
        List<String> links = new ArrayList<>();
        for (Element link : ownChildren("link")) {
            String href = link.getAttributeValue("href");
            links.add(href != null ? href : link.getTextTrim());
        }
        links.addAll(texts(prismChildren("url")));
        return links;
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
