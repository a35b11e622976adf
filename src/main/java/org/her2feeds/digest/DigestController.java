package org.her2feeds.digest;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;

import org.her2feeds.store.ArticleFilter;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** The portal's JSON digests by day. */
@RestController
public class DigestController {

    private final DigestService digests;

    public DigestController(DigestService digests) {
        this.digests = digests;
    }

    @GetMapping("/api/digests")
    public List<DayEntry> days() {
        return digests.days();
    }

    @GetMapping("/api/digests/{date}")
    public Digest digest(@PathVariable String date) {
        return digests.digest(day(date), new ArticleFilter(Set.of(), null, null, null, null));
    }

    private static LocalDate day(String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "'" + text + "' is not a date: use yyyy-MM-dd, for example 2026-11-29");
        }
    }
}
