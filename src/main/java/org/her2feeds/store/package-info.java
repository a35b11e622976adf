/**
 * The archive in the database: articles stored once each whoever carries them, filed by date and tagged, the
 * state of each source between fetches, and the reads the outputs make of them.
 */
package org.her2feeds.store;
