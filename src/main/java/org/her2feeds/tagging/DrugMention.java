package org.her2feeds.tagging;

import java.util.List;

/**
 * A HER2-directed drug an article names, by its international non-proprietary name.
 *
 * @param inn       e.g. {@code trastuzumab deruxtecan}
 * @param mentioned the names of the curated list that matched (brand names, codes, abbreviations), as written there
 */
public record DrugMention(String inn, List<String> mentioned) {

    public DrugMention {
        mentioned = List.copyOf(mentioned);
    }
}
