/** The HTML page for people: today's articles by topic, the topic chart and the health of each source. */
package org.her2feeds.web;
