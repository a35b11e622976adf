/**
 * Reads an operator's YAML file (the sources, the topic rules) as a tree of nodes and checks its shape, so that
 * every mistake is refused with the file, the line and the entry at fault.
 */
package org.her2feeds.yaml;
