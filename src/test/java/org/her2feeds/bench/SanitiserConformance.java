package org.her2feeds.bench;

import java.io.StringReader;
import java.io.StringWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.her2feeds.clean.UniversalSafety;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The universal layer of ../shared/conformance (its README), run against any sanitiser for issue 12's comparison:
 * for each case the output HTML must hold no forbidden element, event handler or script URL (UniversalSafety's
 * checks), cleaning it again must change nothing, and OWASP's must-not-contain rows must hold. The project's own
 * cleaner is held to this, and to more, by ContentCleanerConformanceTest; this counts, it asserts nothing.
 */
final class SanitiserConformance {

    /** One input of a suite; {@code forbidden} is an OWASP must-not-contain substring, or null. */
    record Case(String id, String input, URI base, String forbidden) {}

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String XHTML = "http://www.w3.org/1999/xhtml";

    private SanitiserConformance() {}

    /** Every suite's cases, by suite name, in the order of the README's table. */
    static Map<String, List<Case>> suites(Path corpus) throws Exception {
        Map<String, List<Case>> suites = new LinkedHashMap<>();
        List<Case> sanitize = new ArrayList<>();
        for (String file : manifest(corpus.resolve("sanitize"))) {
            String raw = Files.readString(corpus.resolve("sanitize").resolve(file), StandardCharsets.UTF_8);
            sanitize.add(new Case(file, raw, null, null));
            int field = 0;
            for (String content : fields(raw)) {
                sanitize.add(new Case(file + "#" + field++, content, null, null));
            }
        }
        suites.put("sanitize (feedparser)", sanitize);
        List<Case> bleach = new ArrayList<>();
        for (String file : manifest(corpus.resolve("xss"))) {
            if (file.startsWith("bleach/")) {
                String content = Files.readString(corpus.resolve("xss").resolve(file), StandardCharsets.UTF_8);
                int separator = content.indexOf("\n--\n");
                bleach.add(new Case(
                        file, (separator < 0 ? content : content.substring(0, separator)).strip(), null, null));
            }
        }
        suites.put("xss/bleach", bleach);
        List<Case> dompurify = new ArrayList<>();
        int index = 0;
        for (JsonNode row : json(corpus.resolve("xss/dompurify/expect.json"))) {
            dompurify.add(new Case("#" + index++, row.path("payload").asString(), null, null));
        }
        suites.put("xss/dompurify", dompurify);
        List<Case> html5lib = new ArrayList<>();
        for (JsonNode row : json(corpus.resolve("xss/html5lib/sanitizer-tests1.json"))) {
            html5lib.add(new Case(row.path("name").asString(), row.path("input").asString(), null, null));
        }
        suites.put("xss/html5lib", html5lib);
        List<Case> miniflux = new ArrayList<>();
        for (JsonNode row : json(corpus.resolve("xss/miniflux/sanitizer-cases.json"))) {
            JsonNode baseUrl = row.path("base_url");
            miniflux.add(new Case(
                    row.path("test").asString() + "/" + row.path("case").asString(),
                    row.path("input").asString(),
                    baseUrl.isString() ? URI.create(baseUrl.asString()) : null,
                    null));
        }
        suites.put("xss/miniflux", miniflux);
        List<Case> owasp = new ArrayList<>();
        for (JsonNode row : json(corpus.resolve("xss/owasp/cases.json"))) {
            boolean mustNot = row.path("check").asString().equals("output_must_not_contain");
            owasp.add(new Case(
                    row.path("source").asString(),
                    row.path("input").asString(),
                    null,
                    mustNot ? row.path("substring_case_insensitive").asString().toLowerCase(Locale.ROOT) : null));
        }
        owasp.add(new Case(
                "htmllexerinput1.html",
                Files.readString(corpus.resolve("xss/owasp/htmllexerinput1.html"), StandardCharsets.UTF_8),
                null,
                null));
        suites.put("xss/owasp", owasp);
        List<Case> payloads = new ArrayList<>();
        List<String> lines =
                Files.readAllLines(corpus.resolve("xss/payloadbox/xss-payload-list.txt"), StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            payloads.add(new Case("line " + (i + 1), lines.get(i), null, null));
        }
        suites.put("xss/payloadbox", payloads);
        return suites;
    }

    /** The problems of one case under one sanitiser: empty when it passes the universal layer. */
    static List<String> problems(SanitiserBench.Sanitiser sanitiser, Case testCase) {
        List<String> problems = new ArrayList<>();
        String html = sanitiser
                .clean(new SanitiserBench.Summary(testCase.input(), testCase.base()))
                .html();
        problems.addAll(UniversalSafety.htmlViolations(html));
        String again = sanitiser
                .clean(new SanitiserBench.Summary(html, testCase.base()))
                .html();
        if (!again.equals(html)) {
            problems.add(
                    "not idempotent: " + UniversalSafety.abbreviate(html) + " -> " + UniversalSafety.abbreviate(again));
        }
        if (testCase.forbidden() != null && html.toLowerCase(Locale.ROOT).contains(testCase.forbidden())) {
            problems.add("contains \"" + testCase.forbidden() + "\": " + UniversalSafety.abbreviate(html));
        }
        return problems;
    }

    private static List<String> manifest(Path folder) throws Exception {
        return Files.readAllLines(folder.resolve("MANIFEST.tsv"), StandardCharsets.UTF_8).stream()
                .skip(1)
                .filter(line -> !line.isBlank())
                .map(line -> line.split("\t", -1)[0])
                .toList();
    }

    private static JsonNode json(Path file) throws Exception {
        return JSON.readTree(Files.readString(file, StandardCharsets.UTF_8));
    }

    /** What a feed parser hands over per field of a well-formed case: its text, or its inline XHTML. */
    private static List<String> fields(String raw) {
        List<String> fields = new ArrayList<>();
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            collect(
                    factory.newDocumentBuilder()
                            .parse(new InputSource(new StringReader(raw)))
                            .getDocumentElement(),
                    fields);
        } catch (Exception notWellFormed) {
            // checked whole only
        }
        return fields;
    }

    private static void collect(Element element, List<String> fields) throws Exception {
        if (XHTML.equals(element.getNamespaceURI())) {
            StringWriter out = new StringWriter();
            var transformer = TransformerFactory.newInstance().newTransformer();
            transformer.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
            transformer.transform(new DOMSource(element), new StreamResult(out));
            fields.add(out.toString());
            return;
        }
        NodeList nodes = element.getChildNodes();
        boolean leaf = true;
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i).getNodeType() == Node.ELEMENT_NODE) {
                leaf = false;
                collect((Element) nodes.item(i), fields);
            }
        }
        String text = element.getTextContent();
        if (leaf && !text.isBlank()) {
            fields.add(
                    "base64".equals(element.getAttribute("mode"))
                            ? new String(Base64.getMimeDecoder().decode(text.strip()), StandardCharsets.UTF_8)
                            : text);
        }
    }
}
