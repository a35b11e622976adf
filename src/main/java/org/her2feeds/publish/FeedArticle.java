package org.her2feeds.publish;

import org.her2feeds.store.StoredArticle;
import org.her2feeds.tagging.PublicationType;

/**
 * An article with what a feed shows about where it came from.
 *
 * @param topicDomain the URL that topic category elements point to (the topics' listing)
 * @param typeDomain  the URL that the publication type's category points to (the types' listing)
 */
record FeedArticle(StoredArticle article, String sourceTitle, String sourceUrl, String topicDomain, String typeDomain) {

    /** The article's publication type; null only before the archive was re-evaluated with types. */
    PublicationType type() {
        return article.evidence() == null ? null : article.evidence().type();
    }
}
