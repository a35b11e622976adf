package org.her2feeds.http;

/** A response header as it is set, by a servlet filter or MVC, or written by {@link CachedAnswerValve}. */
record ResponseHeader(String name, String value) {}
