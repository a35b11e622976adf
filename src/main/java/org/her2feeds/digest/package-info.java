/** The portal's JSON API: daily digests, the article list with search and cursor pages, single articles and topics. */
package org.her2feeds.digest;
