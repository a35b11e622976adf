package org.her2feeds.parse;

import java.io.IOException;
import java.io.Reader;
import java.util.Optional;
import java.util.Set;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.her2feeds.Sha256;

/**
 * What a feed document says, read with a plain streaming XML reader (a fraction of the cost of the tree Rome
 * needs), less the feed-level dates that publishers rewrite at every request ({@code lastBuildDate}, the channel's
 * {@code pubDate} and {@code dc:date}, the Atom feed's {@code updated}): nothing the service takes from a document
 * depends on them (entries keep their own dates), so two documents that differ only there give the same entries.
 * Everything else counts, markup included: element and attribute names with their namespaces and prefixes, text,
 * CDATA, comments and whitespace.
 */
final class DocumentContent {

    private static final String DC = RawItem.DC;
    private static final String DCTERMS = RawItem.DCTERMS;
    private static final String ATOM = "http://www.w3.org/2005/Atom";
    private static final String ATOM_03 = "http://purl.org/atom/ns#";

    /** Local names of the feed-level dates, in the feed element's own namespace (RSS, Atom) or in Dublin Core. */
    private static final Set<String> OWN_DATES = Set.of("lastBuildDate", "pubDate", "updated", "modified");

    private static final Set<String> DC_DATES = Set.of("date", "modified");

    /** The JDK reader's switch for reporting CDATA sections as such. */
    private static final String REPORT_CDATA = "http://java.sun.com/xml/stream/properties/report-cdata-event";

    private final XMLInputFactory factory;

    DocumentContent() {
        factory = XMLInputFactory.newFactory();
        // As for the tree: no DTD, no entity of any kind. A document that has one is simply not fingerprinted here.
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        try {
            // CDATA and text read alike but do not always clean alike (markup in Atom xhtml content is written out).
            factory.setProperty(REPORT_CDATA, true);
        } catch (IllegalArgumentException unsupported) {
            // Another StAX implementation: CDATA then counts as text, as the tree's text values do.
        }
    }

    /**
     * The fingerprint of the document's content, decoded as the parser decodes it; empty when the document is not
     * plain well-formed XML without a DTD (the caller then compares bytes).
     */
    Optional<String> fingerprint(byte[] body, String contentType) {
        if (body == null || body.length == 0 || body.length > FeedParser.MAX_BODY_BYTES) {
            return Optional.empty();
        }
        try (Reader decoded = BodyDecoding.open(body, contentType)) {
            XMLStreamReader xml = factory.createXMLStreamReader(decoded);
            try {
                return Optional.of(Sha256.hex(events(xml)));
            } finally {
                xml.close();
            }
        } catch (XMLStreamException | IOException | RuntimeException unreadable) {
            // RuntimeException: an unknown charset, or what a hostile document makes the reader throw.
            return Optional.empty();
        }
    }

    /**
     * The events as one text, every value prefixed by its length so that no two streams write the same. Neighbouring
     * text events are joined first: where a reader splits a text depends on its buffers, not on the document.
     */
    private static String events(XMLStreamReader xml) throws XMLStreamException {
        StringBuilder out = new StringBuilder(8192);
        StringBuilder text = new StringBuilder();
        char textKind = 0;
        int depth = 0;
        int feedDepth = -1;
        boolean feedClosed = false;
        String feedNamespace = null;
        int skipping = 0;
        while (xml.hasNext()) {
            int event = xml.next();
            if (skipping > 0) {
                if (event == XMLStreamConstants.START_ELEMENT) {
                    skipping++;
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    skipping--;
                }
                continue;
            }
            char kind = switch (event) {
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.SPACE -> 't';
                case XMLStreamConstants.CDATA -> 'c';
                default -> 0;
            };
            if (kind != 0) {
                if (kind != textKind) {
                    flush(out, textKind, text);
                    textKind = kind;
                }
                text.append(xml.getTextCharacters(), xml.getTextStart(), xml.getTextLength());
                continue;
            }
            if (event == XMLStreamConstants.START_ELEMENT) {
                String name = xml.getLocalName();
                String namespace = nullToEmpty(xml.getNamespaceURI());
                if (feedDepth < 0 && !feedClosed && isFeedElement(depth + 1, name, namespace)) {
                    feedDepth = depth + 1;
                    feedNamespace = namespace;
                } else if (feedDepth >= 0 && depth == feedDepth && isFeedDate(name, namespace, feedNamespace)) {
                    // The date and what it holds are left out; the text around it is joined as if it were absent.
                    skipping = 1;
                    continue;
                }
            }
            flush(out, textKind, text);
            textKind = 0;
            switch (event) {
                case XMLStreamConstants.START_ELEMENT -> {
                    depth++;
                    out.append('<');
                    value(out, xml.getPrefix());
                    value(out, xml.getNamespaceURI());
                    value(out, xml.getLocalName());
                    for (int i = 0; i < xml.getNamespaceCount(); i++) {
                        out.append('n');
                        value(out, xml.getNamespacePrefix(i));
                        value(out, xml.getNamespaceURI(i));
                    }
                    for (int i = 0; i < xml.getAttributeCount(); i++) {
                        out.append('a');
                        value(out, xml.getAttributePrefix(i));
                        value(out, xml.getAttributeNamespace(i));
                        value(out, xml.getAttributeLocalName(i));
                        value(out, xml.getAttributeValue(i));
                    }
                }
                case XMLStreamConstants.END_ELEMENT -> {
                    if (depth == feedDepth) {
                        // RDF's items follow its channel, beside it: their dates count.
                        feedDepth = -1;
                        feedClosed = true;
                    }
                    depth--;
                    out.append('>');
                }
                case XMLStreamConstants.COMMENT -> {
                    out.append('!');
                    value(out, xml.getText());
                }
                case XMLStreamConstants.PROCESSING_INSTRUCTION -> {
                    out.append('?');
                    value(out, xml.getPITarget());
                    value(out, xml.getPIData());
                }
                case XMLStreamConstants.DTD, XMLStreamConstants.ENTITY_REFERENCE ->
                    throw new XMLStreamException("a DTD or an entity reference: left to the parser");
                default -> {
                    // START_DOCUMENT, END_DOCUMENT: nothing of the content.
                }
            }
        }
        flush(out, textKind, text);
        return out.toString();
    }

    private static void flush(StringBuilder out, char kind, StringBuilder text) {
        if (kind != 0) {
            out.append(kind);
            value(out, text);
            text.setLength(0);
        }
    }

    /** The element whose children are the feed's own (RSS and RDF channel, Atom feed). */
    private static boolean isFeedElement(int depth, String name, String namespace) {
        boolean atomFeed = depth == 1 && name.equals("feed") && (namespace.equals(ATOM) || namespace.equals(ATOM_03));
        return atomFeed || (depth == 2 && name.equals("channel"));
    }

    private static boolean isFeedDate(String name, String namespace, String feedNamespace) {
        return (namespace.equals(feedNamespace) && OWN_DATES.contains(name))
                || ((namespace.equals(DC) || namespace.equals(DCTERMS)) && DC_DATES.contains(name));
    }

    private static void value(StringBuilder out, CharSequence value) {
        CharSequence text = value == null ? "" : value;
        out.append(text.length()).append(':').append(text);
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
