package org.her2feeds;

import java.time.Clock;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

@SpringBootApplication
@ConfigurationPropertiesScan
public class Her2FeedsApplication {

    public static void main(String[] args) {
        SpringApplication.run(Her2FeedsApplication.class, args);
    }

    /** One clock for every "now", so tests can reason about times. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
