package org.her2feeds.ingest;

import java.util.concurrent.ThreadLocalRandom;
import java.util.random.RandomGenerator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The ingest's source of randomness, a bean like the clock so that a test can fix it. */
@Configuration(proxyBeanMethods = false)
class IngestConfiguration {

    /** Each thread's own generator, so concurrent fetches do not contend for one. */
    @Bean
    RandomGenerator randomGenerator() {
        return () -> ThreadLocalRandom.current().nextLong();
    }
}
