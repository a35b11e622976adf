package org.her2feeds.staticsite;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.her2feeds.digest.DayEntry;
import org.her2feeds.digest.DigestService;
import org.her2feeds.store.ArticleFilter;
import org.her2feeds.store.ArticleQueries;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code digests/index.json} (the days with counts) and {@code digests/{date}.json} for every day with articles,
 * each day rendered only when it is written: the publisher asks for a day's digest only when its mark moved, so
 * one change renders one day, and no more than one day is held at a time.
 */
@Component
class DigestFiles implements StaticFiles {

    private final DigestService digests;
    private final ArticleQueries queries;
    private final JsonMapper json;

    DigestFiles(DigestService digests, ArticleQueries queries, JsonMapper json) {
        this.digests = digests;
        this.queries = queries;
        this.json = json;
    }

    @Override
    public List<StaticFile> files(String baseUrl) {
        List<StaticFile> files = new ArrayList<>();
        for (Map.Entry<LocalDate, String> day : queries.dayMarks().entrySet()) {
            LocalDate date = day.getKey();
            files.add(new StaticFile(
                    "digests/" + date + ".json",
                    day.getValue(),
                    () -> json.writeValueAsBytes(digests.digest(date, ArticleFilter.ALL))));
        }
        List<DayEntry> days = digests.days();
        files.add(StaticFile.of("digests/index.json", json.writeValueAsBytes(days)));
        return files;
    }
}
