package org.her2feeds.tagging;

import java.util.List;

/** What an article is and what it is about beyond its topics: its publication type, trials and drugs. */
public record Evidence(PublicationType type, List<TrialMention> trials, List<DrugMention> drugs) {

    public Evidence {
        trials = trials == null ? List.of() : List.copyOf(trials);
        drugs = drugs == null ? List.of() : List.copyOf(drugs);
    }
}
