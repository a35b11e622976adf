package org.her2feeds.publish;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;

/** The publish package's own properties for web-slice tests in other packages (the records stay package-private). */
@TestConfiguration
@EnableConfigurationProperties(WebSubProperties.class)
public class PublishSliceProperties {}
