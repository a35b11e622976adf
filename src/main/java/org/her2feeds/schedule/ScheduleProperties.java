package org.her2feeds.schedule;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param firstFetchWindow sources never fetched before (or overdue after downtime) are fetched within at least
 *                         this long after start-up, each at its own moment so they do not all start at once
 * @param firstFetchSpacing how much each such source widens that window once there are many of them (see
 *                          {@link FirstFetchSpread})
 */
@Validated
@ConfigurationProperties("her2.schedule")
record ScheduleProperties(
        @NotNull @DefaultValue("1m") Duration firstFetchWindow,
        @NotNull @DefaultValue("200ms") Duration firstFetchSpacing) {

    FirstFetchSpread firstFetchSpread() {
        return new FirstFetchSpread(firstFetchWindow, firstFetchSpacing);
    }
}
