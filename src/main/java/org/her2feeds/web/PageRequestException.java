package org.her2feeds.web;

/** A page address the reader can correct (a malformed date, an unknown topic); the message says how. */
class PageRequestException extends RuntimeException {

    PageRequestException(String message) {
        super(message);
    }
}
