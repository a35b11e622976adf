/**
 * The archive in the database: articles stored once each whoever carries them, filed by date and tagged, the
 * state of each source between fetches, and the reads the outputs make of them, searches included (PostgreSQL's
 * full-text search, or a Lucene index beside the embedded database).
 */
package org.her2feeds.store;
