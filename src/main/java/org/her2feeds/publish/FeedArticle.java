package org.her2feeds.publish;

import org.her2feeds.store.ArticleStatus;
import org.her2feeds.store.StoredArticle;
import org.her2feeds.tagging.PublicationType;

/**
 * An article with what a feed shows about where it came from.
 *
 * @param topicDomain the URL that topic category elements point to (the topics' listing)
 * @param typeDomain  the URL that the publication type's category points to (the types' listing)
 */
record FeedArticle(StoredArticle article, String sourceTitle, String sourceUrl, String topicDomain, String typeDomain) {

    /**
     * The title readers see: marked when a notice names the article, so that no reader takes a retracted paper for
     * one that stands (feed readers show the title, not categories).
     */
    String displayTitle() {
        return article.status()
                        .map(status -> "[" + ArticleStatus.label(status.kind()) + "] ")
                        .orElse("")
                + article.title();
    }

    /** The article's publication type; null only before the archive was re-evaluated with types. */
    PublicationType type() {
        return article.evidence() == null ? null : article.evidence().type();
    }
}
