/**
 * OPML subscription lists: the published feeds and the configured sources as OPML, and reading an OPML file to
 * import its feeds into sources.yml.
 */
package org.her2feeds.opml;
