/**
 * The static copy: every feed, OPML list and digest written to a folder after each change, for any static web
 * server or CDN.
 */
package org.her2feeds.staticsite;
