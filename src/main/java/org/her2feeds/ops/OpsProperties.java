package org.her2feeds.ops;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Thresholds of the health report.
 *
 * @param failingShareWarning the sources' health is WARNING when more than this share of the active sources
 *                            failed their last fetch (DOWN when all of them did)
 * @param overdueAfter        a source whose fetch is this late is overdue: the schedulers are saturated or gone
 */
@Validated
@ConfigurationProperties("her2.ops")
record OpsProperties(
        @DecimalMin("0.0") @DecimalMax("1.0") @DefaultValue("0.5")
        double failingShareWarning,

        @NotNull @DefaultValue("1m") Duration overdueAfter) {}
