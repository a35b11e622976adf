package org.her2feeds.digest;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;

/** The digest package's own properties for web-slice tests in other packages (the records stay package-private). */
@TestConfiguration
@EnableConfigurationProperties(DigestRangeProperties.class)
public class DigestSliceProperties {}
