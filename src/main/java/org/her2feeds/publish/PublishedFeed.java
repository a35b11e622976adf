package org.her2feeds.publish;

import org.her2feeds.tagging.TopicDefinition;

/**
 * One feed the service publishes.
 *
 * @param topic null for the merged feed
 * @param path  relative to the service's root, starting with a slash; also its file name when published statically
 */
public record PublishedFeed(String title, TopicDefinition topic, FeedFormat format, String path) {}
