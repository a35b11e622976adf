package org.her2feeds.fetch;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Set;

/**
 * Refuses URLs whose host resolves to an address inside our own network (SSRF protection): loopback, private,
 * unique-local, link-local (including the 169.254.169.254 cloud metadata service), unspecified, shared CGNAT,
 * broadcast and multicast addresses. Checked before the first request and before every redirect hop.
 */
final class AddressPolicy {

    private final boolean allowPrivate;
    private final Set<String> trustedAuthorities;

    private AddressPolicy(boolean allowPrivate, Set<String> trustedAuthorities) {
        this.allowPrivate = allowPrivate;
        this.trustedAuthorities = trustedAuthorities;
    }

    static AddressPolicy of(boolean allowPrivateAddresses) {
        return new AddressPolicy(allowPrivateAddresses, Set.of());
    }

    /**
     * A strict policy that still lets through one exact host:port. Only tests need this: it lets a local stub
     * server play a public first hop while every other address is judged as in production.
     */
    static AddressPolicy strictExceptFor(String host, int port) {
        return new AddressPolicy(false, Set.of(authority(host, port)));
    }

    void check(URI url) throws FetchException {
        if (allowPrivate || trustedAuthorities.contains(authority(url.getHost(), url.getPort()))) {
            return;
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(url.getHost());
        } catch (UnknownHostException e) {
            throw new FetchException(url, "UnknownHost", "host " + url.getHost() + " could not be resolved");
        }
        // Every address counts: the HTTP client may connect to any of them.
        for (InetAddress address : addresses) {
            if (isForbidden(address)) {
                throw new FetchException(
                        url,
                        "ForbiddenAddress",
                        "host " + url.getHost() + " resolves to "
                                + address.getHostAddress() + ", an internal address; refused"
                                + " (her2.fetch.allow-private-addresses is false)");
            }
        }
    }

    static boolean isForbidden(InetAddress address) {
        if (address.isLoopbackAddress()
                || address.isSiteLocalAddress()
                || address.isLinkLocalAddress()
                || address.isAnyLocalAddress()
                || address.isMulticastAddress()) {
            return true;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            return isForbiddenV4(b);
        }
        if (address instanceof Inet6Address v6) {
            if ((b[0] & 0xfe) == 0xfc) {
                return true; // fc00::/7 unique local
            }
            byte[] embedded = embeddedV4(v6, b);
            return embedded != null && isForbiddenV4OrSpecial(embedded);
        }
        return false;
    }

    private static boolean isForbiddenV4(byte[] b) {
        int first = b[0] & 0xff;
        int second = b[1] & 0xff;
        return first == 0 // 0.0.0.0/8 "this network", reaches the local host
                || (first == 100 && (second & 0xc0) == 64) // 100.64.0.0/10 carrier-grade NAT, provider-internal
                || (b[0] & b[1] & b[2] & b[3]) == (byte) 0xff; // limited broadcast
    }

    private static boolean isForbiddenV4OrSpecial(byte[] b) {
        try {
            return isForbidden(InetAddress.getByAddress(b));
        } catch (UnknownHostException e) {
            return true; // cannot happen for 4 bytes; refusing is the safe answer anyway
        }
    }

    /** The IPv4 address inside IPv4-compatible (::a.b.c.d), NAT64 (64:ff9b::/96) and 6to4 (2002::/16) forms. */
    private static byte[] embeddedV4(Inet6Address v6, byte[] b) {
        if (v6.isIPv4CompatibleAddress()) {
            return new byte[] {b[12], b[13], b[14], b[15]};
        }
        boolean nat64 = b[0] == 0x00 && b[1] == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b;
        for (int i = 4; nat64 && i < 12; i++) {
            nat64 = b[i] == 0;
        }
        if (nat64) {
            return new byte[] {b[12], b[13], b[14], b[15]};
        }
        if (b[0] == 0x20 && b[1] == 0x02) {
            return new byte[] {b[2], b[3], b[4], b[5]};
        }
        return null;
    }

    private static String authority(String host, int port) {
        return (host == null ? "" : host.toLowerCase(Locale.ROOT)) + ":" + port;
    }
}
