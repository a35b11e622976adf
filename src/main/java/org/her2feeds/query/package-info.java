/**
 * What a reader may ask of the archive: the topic and kind parameters every output accepts, checked against the
 * configured topics and sources.
 */
package org.her2feeds.query;
