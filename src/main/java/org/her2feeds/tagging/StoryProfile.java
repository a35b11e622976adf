package org.her2feeds.tagging;

import java.time.Instant;
import java.util.Set;

/**
 * What story grouping needs to know of one article, computed once when it is stored ({@link StoryLinks#profile})
 * and kept beside it, so that later articles are compared with it without reading its text again.
 *
 * @param at          when the article appeared (its publication date, else when it was first seen)
 * @param sourceKind  the kind of its source, or null
 * @param type        its publication type's slug
 * @param event       {@code result}, {@code decision}, {@code filing}, {@code notice} or {@code preview}: what kind
 *                    of event it reports
 * @param regulators  for a decision: the regulators it names, first by its title, then its source, then its text
 * @param ownIds      its own DOI (lower case) and PubMed id
 * @param citedIds    the DOIs and PubMed ids its text cites, and those a notice concerns
 * @param titleKey    its title in normal form, when long enough to be recognised when quoted; else ""
 * @param textKey     its title and text in normal form, shortened, to find another article's quoted title
 * @param titleWords  the distinctive words of its title
 * @param words       the distinctive words of its title and text
 * @param trialNames  the acronyms of the trials it names, as the curated list writes them (for display)
 * @param figures     the decimal figures of its title and text (a median of 11.9 months, a hazard ratio of 0.63),
 *                    doses left out: two reports of one readout quote the same ones; absent in profiles stored
 *                    before figures were read
 * @param sites       for a decision: the tumour sites of its indication (its title's, else its text's start); two
 *                    decisions on different sites are two indications; for other articles, the sites its title
 *                    names, and two reports on different sites are two events; absent in profiles stored before
 *                    sites were read
 * @param venues      the journals its text says a paper was published in ("published in The Lancet Oncology":
 *                    "lancet oncology"), whose paper it covers; absent in profiles stored before venues were read
 * @param settings    for a decision: the setting of its indication within its site (the first of the rules' settings
 *                    its title names, else the start of its text: "neoadjuvant", "residual disease"); two decisions
 *                    in different settings are two indications; absent in profiles stored before settings were read
 */
public record StoryProfile(
        Instant at,
        String sourceId,
        String sourceKind,
        String type,
        String event,
        Set<String> regulators,
        Set<String> trials,
        Set<String> drugs,
        Set<String> ownIds,
        Set<String> citedIds,
        String titleKey,
        String textKey,
        Set<String> titleWords,
        Set<String> words,
        Set<String> trialNames,
        Set<String> figures,
        Set<String> sites,
        Set<String> venues,
        Set<String> settings) {

    public StoryProfile {
        settings = copy(settings);
        sites = copy(sites);
        venues = copy(venues);
        trialNames = copy(trialNames);
        figures = copy(figures);
        regulators = copy(regulators);
        trials = copy(trials);
        drugs = copy(drugs);
        ownIds = copy(ownIds);
        citedIds = copy(citedIds);
        titleWords = copy(titleWords);
        words = copy(words);
        titleKey = titleKey == null ? "" : titleKey;
        textKey = textKey == null ? "" : textKey;
    }

    private static Set<String> copy(Set<String> values) {
        return values == null ? Set.of() : Set.copyOf(values);
    }

    /** How much its source counts as the voice of the story: regulator over journal over preprint over news. */
    public int authority() {
        if (sourceKind == null) {
            return 0;
        }
        return switch (sourceKind) {
            case "regulator" -> 5;
            case "journal" -> 4;
            case "preprint" -> 3;
            case "registry" -> 2;
            case "news" -> 1;
            default -> 0;
        };
    }
}
