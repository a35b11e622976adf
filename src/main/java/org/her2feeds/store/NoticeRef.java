package org.her2feeds.store;

/**
 * A stored notice (correction, retraction, expression of concern, withdrawal) that names an article.
 *
 * @param kind the notice's kind: {@code retraction}, {@code correction}, {@code concern} or {@code withdrawal}
 * @param url  the notice's own link; null when it has none
 */
public record NoticeRef(String kind, String noticeId, String url, String title) {}
