/** The configured feeds, read from sources.yml at start-up and on an operator's reload. */
package org.her2feeds.sources;
