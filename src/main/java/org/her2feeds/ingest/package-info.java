/** Runs one source through the pipeline (fetch, parse, map, store) and records on the source what happened. */
package org.her2feeds.ingest;
