package org.her2feeds.ops;

import java.util.List;
import org.her2feeds.sources.SourcesFileException;
import org.her2feeds.store.SourceState;
import org.her2feeds.tagging.TopicRulesException;
import org.quartz.SchedulerException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The admin API (guarded by {@link SecurityConfiguration}): the full source reports, and actions as POSTs without
 * a body.
 */
@RestController
@RequestMapping("/admin")
public class AdminController {

    private final SourceOperations operations;
    private final SourceStatusService statuses;

    public AdminController(SourceOperations operations, SourceStatusService statuses) {
        this.operations = operations;
        this.statuses = statuses;
    }

    /** Every source as configured (URLs with their credentials) and its full last error. */
    @GetMapping("/sources")
    public List<SourceReport> sources() {
        return statuses.all(SourceStatusService.Audience.ADMIN);
    }

    @GetMapping("/sources/{id}")
    public SourceReport source(@PathVariable String id) {
        return statuses.find(id, SourceStatusService.Audience.ADMIN)
                .orElseThrow(() -> new ResponseStatusException(
                        HttpStatus.NOT_FOUND, "no source with id '" + id + "' in the sources file"));
    }

    @PostMapping("/sources/{id}/fetch")
    @ResponseStatus(HttpStatus.ACCEPTED)
    public FetchRequested fetch(@PathVariable String id) throws SchedulerException {
        operations.fetchNow(id);
        return new FetchRequested(List.of(id));
    }

    @PostMapping("/fetch")
    @ResponseStatus(HttpStatus.ACCEPTED)
    public FetchRequested fetchAll() throws SchedulerException {
        return new FetchRequested(operations.fetchAll());
    }

    @PostMapping("/sources/{id}/pause")
    public SourceState pause(@PathVariable String id) throws SchedulerException {
        return operations.pause(id);
    }

    @PostMapping("/sources/{id}/resume")
    public SourceState resume(@PathVariable String id) throws SchedulerException {
        return operations.resume(id);
    }

    @PostMapping("/retag")
    public Retagged retag() {
        return new Retagged(operations.retag());
    }

    @PostMapping("/reload")
    public SourceOperations.Reloaded reload() throws SchedulerException {
        return operations.reload();
    }

    /** A bad sources.yml or topics.yml: the message names the file, the line and the problem. */
    @ExceptionHandler({SourcesFileException.class, TopicRulesException.class})
    ProblemDetail badConfiguration(IllegalStateException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setTitle("Configuration file rejected; the current version stays in force");
        return problem;
    }

    /** Sources whose run was requested; the runs happen on whichever instance of the cluster picks them up. */
    public record FetchRequested(List<String> scheduled) {}

    public record Retagged(int articlesChanged) {}
}
