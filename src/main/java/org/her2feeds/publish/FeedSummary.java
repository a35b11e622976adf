package org.her2feeds.publish;

import org.her2feeds.store.StoredArticle;

/** The summary every format carries: the sanitised HTML, or the plain text escaped when there is no HTML. */
final class FeedSummary {

    private FeedSummary() {}

    static String html(StoredArticle article) {
        return article.summaryHtml().isEmpty() ? escape(article.summaryText()) : article.summaryHtml();
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
