package org.her2feeds.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jdom2.Element;
import org.jdom2.Namespace;
import org.jdom2.filter.Filters;

/**
 * Shapes of real feeds that other readers accept and Rome rejects or crashes on: RSS without a version or with
 * one Rome does not know (read as 2.0, which later RSS versions read as), RSS in a namespace (Userland's early
 * RSS), RSS or RDF without a channel (its items, if any, stand directly under the root) and Atom without its
 * namespace (read as Atom 1.0).
 */
final class LegacyShapes {

    private static final Namespace ATOM_10 = Namespace.getNamespace("http://www.w3.org/2005/Atom");
    private static final Set<String> ROME_RSS_VERSIONS = Set.of("0.91", "0.92", "0.93", "0.94", "2.0");
    private static final String RSS2_USERLAND = "http://backend.userland.com/rss2";

    private LegacyShapes() {}

    static void adjust(Element root) {
        switch (root.getName()) {
            case "rss" -> rss(root);
            case "RDF" -> addMissingChannel(root, root.getNamespace(""));
            case "feed" -> {
                if (root.getNamespaceURI().isEmpty()) {
                    moveInto(root, Namespace.NO_NAMESPACE, ATOM_10);
                }
            }
            default -> {
                // not a shape Rome mishandles
            }
        }
    }

    private static void rss(Element rss) {
        String namespace = rss.getNamespaceURI();
        if (!namespace.isEmpty() && !namespace.equals(RSS2_USERLAND)) {
            moveInto(rss, rss.getNamespace(), Namespace.NO_NAMESPACE);
        }
        if (rss.getNamespaceURI().isEmpty() && !ROME_RSS_VERSIONS.contains(rss.getAttributeValue("version", ""))) {
            // Rome wants one of the versions it knows exactly; anything else reads as 2.0.
            rss.setAttribute("version", "2.0");
        }
        addMissingChannel(rss, rss.getNamespace());
    }

    private static void addMissingChannel(Element root, Namespace namespace) {
        for (Element child : root.getChildren()) {
            if (child.getName().equals("channel")) {
                return;
            }
        }
        Element channel = new Element("channel", namespace);
        if (root.getName().equals("rss")) {
            channel.addContent(root.removeContent());
        }
        root.addContent(0, channel);
    }

    private static void moveInto(Element root, Namespace from, Namespace to) {
        List<Element> elements = new ArrayList<>();
        elements.add(root);
        for (Element e : root.getDescendants(Filters.element(from))) {
            elements.add(e);
        }
        elements.forEach(e -> e.setNamespace(to));
    }
}
