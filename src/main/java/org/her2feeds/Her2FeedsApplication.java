package org.her2feeds;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

import org.her2feeds.ops.ExportCommand;
import org.her2feeds.publish.OpmlImportCommand;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

@SpringBootApplication
@ConfigurationPropertiesScan
public class Her2FeedsApplication {

    public static void main(String[] args) {
        Optional<Path> opml = OpmlImportCommand.requested(args);
        if (opml.isPresent()) {
            System.exit(OpmlImportCommand.run(opml.get(), args, System.out));
        }
        if (ExportCommand.requested(args)) {
            System.exit(ExportCommand.run(Her2FeedsApplication.class, args, System.out));
        }
        SpringApplication.run(Her2FeedsApplication.class, args);
    }

    /** One clock for every "now", so tests can reason about times. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
