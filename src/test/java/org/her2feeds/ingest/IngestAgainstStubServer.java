package org.her2feeds.ingest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;

/**
 * The application without its schedule, so a test decides when each source is fetched; subclasses serve their feeds
 * from their own stub server and register the sources with {@code @DynamicPropertySource}.
 */
// Subclasses point the application at their own temporary folder: close it with its class, before JUnit deletes
// that folder under a search index that may still be writing.
@DirtiesContext
@SpringBootTest(properties = "spring.quartz.auto-startup=false")
abstract class IngestAgainstStubServer {

    @Autowired
    IngestService ingest;

    @Autowired
    JdbcClient jdbc;
}
