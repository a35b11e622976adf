/**
 * The feeds: merged and per-topic, written in RSS 2.0, Atom 1.0 and JSON Feed 1.1, and the endpoints that serve
 * them.
 */
package org.her2feeds.publish;
