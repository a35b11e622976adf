package org.her2feeds.tagging;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** What an article is and what it is about beyond its topics: its publication type, trials and drugs. */
public record Evidence(
        PublicationType type,
        List<TrialMention> trials,
        List<DrugMention> drugs,

        @Schema(nullable = true, description = "what a notice is about; null for other types")
        Notice notice) {

    /** The kinds of filter key, as stored beside each article and asked for with ?type=, ?trial= and ?drug=. */
    public static final String TYPE = "type";

    public static final String TRIAL = "trial";
    public static final String DRUG = "drug";

    /** What a notice is about, by the target's DOI, PubMed id or {@link #titleKey title key}. */
    public static final String NOTICE_DOI = "notice-doi";

    public static final String NOTICE_PMID = "notice-pmid";
    public static final String NOTICE_TITLE = "notice-title";

    public Evidence(PublicationType type, List<TrialMention> trials, List<DrugMention> drugs) {
        this(type, trials, drugs, null);
    }

    public Evidence {
        trials = trials == null ? List.of() : List.copyOf(trials);
        drugs = drugs == null ? List.of() : List.copyOf(drugs);
    }

    /**
     * The filter keys of this evidence by kind: the type's slug, each trial's registry id and acronym, each drug's
     * INN, in the one normal form {@link #key} gives, which the readers' filters use too.
     */
    public Map<String, Set<String>> keys() {
        Set<String> trialKeys = new LinkedHashSet<>();
        for (TrialMention trial : trials) {
            if (trial.id() != null) {
                trialKeys.add(key(trial.id()));
            }
            if (trial.acronym() != null) {
                trialKeys.add(key(trial.acronym()));
            }
        }
        Set<String> drugKeys = new LinkedHashSet<>();
        drugs.forEach(drug -> drugKeys.add(key(drug.inn())));
        Set<String> noticeDois = new LinkedHashSet<>();
        Set<String> noticePmids = new LinkedHashSet<>();
        Set<String> noticeTitles = new LinkedHashSet<>();
        if (notice != null) {
            noticeDois.addAll(notice.dois());
            noticePmids.addAll(notice.pmids());
            if (notice.title() != null) {
                noticeTitles.add(titleKey(notice.title()));
            }
        }
        return Map.of(
                TYPE,
                type == null ? Set.of() : Set.of(key(type.slug())),
                TRIAL,
                trialKeys,
                DRUG,
                drugKeys,
                NOTICE_DOI,
                noticeDois,
                NOTICE_PMID,
                noticePmids,
                NOTICE_TITLE,
                noticeTitles);
    }

    /** The normal form of a filter key: trimmed and lower case, so "DESTINY-Breast09" and "destiny-breast09" meet. */
    public static String key(String text) {
        return text.strip().toLowerCase(Locale.ROOT);
    }

    /** The form in which a notice finds the article it names by title (see {@link NoticeReader#titleKey}). */
    public static String titleKey(String title) {
        return NoticeReader.titleKey(title);
    }

    /** Whether the filter keys of this kind are kept for every article, not only published ones. */
    public static boolean keptForEveryArticle(String kind) {
        return kind.startsWith("notice-");
    }
}
