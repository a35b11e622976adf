/**
 * What a reader may ask of the archive: the topic, kind, type, trial, drug and day parameters every output
 * accepts, checked against
 * the configured topics and sources, with one message for each mistake wherever it is made.
 */
package org.her2feeds.query;
