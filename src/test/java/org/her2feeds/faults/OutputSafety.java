package org.her2feeds.faults;

import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Element;
import tools.jackson.databind.JsonNode;

/**
 * What no published output may carry, whatever the format: no script, iframe, object, embed, meta, link or style
 * element, no event handler or style attribute, no javascript:/vbscript:/data:text/html URL. Checks a whole
 * output document as text (an escaped {@code &lt;script} is harmless, a raw {@code <script} is not) and the HTML
 * each of its articles carries as a browser would read it, for every output: RSS, Atom, JSON Feed, the JSON digest
 * and the HTML page.
 */
public final class OutputSafety {

    private static final Pattern RAW_FORBIDDEN_TAG =
            Pattern.compile("<\\s*(script|iframe|object|embed|meta|link|style)\\b", Pattern.CASE_INSENSITIVE);
    /** In RSS and Atom, {@code <link>} is the feeds' own element; the HTML inside them is escaped text. */
    private static final Pattern RAW_FORBIDDEN_IN_XML_FEED =
            Pattern.compile("<\\s*(script|iframe|object|embed|meta|style)\\b", Pattern.CASE_INSENSITIVE);

    private static final Pattern DANGEROUS_URL =
            Pattern.compile("^(javascript|vbscript|data:text/html|livescript|mocha)", Pattern.CASE_INSENSITIVE);
    private static final Pattern DANGEROUS_URL_IN_TAG = Pattern.compile(
            "<[^>]*=\\s*[\"']?\\s*(javascript|vbscript|data:text/html)\\s*:?", Pattern.CASE_INSENSITIVE);
    private static final Pattern TAG_IN_TEXT = Pattern.compile("</?[A-Za-z][^<>]*>");

    private OutputSafety() {}

    /** A whole JSON document as served: no forbidden element in its raw text (article HTML must be clean). */
    public static List<String> rawDocumentViolations(String what, String document) {
        return raw(what, document, RAW_FORBIDDEN_TAG);
    }

    /**
     * A whole RSS or Atom document as served: article HTML in it must be escaped, so no forbidden element appears raw.
     */
    public static List<String> rawXmlFeedViolations(String what, String document) {
        return raw(what, document, RAW_FORBIDDEN_IN_XML_FEED);
    }

    private static List<String> raw(String what, String document, Pattern forbidden) {
        List<String> problems = new ArrayList<>();
        var matcher = forbidden.matcher(document);
        if (matcher.find()) {
            problems.add(what + ": raw " + around(document, matcher.start()));
        }
        return problems;
    }

    /** An RSS document: its raw text, then each item's description as HTML and its title as text. */
    public static List<String> rssViolations(String xml) {
        List<String> problems = new ArrayList<>(rawXmlFeedViolations("rss", xml));
        SyndFeed feed;
        try {
            feed = new SyndFeedInput().build(new StringReader(xml));
        } catch (Exception e) {
            problems.add("rss does not parse: " + e);
            return problems;
        }
        for (SyndEntry entry : feed.getEntries()) {
            SyndContent description = entry.getDescription();
            if (description != null) {
                problems.addAll(htmlViolations("rss description of " + entry.getUri(), description.getValue()));
            }
            problems.addAll(textViolations("rss title of " + entry.getUri(), entry.getTitle()));
            problems.addAll(urlViolations("rss link of " + entry.getUri(), entry.getLink()));
        }
        return problems;
    }

    /** An Atom document: its raw text, then each entry's summary and content as HTML and its title as text. */
    public static List<String> atomViolations(String xml) {
        List<String> problems = new ArrayList<>(rawXmlFeedViolations("atom", xml));
        SyndFeed feed;
        try {
            feed = new SyndFeedInput().build(new StringReader(xml));
        } catch (Exception e) {
            problems.add("atom does not parse: " + e);
            return problems;
        }
        for (SyndEntry entry : feed.getEntries()) {
            if (entry.getDescription() != null) {
                problems.addAll(htmlViolations(
                        "atom summary of " + entry.getUri(),
                        entry.getDescription().getValue()));
            }
            for (SyndContent content : entry.getContents()) {
                problems.addAll(htmlViolations("atom content of " + entry.getUri(), content.getValue()));
            }
            problems.addAll(textViolations("atom title of " + entry.getUri(), entry.getTitle()));
            problems.addAll(urlViolations("atom link of " + entry.getUri(), entry.getLink()));
        }
        return problems;
    }

    /** A JSON Feed document: its raw text, then each item's content_html, title and url. */
    public static List<String> jsonFeedViolations(String rawJson, JsonNode feed) {
        List<String> problems = new ArrayList<>(rawDocumentViolations("json feed", rawJson));
        for (JsonNode item : feed.path("items")) {
            String id = "json feed item " + item.path("id").asString();
            problems.addAll(htmlViolations(
                    id + " content_html", item.path("content_html").asString()));
            problems.addAll(textViolations(id + " title", item.path("title").asString()));
            problems.addAll(urlViolations(id + " url", item.path("url").asString()));
        }
        return problems;
    }

    /**
     * The HTML page: everything inside {@code <main>} (the articles; the head legitimately links its stylesheet and
     * feeds) as a browser builds it, and no script anywhere in the page.
     */
    public static List<String> pageViolations(String what, String page) {
        List<String> problems = new ArrayList<>();
        if (Pattern.compile("<\\s*script\\b", Pattern.CASE_INSENSITIVE)
                .matcher(page)
                .find()) {
            problems.add(what + ": the page carries a script element");
        }
        Element main = Jsoup.parse(page).selectFirst("main");
        if (main == null) {
            problems.add(what + ": no <main> element");
            return problems;
        }
        problems.addAll(htmlViolations(what, main.html()));
        return problems;
    }

    /** A JSON digest ({@code /api/digests/{date}}): each article's summaryHtml, summary, title and url. */
    public static List<String> digestViolations(String rawJson, JsonNode digest) {
        List<String> problems = new ArrayList<>(rawDocumentViolations("digest", rawJson));
        for (JsonNode article : digest.path("articles")) {
            String id = "digest article " + article.path("id").asString();
            problems.addAll(htmlViolations(
                    id + " summaryHtml", article.path("summaryHtml").asString()));
            problems.addAll(
                    textViolations(id + " summary", article.path("summary").asString()));
            problems.addAll(textViolations(id + " title", article.path("title").asString()));
            problems.addAll(urlViolations(id + " url", article.path("url").asString()));
        }
        return problems;
    }

    /** An HTML fragment as a browser would build it. */
    public static List<String> htmlViolations(String what, String html) {
        List<String> problems = new ArrayList<>();
        if (html == null) {
            return problems;
        }
        if (RAW_FORBIDDEN_TAG.matcher(html).find()) {
            problems.add(what + ": forbidden tag in " + abbreviate(html));
        }
        if (DANGEROUS_URL_IN_TAG.matcher(html).find()) {
            problems.add(what + ": script URL in a tag: " + abbreviate(html));
        }
        for (Element element : Jsoup.parseBodyFragment(html).body().getAllElements()) {
            String name = element.normalName();
            if (List.of("script", "iframe", "object", "embed", "meta", "link", "style")
                    .contains(name)) {
                problems.add(what + ": element <" + name + "> in " + abbreviate(html));
            }
            for (Attribute attribute : element.attributes()) {
                String key = attribute.getKey().toLowerCase(Locale.ROOT);
                if (key.startsWith("on") || key.equals("style")) {
                    problems.add(what + ": attribute " + key + " in " + abbreviate(html));
                }
                if (DANGEROUS_URL
                        .matcher(attribute.getValue().replaceAll("[\\x00-\\x20]", ""))
                        .find()) {
                    problems.add(what + ": script URL in " + key + ": " + abbreviate(html));
                }
            }
        }
        return problems;
    }

    /** Plain text (titles, plain summaries): many readers render RSS titles as HTML, so no tag may appear in it. */
    public static List<String> textViolations(String what, String text) {
        if (text != null
                && (TAG_IN_TEXT.matcher(text).find()
                        || RAW_FORBIDDEN_TAG.matcher(text).find())) {
            return List.of(what + ": markup in text: " + abbreviate(text));
        }
        return List.of();
    }

    /** A link given to a reader to follow. */
    public static List<String> urlViolations(String what, String url) {
        if (url != null
                && DANGEROUS_URL.matcher(url.replaceAll("[\\x00-\\x20]", "")).find()) {
            return List.of(what + ": script URL " + abbreviate(url));
        }
        return List.of();
    }

    private static String around(String text, int at) {
        return abbreviate(text.substring(Math.max(0, at - 60), Math.min(text.length(), at + 100)));
    }

    static String abbreviate(String s) {
        String flat = s.replace("\n", "\\n");
        return flat.length() <= 200 ? flat : flat.substring(0, 200) + "...";
    }
}
