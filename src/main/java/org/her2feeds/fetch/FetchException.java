package org.her2feeds.fetch;

import java.net.URI;
import java.time.Duration;

/** A failure inside one fetch, carried up to {@link FeedFetcher} which turns it into {@link Failed}. */
final class FetchException extends Exception {

    private final URI url;
    private final Integer status;
    private final String errorClass;

    FetchException(URI url, Integer status, String errorClass, String problem) {
        super(url + ": " + problem, null, false, false);
        this.url = url;
        this.status = status;
        this.errorClass = errorClass;
    }

    FetchException(URI url, String errorClass, String problem) {
        this(url, null, errorClass, problem);
    }

    Failed toFailed(URI permanentRedirect, Duration elapsed) {
        return new Failed(url, status, errorClass, getMessage(), null, false, permanentRedirect, elapsed);
    }

    /** True when the URL answered with a status before things went wrong. */
    boolean answered() {
        return status != null;
    }

    /** The most telling message in a cause chain, with its type, on one line. */
    static String describe(Throwable e) {
        Throwable cause = e;
        while (cause.getMessage() == null && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause.getMessage() == null
                ? cause.getClass().getSimpleName()
                : cause.getClass().getSimpleName() + ": " + cause.getMessage();
    }
}
