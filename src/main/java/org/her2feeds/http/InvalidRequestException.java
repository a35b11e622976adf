package org.her2feeds.http;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/** A request parameter the service cannot honour; answered as a 400 problem whose detail names the parameter. */
public class InvalidRequestException extends ResponseStatusException {

    public InvalidRequestException(String detail) {
        super(HttpStatus.BAD_REQUEST, detail);
    }
}
