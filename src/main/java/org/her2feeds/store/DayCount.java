package org.her2feeds.store;

import java.time.LocalDate;

/** How many published articles one digest day has. */
public record DayCount(LocalDate date, long count) {}
