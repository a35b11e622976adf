package org.her2feeds.staticsite;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.her2feeds.digest.DayEntry;
import org.her2feeds.digest.Digest;
import org.her2feeds.digest.DigestRange;
import org.her2feeds.digest.DigestService;
import org.her2feeds.store.ArticleFilter;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code digests/index.json} (the days with counts) and {@code digests/{date}.json} for every day with
 * articles, read a range of days per query rather than a query per day.
 */
@Component
class DigestFiles implements StaticFiles {

    private final DigestService digests;
    private final JsonMapper json;

    DigestFiles(DigestService digests, JsonMapper json) {
        this.digests = digests;
        this.json = json;
    }

    @Override
    public List<StaticFile> files(String baseUrl) {
        List<DayEntry> days = digests.days();
        List<StaticFile> files = new ArrayList<>();
        files.add(new StaticFile("digests/index.json", json.writeValueAsBytes(days)));
        if (days.isEmpty()) {
            return files;
        }
        Set<LocalDate> wanted = days.stream().map(DayEntry::date).collect(Collectors.toSet());
        LocalDate first = Collections.min(wanted);
        LocalDate last = Collections.max(wanted);
        for (LocalDate from = first; !from.isAfter(last); from = from.plusDays(DigestService.MAX_RANGE_DAYS)) {
            LocalDate to = from.plusDays(DigestService.MAX_RANGE_DAYS - 1L);
            LocalDate pageTo = to.isAfter(last) ? last : to;
            while (pageTo != null) {
                DigestRange range = digests.range(from, pageTo, ArticleFilter.ALL);
                for (Digest digest : range.digests()) {
                    if (wanted.contains(digest.date())) {
                        files.add(new StaticFile("digests/" + digest.date() + ".json", json.writeValueAsBytes(digest)));
                    }
                }
                pageTo = range.complete() ? null : range.nextTo();
            }
        }
        return files;
    }
}
