package org.her2feeds.web;

/**
 * One source in the health table.
 *
 * @param status    short words for the state: "OK", "Failing", "Not fetched yet", "Stopped: …" (gone,
 *                  paused), "Disabled" (in the sources file)
 * @param attention true when an operator should look (failing or stopped); the page marks it in words, not colour alone
 * @param lastError the last error, with its HTTP status when there was one; null when the last fetch succeeded
 */
record SourceHealthRow(
        String id,
        String title,
        String kind,
        String status,
        boolean attention,
        HomePage.Time lastSuccess,
        String lastError,
        int consecutiveFailures,
        HomePage.Time nextFetch) {}
