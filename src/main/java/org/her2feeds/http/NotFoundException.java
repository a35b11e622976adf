package org.her2feeds.http;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/** Something the client named does not exist; answered as a 404 problem whose detail says what would. */
public class NotFoundException extends ResponseStatusException {

    public NotFoundException(String detail) {
        super(HttpStatus.NOT_FOUND, detail);
    }
}
