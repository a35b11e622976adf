package org.her2feeds.store;

/**
 * What a source's feed held when it was last stored from a document, kept so that the same document fetched again
 * is answered without parsing it.
 *
 * @param entries    how many entries the document held
 * @param ttlMinutes how long the publisher asked readers to wait between fetches, or null
 */
public record StoredFeed(int entries, Integer ttlMinutes) {}
