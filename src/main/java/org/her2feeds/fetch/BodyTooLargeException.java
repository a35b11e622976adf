package org.her2feeds.fetch;

import java.io.IOException;

/** Thrown from inside a stream chain when a byte cap is passed, so it can be told apart from network errors. */
final class BodyTooLargeException extends IOException {

    BodyTooLargeException(String problem) {
        super(problem, null);
    }
}
