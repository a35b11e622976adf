package org.her2feeds.opml;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads the feed subscriptions of an OPML file (any folder depth) with the JDK's StAX parser, DTDs and
 * external entities off: an OPML file from elsewhere must not make the service read files or expand entities.
 */
final class OpmlReader {

    private OpmlReader() {}

    /** @throws IllegalArgumentException naming the file and the problem when it is not readable OPML */
    public static List<OpmlOutline> subscriptions(Path file) {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        List<OpmlOutline> feeds = new ArrayList<>();
        boolean opml = false;
        try (InputStream in = Files.newInputStream(file)) {
            XMLStreamReader xml = factory.createXMLStreamReader(in);
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamConstants.DTD) {
                    throw new IllegalArgumentException(file + ": OPML files with a DOCTYPE are refused");
                }
                if (event != XMLStreamConstants.START_ELEMENT) {
                    continue;
                }
                if (xml.getLocalName().equals("opml")) {
                    opml = true;
                } else if (xml.getLocalName().equals("outline")) {
                    String xmlUrl = attribute(xml, "xmlUrl");
                    if (xmlUrl != null) {
                        String title = attribute(xml, "title");
                        String text = title != null ? title : attribute(xml, "text");
                        feeds.add(OpmlOutline.feed(
                                text == null ? xmlUrl : text,
                                xmlUrl,
                                attribute(xml, "htmlUrl"),
                                attribute(xml, "description")));
                    }
                }
            }
        } catch (XMLStreamException e) {
            throw new IllegalArgumentException(file + ": not well-formed XML: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": cannot be read: " + e.getMessage(), e);
        }
        if (!opml) {
            throw new IllegalArgumentException(file + ": not an OPML file (no <opml> element)");
        }
        return feeds;
    }

    private static String attribute(XMLStreamReader xml, String name) {
        String value = xml.getAttributeValue(null, name);
        return value == null || value.isBlank() ? null : value.trim();
    }
}
