package org.her2feeds.tagging;

import java.util.Set;

/** One article of the evaluation set with the labels a person gave it. */
record LabelledArticle(String id, TaggableText text, boolean relevant, Set<String> topics, String why) {}
