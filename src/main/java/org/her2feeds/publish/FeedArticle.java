package org.her2feeds.publish;

import org.her2feeds.store.StoredArticle;

/**
 * An article with what a feed shows about where it came from.
 *
 * @param topicDomain the URL that category elements point to (the topics' listing)
 */
record FeedArticle(StoredArticle article, String sourceTitle, String sourceUrl, String topicDomain) {}
