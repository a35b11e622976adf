package org.her2feeds.opml;

import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.her2feeds.publish.XmlText;

/**
 * Writes OPML 2.0 subscription lists with the JDK's StAX writer. Rome's OPML support is a separate artifact
 * ({@code rome-opml}) this project does not depend on; two flat lists do not need it.
 */
final class OpmlWriter {

    static final String CONTENT_TYPE = "text/x-opml;charset=utf-8";

    private OpmlWriter() {}

    static byte[] write(String title, Instant created, List<OpmlOutline> outlines) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            xml.writeStartElement("opml");
            xml.writeAttribute("version", "2.0");
            xml.writeCharacters("\n  ");
            xml.writeStartElement("head");
            element(xml, "title", XmlText.of(title));
            element(xml, "dateCreated", DateTimeFormatter.RFC_1123_DATE_TIME.format(created.atOffset(ZoneOffset.UTC)));
            xml.writeCharacters("\n  ");
            xml.writeEndElement();
            xml.writeCharacters("\n  ");
            xml.writeStartElement("body");
            for (OpmlOutline outline : outlines) {
                outline(xml, outline, 2);
            }
            xml.writeCharacters("\n  ");
            xml.writeEndElement();
            xml.writeCharacters("\n");
            xml.writeEndElement();
            xml.writeCharacters("\n");
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("Could not write OPML", e);
        }
        return out.toByteArray();
    }

    private static void element(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
        xml.writeCharacters("\n    ");
        xml.writeStartElement(name);
        xml.writeCharacters(text);
        xml.writeEndElement();
    }

    private static void outline(XMLStreamWriter xml, OpmlOutline outline, int depth) throws XMLStreamException {
        xml.writeCharacters("\n" + "  ".repeat(depth));
        boolean folder = !outline.children().isEmpty();
        if (folder) {
            xml.writeStartElement("outline");
        } else {
            xml.writeEmptyElement("outline");
        }
        xml.writeAttribute("text", XmlText.of(outline.text()));
        if (outline.xmlUrl() != null) {
            xml.writeAttribute("type", "rss");
            xml.writeAttribute("title", XmlText.of(outline.text()));
            xml.writeAttribute("xmlUrl", outline.xmlUrl());
        }
        if (outline.htmlUrl() != null) {
            xml.writeAttribute("htmlUrl", outline.htmlUrl());
        }
        if (outline.description() != null) {
            xml.writeAttribute("description", XmlText.of(outline.description()));
        }
        if (folder) {
            for (OpmlOutline child : outline.children()) {
                outline(xml, child, depth + 1);
            }
            xml.writeCharacters("\n" + "  ".repeat(depth));
            xml.writeEndElement();
        }
    }
}
