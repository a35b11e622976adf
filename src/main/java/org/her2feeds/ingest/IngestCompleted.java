package org.her2feeds.ingest;

/**
 * Announced after every run of a source, whatever its outcome, so that observers (metrics, health) follow the
 * ingest without the ingest knowing about them.
 */
public record IngestCompleted(IngestOutcome outcome) {}
