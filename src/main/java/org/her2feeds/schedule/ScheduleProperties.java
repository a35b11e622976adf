package org.her2feeds.schedule;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param firstFetchWindow sources never fetched before (or overdue after downtime) are fetched within this
 *                         long after start-up, each at its own moment so they do not all start at once
 */
@Validated
@ConfigurationProperties("her2.schedule")
record ScheduleProperties(@NotNull @DefaultValue("1m") Duration firstFetchWindow) {}
