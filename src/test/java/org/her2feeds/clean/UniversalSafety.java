package org.her2feeds.clean;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Element;

/**
 * The policy-independent layer of the conformance corpus: what no sanitiser output may contain, whatever its
 * policy. Output HTML is checked both as a string and as a browser would read it (an HTML5 parse).
 */
public final class UniversalSafety {

    private static final Pattern FORBIDDEN_TAG =
            Pattern.compile("<\\s*/?\\s*(script|iframe|object|embed|meta|link|style)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern DANGEROUS_URL =
            Pattern.compile("^(javascript|vbscript|data\\s*:\\s*text/html|livescript|mocha)", Pattern.CASE_INSENSITIVE);
    private static final Pattern DANGEROUS_URL_IN_TAG = Pattern.compile(
            "<[^>]*=\\s*[\"']?\\s*(javascript|vbscript|data:text/html)\\s*:?", Pattern.CASE_INSENSITIVE);
    private static final Pattern TAG_IN_TEXT = Pattern.compile("</?[A-Za-z][^<>]*>|<!--");

    private final ContentCleaner cleaner;

    UniversalSafety(ContentCleaner cleaner) {
        this.cleaner = cleaner;
    }

    /** Everything wrong with cleaning {@code input}: summary HTML, summary text, idempotence and plain text. */
    List<String> violations(String input, java.net.URI base) {
        List<String> problems = new ArrayList<>();
        CleanSummary once = cleaner.summary(input, base);
        problems.addAll(htmlViolations(once.html()));
        problems.addAll(textViolations("summary text", once.text()));
        CleanSummary twice = cleaner.summary(once.html(), base);
        if (!twice.html().equals(once.html())) {
            problems.add("not idempotent: " + abbreviate(once.html()) + " -> " + abbreviate(twice.html()));
        }
        if (!twice.text().equals(once.text())) {
            problems.add("text not idempotent: " + abbreviate(once.text()) + " -> " + abbreviate(twice.text()));
        }
        problems.addAll(textViolations("plainText", cleaner.plainText(input)));
        return problems;
    }

    public static List<String> htmlViolations(String html) {
        List<String> problems = new ArrayList<>();
        if (FORBIDDEN_TAG.matcher(html).find()) {
            problems.add("forbidden tag in html: " + abbreviate(html));
        }
        if (DANGEROUS_URL_IN_TAG.matcher(html).find()) {
            problems.add("script URL in a tag: " + abbreviate(html));
        }
        for (Element element : Jsoup.parseBodyFragment(html).body().getAllElements()) {
            if (element.nameIs("script")
                    || element.nameIs("iframe")
                    || element.nameIs("object")
                    || element.nameIs("embed")
                    || element.nameIs("meta")
                    || element.nameIs("link")
                    || element.nameIs("style")) {
                problems.add("element <" + element.normalName() + "> survives: " + abbreviate(html));
            }
            for (Attribute attribute : element.attributes()) {
                String name = attribute.getKey().toLowerCase(Locale.ROOT);
                if (name.startsWith("on")) {
                    problems.add("event handler " + name + " survives: " + abbreviate(html));
                }
                if (name.equals("style")) {
                    problems.add("style attribute survives: " + abbreviate(html));
                }
                String value = attribute.getValue().replaceAll("[\\x00-\\x20]", "");
                if (DANGEROUS_URL.matcher(value).find()) {
                    problems.add("script URL in " + name + ": " + abbreviate(html));
                }
            }
        }
        return problems;
    }

    static List<String> textViolations(String what, String text) {
        List<String> problems = new ArrayList<>();
        if (TAG_IN_TEXT.matcher(text).find()) {
            problems.add(what + " holds markup: " + abbreviate(text));
        }
        if (!text.equals(text.strip()) || text.contains("  ")) {
            problems.add(what + " whitespace not collapsed: " + abbreviate(text));
        }
        if (text.codePoints()
                .anyMatch(cp -> Character.isISOControl(cp) || (cp <= 0xFFFF && Character.isSurrogate((char) cp)))) {
            problems.add(what + " holds control characters: " + abbreviate(text));
        }
        if (text.length() > CleanSummary.MAX_TEXT_LENGTH && what.startsWith("summary")) {
            problems.add(what + " longer than " + CleanSummary.MAX_TEXT_LENGTH);
        }
        return problems;
    }

    public static String abbreviate(String s) {
        String flat = s.replace("\n", "\\n");
        return flat.length() <= 160 ? flat : flat.substring(0, 160) + "...";
    }
}
