package org.her2feeds;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class Her2FeedsApplication {

    public static void main(String[] args) {
        SpringApplication.run(Her2FeedsApplication.class, args);
    }
}
