package org.her2feeds.bench;

import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamReader;
import org.her2feeds.parse.FeedParser;

/** The parsing floors, over the corpus held in memory (the disk is not what is measured). */
final class ParseBench {

    private record Document(byte[] body, URI uri) {}

    private final List<Document> documents = new ArrayList<>();
    private final XMLInputFactory stax = XMLInputFactory.newFactory();
    private final FeedParser feedParser = new FeedParser();

    ParseBench(List<Path> files) throws Exception {
        for (Path file : files) {
            documents.add(new Document(Files.readAllBytes(file), file.toUri()));
        }
        stax.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        stax.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        stax.setProperty(XMLInputFactory.IS_COALESCING, false);
    }

    /** Every event of every document, touching the text: the cost of reading the XML at all. */
    long stax() throws Exception {
        long items = 0;
        long chars = 0;
        for (Document document : documents) {
            XMLStreamReader reader = stax.createXMLStreamReader(new ByteArrayInputStream(document.body()));
            while (reader.hasNext()) {
                int event = reader.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    String name = reader.getLocalName();
                    if (name.equals("item") || name.equals("entry")) {
                        items++;
                    }
                } else if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA) {
                    chars += reader.getTextLength();
                }
            }
            reader.close();
        }
        if (chars == 0) {
            throw new IllegalStateException("StAX read no text");
        }
        return items;
    }

    /** Rome's SyndFeedInput as FeedParser's fast path uses it: XmlReader for the charset, healer off. */
    long rome() throws Exception {
        long items = 0;
        for (Document document : documents) {
            SyndFeedInput input = new SyndFeedInput();
            input.setXmlHealerOn(false);
            input.setPreserveWireFeed(true);
            items += input.build(new XmlReader(new ByteArrayInputStream(document.body()), true))
                    .getEntries()
                    .size();
        }
        return items;
    }

    /** The application's FeedParser: hardened JDOM build, Rome, and the mapping to ParsedEntry (dates, DOIs). */
    long feedParser() throws Exception {
        long items = 0;
        for (Document document : documents) {
            items += feedParser
                    .parse(document.body(), null, document.uri())
                    .entries()
                    .size();
        }
        return items;
    }
}
