package org.her2feeds.fetch;

import java.time.Duration;
import org.springframework.util.unit.DataSize;

/** Builds {@link FetchProperties} for tests: loopback allowed and short timeouts unless a test says otherwise. */
final class TestProperties {

    private Duration connectTimeout = Duration.ofSeconds(2);
    private Duration totalTimeout = Duration.ofSeconds(10);
    private DataSize maxBodySize = DataSize.ofKilobytes(64);
    private int maxConcurrentPerHost = 2;
    private boolean allowPrivateAddresses = true;
    private int maxRedirects = 5;

    static TestProperties loopbackAllowed() {
        return new TestProperties();
    }

    TestProperties totalTimeout(Duration value) {
        totalTimeout = value;
        return this;
    }

    TestProperties maxBodySize(DataSize value) {
        maxBodySize = value;
        return this;
    }

    TestProperties maxConcurrentPerHost(int value) {
        maxConcurrentPerHost = value;
        return this;
    }

    TestProperties privateAddressesRefused() {
        allowPrivateAddresses = false;
        return this;
    }

    FetchProperties build() {
        return new FetchProperties(
                connectTimeout,
                totalTimeout,
                maxBodySize,
                "HER2Feeds-test/1.0",
                maxConcurrentPerHost,
                allowPrivateAddresses,
                maxRedirects);
    }
}
