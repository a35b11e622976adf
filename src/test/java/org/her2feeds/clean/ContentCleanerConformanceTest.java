package org.her2feeds.clean;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.her2feeds.testsupport.SharedMaterial;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Entities;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs every sanitiser case of ../shared/conformance (feedparser, DOMPurify, html5lib, bleach, OWASP, miniflux,
 * the payload list) through the cleaner and checks the policy-independent layer (see {@link UniversalSafety}).
 * The peers' exact outputs follow their own policies, so they are not compared.
 */
class ContentCleanerConformanceTest {

    private static final String XHTML = "http://www.w3.org/1999/xhtml";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static Path corpus;

    private final ContentCleaner cleaner = new ContentCleaner();
    private final UniversalSafety safety = new UniversalSafety(cleaner);

    @BeforeAll
    static void locateCorpus() {
        corpus = SharedMaterial.conformance();
    }

    @Test
    void feedparserSanitizeCases() throws Exception {
        Report report = new Report("sanitize");
        int agreeing = 0;
        int compared = 0;
        List<String> differing = new ArrayList<>();
        for (String file : manifestFiles(corpus.resolve("sanitize"))) {
            String raw = Files.readString(corpus.resolve("sanitize").resolve(file), StandardCharsets.UTF_8);
            List<String> fields = fieldContents(raw);
            for (String field : fields) {
                report.check(file, safety.violations(field, null));
            }
            report.check(file + " (whole file)", safety.violations(raw, null));
            report.cases++;
            String expectedText = expectedText(file);
            if (expectedText != null) {
                compared++;
                if (fields.stream()
                        .anyMatch(f -> cleaner.summary(f, null).text().equals(expectedText)
                                || cleaner.plainText(f).equals(expectedText))) {
                    agreeing++;
                } else {
                    differing.add(file);
                }
            }
        }
        System.out.printf(
                "[conformance] sanitize: visible text equals feedparser's in %d of %d comparable cases "
                        + "(information only: policies differ); differing: %s%n",
                agreeing, compared, differing);
        report.finish();
    }

    @Test
    void bleachCases() throws IOException {
        Report report = new Report("xss/bleach");
        for (String file : manifestFiles(corpus.resolve("xss")).stream()
                .filter(f -> f.startsWith("bleach/"))
                .toList()) {
            String content = Files.readString(corpus.resolve("xss").resolve(file), StandardCharsets.UTF_8);
            int separator = content.indexOf("\n--\n");
            String input = (separator < 0 ? content : content.substring(0, separator)).strip();
            report.check(file, safety.violations(input, null));
            report.cases++;
        }
        report.finish();
    }

    @Test
    void dompurifyCases() throws IOException {
        Report report = new Report("xss/dompurify");
        int index = 0;
        for (JsonNode testCase : readJson("xss/dompurify/expect.json")) {
            report.check(
                    "expect.json#" + index++ + " " + testCase.path("title").asString(),
                    safety.violations(testCase.path("payload").asString(), null));
            report.cases++;
        }
        report.finish();
    }

    @Test
    void html5libCases() throws IOException {
        Report report = new Report("xss/html5lib");
        for (JsonNode testCase : readJson("xss/html5lib/sanitizer-tests1.json")) {
            report.check(
                    "sanitizer-tests1.json " + testCase.path("name").asString(),
                    safety.violations(testCase.path("input").asString(), null));
            report.cases++;
        }
        report.finish();
    }

    @Test
    void minifluxCases() throws IOException {
        Report report = new Report("xss/miniflux");
        for (JsonNode testCase : readJson("xss/miniflux/sanitizer-cases.json")) {
            JsonNode baseUrl = testCase.path("base_url");
            URI base = baseUrl.isString() ? URI.create(baseUrl.asString()) : null;
            report.check(
                    "sanitizer-cases.json " + testCase.path("test").asString() + "/"
                            + testCase.path("case").asString(),
                    safety.violations(testCase.path("input").asString(), base));
            report.cases++;
        }
        report.finish();
    }

    @Test
    void owaspCases() throws IOException {
        Report report = new Report("xss/owasp");
        int mustNotContain = 0;
        for (JsonNode testCase : readJson("xss/owasp/cases.json")) {
            String input = testCase.path("input").asString();
            String id = "cases.json " + testCase.path("source").asString();
            List<String> problems = new ArrayList<>(safety.violations(input, null));
            if (testCase.path("check").asString().equals("output_must_not_contain")) {
                mustNotContain++;
                String forbidden =
                        testCase.path("substring_case_insensitive").asString().toLowerCase(Locale.ROOT);
                CleanSummary summary = cleaner.summary(input, null);
                if (summary.html().toLowerCase(Locale.ROOT).contains(forbidden)) {
                    problems.add("html contains \"" + forbidden + "\": " + UniversalSafety.abbreviate(summary.html()));
                }
            }
            report.check(id, problems);
            report.cases++;
        }
        String lexerInput = Files.readString(corpus.resolve("xss/owasp/htmllexerinput1.html"), StandardCharsets.UTF_8);
        report.check("htmllexerinput1.html", safety.violations(lexerInput, null));
        report.cases++;
        System.out.printf("[conformance] xss/owasp: %d must-not-contain rows checked%n", mustNotContain);
        report.finish();
    }

    @Test
    void payloadList() throws IOException {
        Report report = new Report("xss/payloadbox");
        List<String> lines =
                Files.readAllLines(corpus.resolve("xss/payloadbox/xss-payload-list.txt"), StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            report.check("xss-payload-list.txt:" + (i + 1), safety.violations(lines.get(i), null));
            report.cases++;
        }
        report.finish();
    }

    private static List<String> manifestFiles(Path folder) throws IOException {
        return Files.readAllLines(folder.resolve("MANIFEST.tsv"), StandardCharsets.UTF_8).stream()
                .skip(1)
                .filter(line -> !line.isBlank())
                .map(line -> line.split("\t", -1)[0])
                .toList();
    }

    private static JsonNode readJson(String relative) throws IOException {
        return JSON.readTree(Files.readString(corpus.resolve(relative), StandardCharsets.UTF_8));
    }

    /** The visible text of feedparser's expected value for this file, when it expects one exact string. */
    private static String expectedText(String file) throws IOException {
        for (String line : Files.readAllLines(corpus.resolve("sanitize/expected.jsonl"), StandardCharsets.UTF_8)) {
            JsonNode row = JSON.readTree(line);
            if (row.path("file").asString().equals(file)) {
                for (JsonNode check : row.path("checks")) {
                    if (check.path("op").asString().equals("==")
                            && check.path("value").isString()) {
                        String text = Jsoup.parseBodyFragment(
                                        check.path("value").asString())
                                .body()
                                .text();
                        return text.isBlank() ? null : text;
                    }
                }
            }
        }
        return null;
    }

    /**
     * What a feed parser hands over for each field: text (decoded, or base64-decoded), or the serialised inline
     * XHTML. A file that is not well-formed XML gives nothing here; it is still checked whole.
     */
    private static List<String> fieldContents(String raw) {
        List<String> fields = new ArrayList<>();
        Document document;
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            document = factory.newDocumentBuilder().parse(new InputSource(new StringReader(raw)));
        } catch (Exception notWellFormed) {
            return fields;
        }
        collect(document.getDocumentElement(), fields);
        return fields;
    }

    private static void collect(Element element, List<String> fields) {
        if (XHTML.equals(element.getNamespaceURI())) {
            fields.add(serialize(element));
            return;
        }
        List<Element> children = childElements(element);
        if (!children.isEmpty() && hasOwnText(element)) {
            // Mixed content such as RSS <body>safe<script>...</script> text</body> is inline markup.
            fields.add(serializeChildren(element));
            return;
        }
        if (children.isEmpty()) {
            String text = element.getTextContent();
            if (!text.isBlank()) {
                fields.add("base64".equals(element.getAttribute("mode")) ? decodeBase64(text) : text);
            }
            return;
        }
        for (Element child : children) {
            collect(child, fields);
        }
    }

    private static List<Element> childElements(Element element) {
        List<Element> children = new ArrayList<>();
        NodeList nodes = element.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i).getNodeType() == Node.ELEMENT_NODE) {
                children.add((Element) nodes.item(i));
            }
        }
        return children;
    }

    private static boolean hasOwnText(Element element) {
        NodeList nodes = element.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            Node node = nodes.item(i);
            boolean text = node.getNodeType() == Node.TEXT_NODE || node.getNodeType() == Node.CDATA_SECTION_NODE;
            if (text && !node.getNodeValue().isBlank()) {
                return true;
            }
        }
        return false;
    }

    private static String serializeChildren(Element element) {
        StringBuilder out = new StringBuilder();
        NodeList nodes = element.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            Node node = nodes.item(i);
            out.append(
                    node.getNodeType() == Node.ELEMENT_NODE
                            ? serialize((Element) node)
                            : Entities.escape(node.getNodeValue()));
        }
        return out.toString();
    }

    private static String decodeBase64(String text) {
        return new String(Base64.getMimeDecoder().decode(text.strip()), StandardCharsets.UTF_8);
    }

    private static String serialize(Element element) {
        try {
            var transformer = TransformerFactory.newInstance().newTransformer();
            transformer.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
            StringWriter out = new StringWriter();
            transformer.transform(new DOMSource(element), new StreamResult(out));
            return out.toString();
        } catch (Exception e) {
            throw new IllegalStateException("cannot serialise " + element.getNodeName(), e);
        }
    }

    /** Counts cases and failures of one folder, prints them, and fails naming each failing case. */
    private static final class Report {
        private final String folder;
        private final List<String> failures = new ArrayList<>();
        private int cases;
        private int failedCases;

        Report(String folder) {
            this.folder = folder;
        }

        void check(String caseId, List<String> problems) {
            if (!problems.isEmpty()) {
                failedCases++;
                problems.forEach(problem -> failures.add(folder + "/" + caseId + ": " + problem));
            }
        }

        void finish() {
            System.out.printf("[conformance] %s: %d cases run, %d failed%n", folder, cases, failedCases);
            failures.forEach(failure -> System.out.println("[conformance]   FAIL " + failure));
            assertThat(failures).as("universal-layer failures in %s", folder).isEmpty();
        }
    }
}
