package org.her2feeds.parse;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;

/**
 * The DOIs and PubMed ids a text mentions, in the one normal form {@link ArticleIds} gives identifiers: what a
 * correction or retraction notice says it is about.
 */
public final class CitedIds {

    /** A notice names one article, a reference list a few dozen: past this many the rest says nothing more. */
    private static final int MAX = 10;

    private CitedIds() {}

    public static List<String> dois(String text) {
        Set<String> found = new LinkedHashSet<>();
        if (text != null) {
            Matcher m = ArticleIds.ANY_DOI.matcher(text);
            while (m.find() && found.size() < MAX) {
                String doi = ArticleIds.normaliseDoi(m.group(1));
                if (doi != null) {
                    found.add(doi);
                }
            }
        }
        return new ArrayList<>(found);
    }

    public static List<String> pmids(String text) {
        Set<String> found = new LinkedHashSet<>();
        if (text != null) {
            Matcher labelled = ArticleIds.PMID_LABELLED.matcher(text);
            while (labelled.find() && found.size() < MAX) {
                found.add(labelled.group(1) != null ? labelled.group(1) : labelled.group(2));
            }
            Matcher linked = ArticleIds.PMID_IN_URL.matcher(text);
            while (linked.find() && found.size() < MAX) {
                found.add(linked.group(1));
            }
        }
        return new ArrayList<>(found);
    }
}
