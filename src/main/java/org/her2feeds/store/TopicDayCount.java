package org.her2feeds.store;

import java.time.LocalDate;

/** How many published articles one topic has on one digest day. */
public record TopicDayCount(String slug, LocalDate date, long count) {}
