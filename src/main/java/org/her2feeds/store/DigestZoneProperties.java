package org.her2feeds.store;

import jakarta.validation.constraints.NotNull;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/** The time zone whose calendar days the digests follow; the store files each article under one such day. */
@Validated
@ConfigurationProperties("her2.digest")
public record DigestZoneProperties(
        @NotNull @DefaultValue("UTC") ZoneId zone) {}
