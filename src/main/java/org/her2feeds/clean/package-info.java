/** Cleans what feeds send (summaries, titles, author names, links) into safe HTML, plain text and canonical links. */
package org.her2feeds.clean;
