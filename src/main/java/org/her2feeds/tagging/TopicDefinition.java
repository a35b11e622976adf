package org.her2feeds.tagging;

/** A topic as declared in the rules file. */
public record TopicDefinition(String slug, String label, String description) {}
