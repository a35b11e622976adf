/** Reads fetched feed documents (RSS, RDF, Atom), repairing broken ones, into parsed feeds and entries. */
package org.her2feeds.parse;
