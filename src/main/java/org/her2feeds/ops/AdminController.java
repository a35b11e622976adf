package org.her2feeds.ops;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.her2feeds.sources.SourcesFileException;
import org.her2feeds.store.SourceState;
import org.her2feeds.tagging.TopicRulesException;
import org.quartz.SchedulerException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The admin API (guarded by {@link SecurityConfiguration}): the full source reports, and actions as POSTs without
 * a body.
 */
@RestController
@RequestMapping(path = "/admin", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Admin", description = "Operator actions; HTTP Basic or a bearer token (see the README's Operations).")
class AdminController {

    private final SourceOperations operations;
    private final SourceStatusService statuses;

    public AdminController(SourceOperations operations, SourceStatusService statuses) {
        this.operations = operations;
        this.statuses = statuses;
    }

    /** Every source as configured (URLs with their credentials) and its full last error. */
    @GetMapping("/sources")
    @Operation(
            summary = "Every source, with its full URL and last error",
            description = "The operator's view of /api/sources: URLs keep their credentials and secret-looking "
                    + "parameters, and the last error is given whole, as the log has it.",
            responses = {@ApiResponse(responseCode = "200", description = "Every source of the sources file")})
    public List<SourceReport> sources() {
        return statuses.all(SourceStatusService.Audience.ADMIN);
    }

    @GetMapping("/sources/{id}")
    @Operation(
            summary = "One source, with its full URL and last error",
            description = "The operator's view of /api/sources/{id}.",
            responses = {
                @ApiResponse(responseCode = "200", description = "The source"),
                @ApiResponse(responseCode = "404", description = "No source with this id in the sources file")
            })
    public SourceReport source(
            @Parameter(description = "The source id from the sources file", example = "fda") @PathVariable String id) {
        return statuses.get(id, SourceStatusService.Audience.ADMIN);
    }

    @PostMapping("/sources/{id}/fetch")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(
            summary = "Fetch one source now",
            description = "Schedules an immediate fetch; whichever instance of the cluster picks it up runs it.",
            responses = {
                @ApiResponse(responseCode = "202", description = "Scheduled"),
                @ApiResponse(responseCode = "404", description = "No source with this id in the sources file"),
                @ApiResponse(responseCode = "409", description = "The source is paused or retired")
            })
    public FetchRequested fetch(
            @Parameter(description = "The source id from the sources file", example = "fda") @PathVariable String id)
            throws SchedulerException {
        operations.fetchNow(id);
        return new FetchRequested(List.of(id));
    }

    @PostMapping("/fetch")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(
            summary = "Fetch every active source now",
            description = "Schedules an immediate fetch of every enabled, not stopped source.",
            responses = @ApiResponse(responseCode = "202", description = "Scheduled; the list names the sources"))
    public FetchRequested fetchAll() throws SchedulerException {
        return new FetchRequested(operations.fetchAll());
    }

    @PostMapping("/sources/{id}/pause")
    @Operation(
            summary = "Stop fetching a source",
            description = "Kept across restarts and for the whole cluster; its articles stay published.",
            responses = {
                @ApiResponse(responseCode = "200", description = "The source's state, now paused"),
                @ApiResponse(responseCode = "404", description = "No source with this id in the sources file")
            })
    public SourceState pause(
            @Parameter(description = "The source id from the sources file", example = "fda") @PathVariable String id)
            throws SchedulerException {
        return operations.pause(id);
    }

    @PostMapping("/sources/{id}/resume")
    @Operation(
            summary = "Fetch a paused or retired source again",
            description = "Lifts a pause or a 410 Gone; the source is fetched again at its interval.",
            responses = {
                @ApiResponse(responseCode = "200", description = "The source's state, no longer stopped"),
                @ApiResponse(responseCode = "404", description = "No source with this id in the sources file")
            })
    public SourceState resume(
            @Parameter(description = "The source id from the sources file", example = "fda") @PathVariable String id)
            throws SchedulerException {
        return operations.resume(id);
    }

    @PostMapping("/retag")
    @Operation(
            summary = "Tag every stored article again",
            description = "Evaluates every stored article with the topic rules in force; says how many changed.",
            responses = @ApiResponse(responseCode = "200", description = "How many articles changed"))
    public Retagged retag() {
        return new Retagged(operations.retag());
    }

    @PostMapping("/reload")
    @Operation(
            summary = "Read sources.yml, topics.yml, evidence.yml and stories.yml again",
            description = "Applies the files on this instance (call it on every instance of a cluster); a bad file "
                    + "is refused and the current version stays in force.",
            responses = {
                @ApiResponse(responseCode = "200", description = "What is in force now"),
                @ApiResponse(responseCode = "400", description = "A file was refused: the detail names file and line")
            })
    public SourceOperations.Reloaded reload() throws SchedulerException {
        return operations.reload();
    }

    /** A bad sources.yml, topics.yml or stories.yml: the message names the file, the line and the problem. */
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
