package org.her2feeds.parse;

import java.io.IOException;
import java.io.Reader;
import javax.xml.XMLConstants;
import org.jdom2.Document;
import org.jdom2.JDOMException;
import org.jdom2.input.SAXBuilder;
import org.jdom2.input.sax.XMLReaders;
import org.xml.sax.InputSource;

/**
 * Builds the XML tree Rome reads, with the parser locked down: no DOCTYPE (so no entity declarations, no
 * external DTD, no entity expansion at all), no external entities, and a bound on element depth so that a
 * hostile document cannot overflow the stack of the code that walks the tree. Rome would configure most of
 * this itself, but it cannot be told the depth bound, so the tree is built here and handed to Rome.
 */
final class HardenedXmlBuilder {

    /** JDK property (JAXP 1.5+); far above any real feed, far below what overflows a thread stack. */
    private static final String MAX_ELEMENT_DEPTH = "http://www.oracle.com/xml/jaxp/properties/maxElementDepth";

    private final int maxElementDepth;

    HardenedXmlBuilder(int maxElementDepth) {
        this.maxElementDepth = maxElementDepth;
    }

    Document build(Reader reader, String systemId) throws JDOMException, IOException {
        InputSource source = new InputSource(reader);
        source.setSystemId(systemId);
        return newBuilder().build(source);
    }

    // A SAXBuilder is not thread-safe and the parser is shared, so each document gets its own.
    private SAXBuilder newBuilder() {
        SAXBuilder builder = new SAXBuilder(XMLReaders.NONVALIDATING);
        builder.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        builder.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        builder.setFeature("http://xml.org/sax/features/external-general-entities", false);
        builder.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        builder.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        builder.setProperty(MAX_ELEMENT_DEPTH, Integer.toString(maxElementDepth));
        builder.setExpandEntities(false);
        builder.setReuseParser(false);
        return builder;
    }
}
