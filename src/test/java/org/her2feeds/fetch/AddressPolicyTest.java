package org.her2feeds.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The SSRF classification on literal addresses (no DNS and no connection involved). */
class AddressPolicyTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "127.0.0.1",
                "127.1.2.3",
                "10.0.0.1",
                "10.255.255.255",
                "172.16.0.1",
                "172.31.255.254",
                "192.168.0.1",
                "169.254.169.254",
                "169.254.0.1",
                "0.0.0.0",
                "0.1.2.3",
                "100.64.0.1",
                "100.127.255.254",
                "224.0.0.1",
                "239.255.255.250",
                "255.255.255.255",
                "::1",
                "::",
                "fc00::1",
                "fd12:3456:789a::1",
                "fe80::1",
                "ff02::1",
                "fec0::1",
                "::ffff:127.0.0.1",
                "::ffff:169.254.169.254",
                "::127.0.0.1",
                "64:ff9b::a9fe:a9fe",
                "2002:7f00:1::1",
                // Issue 14: IETF protocol assignments, benchmarking, reserved class E, and the IPv6 ways of
                // carrying an internal IPv4 address (NAT64, local-use NAT64, Teredo, 6to4).
                "192.0.0.1",
                "192.0.0.170",
                "198.18.0.1",
                "198.19.255.254",
                "240.0.0.1",
                "250.1.2.3",
                "64:ff9b::c0a8:101",
                "64:ff9b::c612:1",
                "64:ff9b:1::a00:1",
                "64:ff9b:1:ffff::808:808",
                "2001::1",
                "2001:0:4136:e378:8000:63bf:3fff:fdd2",
                "2002:c0a8:101::1",
                "2002:a00:1::1",
                "2002:c612:1::1",
                "2002:6440:1::1"
            })
    void internalAddressesAreForbidden(String literal) throws UnknownHostException {
        assertThat(AddressPolicy.isForbidden(InetAddress.getByName(literal)))
                .as(literal)
                .isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "8.8.8.8",
                "93.184.216.34",
                "172.15.255.255",
                "172.32.0.1",
                "192.169.0.1",
                "100.63.255.255",
                "100.128.0.1",
                "169.253.255.255",
                "2001:4860:4860::8888",
                "2606:4700::1111",
                "64:ff9b::808:808",
                "2002:808:808::1",
                "192.0.1.1",
                "198.17.255.255",
                "198.20.0.1",
                "223.255.255.254",
                "2001:1::1:1"
            })
    void publicAddressesAreAllowed(String literal) throws UnknownHostException {
        assertThat(AddressPolicy.isForbidden(InetAddress.getByName(literal)))
                .as(literal)
                .isFalse();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "http://169.254.169.254/latest/meta-data/",
                "http://127.0.0.1:8080/feed",
                "http://[::1]/feed",
                "http://10.1.2.3/feed",
                "https://192.168.1.1/rss",
                "http://localhost/feed"
            })
    void strictPolicyRefusesInternalHosts(String url) {
        URI uri = URI.create(url);

        assertThatThrownBy(() -> AddressPolicy.of(false).check(uri)).isInstanceOfSatisfying(FetchException.class, e -> {
            assertThat(e.toFailed(null, Duration.ZERO).errorClass()).isEqualTo("ForbiddenAddress");
            assertThat(e.getMessage()).startsWith(url).contains("internal address");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://169.254.169.254/latest/meta-data/", "http://10.1.2.3/feed"})
    void permissivePolicyAllowsInternalHosts(String url) {
        assertThatCode(() -> AddressPolicy.of(true).check(URI.create(url))).doesNotThrowAnyException();
    }

    @Test
    void trustedAuthorityIsExactlyOneHostAndPort() {
        AddressPolicy policy = AddressPolicy.strictExceptFor("localhost", 8089);

        assertThatCode(() -> policy.check(URI.create("http://localhost:8089/feed")))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> policy.check(URI.create("http://localhost:8090/feed")))
                .isInstanceOf(FetchException.class);
        assertThatThrownBy(() -> policy.check(URI.create("http://127.0.0.1:8089/feed")))
                .isInstanceOf(FetchException.class);
    }
}
