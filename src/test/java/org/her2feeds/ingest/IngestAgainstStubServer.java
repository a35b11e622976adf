package org.her2feeds.ingest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The application without its schedule, so a test decides when each source is fetched; subclasses serve their feeds
 * from their own stub server and register the sources with {@code @DynamicPropertySource}.
 */
@SpringBootTest(properties = "spring.quartz.auto-startup=false")
abstract class IngestAgainstStubServer {

    @Autowired
    IngestService ingest;

    @Autowired
    JdbcClient jdbc;
}
