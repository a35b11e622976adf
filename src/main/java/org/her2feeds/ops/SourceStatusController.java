package org.her2feeds.ops;

import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The health of every source for the public: what was fetched when, what went wrong (in short), when the next
 * fetch is due; URLs masked. The admin's full view is {@link AdminController}'s.
 */
@RestController
class SourceStatusController {

    private final SourceStatusService statuses;

    SourceStatusController(SourceStatusService statuses) {
        this.statuses = statuses;
    }

    /** Every configured source, in the order of the sources file. */
    @GetMapping("/api/sources")
    public List<SourceReport> all() {
        return statuses.all(SourceStatusService.Audience.PUBLIC);
    }

    @GetMapping("/api/sources/{id}")
    public SourceReport one(@PathVariable String id) {
        return statuses.find(id, SourceStatusService.Audience.PUBLIC)
                .orElseThrow(() -> new ResponseStatusException(
                        HttpStatus.NOT_FOUND, "no source with id '" + id + "' in the sources file"));
    }
}
