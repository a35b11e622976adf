package org.her2feeds.tagging;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** What an article is and what it is about beyond its topics: its publication type, trials and drugs. */
public record Evidence(PublicationType type, List<TrialMention> trials, List<DrugMention> drugs) {

    /** The kinds of filter key, as stored beside each article and asked for with ?type=, ?trial= and ?drug=. */
    public static final String TYPE = "type";

    public static final String TRIAL = "trial";
    public static final String DRUG = "drug";

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
        return Map.of(TYPE, type == null ? Set.of() : Set.of(key(type.slug())), TRIAL, trialKeys, DRUG, drugKeys);
    }

    /** The normal form of a filter key: trimmed and lower case, so "DESTINY-Breast09" and "destiny-breast09" meet. */
    public static String key(String text) {
        return text.strip().toLowerCase(Locale.ROOT);
    }
}
