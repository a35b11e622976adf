package org.her2feeds.http;

import java.util.stream.Collectors;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.validation.BindException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Parameters bound as one object ({@code ?limit=many} on a feed) fail as a whole with Spring's generic "Invalid
 * request content."; readers get what a single request parameter gives them instead: a 400 problem naming the
 * parameter and the value refused. Ordered first so that Boot's problem-details handler does not answer before.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class ParameterObjectProblems {

    /** Long enough to recognise a typo, short enough that a hostile value is not echoed at length. */
    private static final int SHOWN_VALUE = 60;

    @ExceptionHandler(BindException.class)
    ProblemDetail unconvertible(BindException refused) {
        String which = refused.getFieldErrors().stream()
                .map(ParameterObjectProblems::describe)
                .collect(Collectors.joining("; "));
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "Invalid parameter " + which + ".");
    }

    private static String describe(FieldError error) {
        String value = String.valueOf(error.getRejectedValue());
        String shown = value.length() > SHOWN_VALUE ? value.substring(0, SHOWN_VALUE) + "…" : value;
        return error.getField() + ": '" + shown + "'";
    }
}
