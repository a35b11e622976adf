package org.her2feeds.parse;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.util.Optional;
import org.jdom2.Document;
import org.jdom2.JDOMException;
import org.springframework.stereotype.Component;

/**
 * Reads fetched feed documents (RSS 0.9x, RSS 1.0/RDF, RSS 2.0, Atom 0.3/1.0) into {@link ParsedFeed}s.
 * <p>
 * Well-formed documents take the fast path: one strict parse, without Rome's XML healer (which costs three to
 * four times the parse). Only a document that fails goes through the repair path (leading garbage, HTML named
 * entities, stray ampersands, characters XML forbids, an external DOCTYPE) and is parsed again; the result is
 * then marked {@link ParsedFeed#repaired()}. DOCTYPEs with entity declarations are refused on both paths.
 * Thread-safe.
 */
@Component
public class FeedParser {

    /** Far larger than any journal feed; a bound on what one document may make the parser hold. */
    static final int MAX_BODY_BYTES = 32 * 1024 * 1024;

    static final int MAX_ELEMENT_DEPTH = 256;

    private final HardenedXmlBuilder xml = new HardenedXmlBuilder(MAX_ELEMENT_DEPTH);
    private final XmlRepair repair = new XmlRepair(HtmlEntities.load());
    private final FeedMapper mapper;
    private final DocumentContent content = new DocumentContent();

    public FeedParser() {
        this.mapper = new FeedMapper(new DatePolicy());
    }

    /**
     * @param body        the fetched bytes
     * @param contentType the HTTP Content-Type, or null; its charset is honoured as XML over HTTP requires
     * @param feedUri     where the document came from (the XML base of the document)
     * @throws FeedParseException when the document is not a feed or cannot be repaired into one
     */
    public ParsedFeed parse(byte[] body, String contentType, URI feedUri) throws FeedParseException {
        if (body == null || body.length == 0) {
            throw new FeedParseException("empty body");
        }
        if (body.length > MAX_BODY_BYTES) {
            throw new FeedParseException("body too large: " + body.length + " bytes (limit " + MAX_BODY_BYTES + ")");
        }
        String systemId = feedUri == null ? null : feedUri.toString();
        Document document = null;
        Exception strictFailure = null;
        try {
            document = xml.build(BodyDecoding.open(body, contentType), systemId);
        } catch (JDOMException | IOException | IllegalArgumentException e) {
            // IllegalArgumentException: a charset name the JDK does not know.
            strictFailure = e;
        }
        if (document != null) {
            return mapper.map(document, false);
        }
        return parseRepaired(BodyDecoding.decode(body, contentType), systemId, strictFailure);
    }

    /**
     * A fingerprint of what the document says, blind to the feed-level dates publishers rewrite at every request
     * (see {@link DocumentContent}): equal fingerprints give equal {@link #parse} results, at a fraction of a parse's
     * cost. Empty when the document is not plain well-formed XML without a DTD.
     *
     * @param contentType the HTTP Content-Type, or null; decides the decoding as it does for {@link #parse}
     */
    public Optional<String> contentFingerprint(byte[] body, String contentType) {
        return content.fingerprint(body, contentType);
    }

    private ParsedFeed parseRepaired(String text, String systemId, Exception strictFailure) throws FeedParseException {
        switch (BodyShape.of(text)) {
            case EMPTY:
                throw new FeedParseException("empty body");
            case HTML:
                throw new FeedParseException("not a feed (HTML page)");
            case JSON:
                throw new FeedParseException("not a feed: looks like JSON, not RSS or Atom");
            case NO_MARKUP:
                throw new FeedParseException("not a feed: no XML markup in the body");
            case NO_ELEMENT:
                throw new FeedParseException("not a feed: the document has no root element");
            default:
                break;
        }
        String repaired = repair.repair(text);
        Document document;
        try {
            document = xml.build(new StringReader(repaired), systemId);
        } catch (JDOMException | IOException e) {
            FeedParseException failure = XmlErrors.describe(e, MAX_ELEMENT_DEPTH);
            failure.addSuppressed(strictFailure);
            throw failure;
        }
        return mapper.map(document, true);
    }
}
