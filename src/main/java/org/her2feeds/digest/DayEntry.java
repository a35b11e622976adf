package org.her2feeds.digest;

import java.time.LocalDate;

/** A day that has a digest, and how many articles it holds. */
public record DayEntry(LocalDate date, long count) {}
