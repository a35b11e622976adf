package org.her2feeds.fetch;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.hc.client5.http.DnsResolver;

/**
 * Refuses hosts whose addresses lie inside our own network (SSRF protection): loopback, private, unique-local,
 * link-local (including the 169.254.169.254 cloud metadata service), unspecified, shared CGNAT, IETF protocol
 * assignments, benchmarking, reserved, broadcast and multicast addresses, and IPv6 forms that carry such an IPv4
 * address (IPv4-compatible, NAT64, 6to4) or tunnel to an address we cannot see (Teredo, local-use NAT64).
 *
 * <p>It is the HTTP client's DNS resolver, so the addresses it checked are the ones the connection is opened
 * to: a name that answers differently a moment later (DNS rebinding) never reaches a second lookup.
 */
final class AddressPolicy implements DnsResolver {

    /** Name resolution, replaceable so tests can play a DNS server that changes its answer. */
    @FunctionalInterface
    interface Lookup {
        InetAddress[] all(String host) throws UnknownHostException;
    }

    private final boolean allowPrivate;
    private final Set<String> trustedAuthorities;
    private final Lookup lookup;

    private AddressPolicy(boolean allowPrivate, Set<String> trustedAuthorities, Lookup lookup) {
        this.allowPrivate = allowPrivate;
        this.trustedAuthorities = trustedAuthorities;
        this.lookup = lookup;
    }

    static AddressPolicy of(boolean allowPrivateAddresses) {
        return new AddressPolicy(allowPrivateAddresses, Set.of(), InetAddress::getAllByName);
    }

    /**
     * A strict policy that still lets through one exact host:port. Only tests need this: it lets a local stub
     * server play a public first hop while every other address is judged as in production.
     */
    static AddressPolicy strictExceptFor(String host, int port) {
        return new AddressPolicy(false, Set.of(authority(host, port)), InetAddress::getAllByName);
    }

    /** A strict policy over a given name resolution (tests). */
    static AddressPolicy strictResolvingWith(Lookup lookup) {
        return new AddressPolicy(false, Set.of(), lookup);
    }

    /** The addresses of a host, every one of them allowed, or the reason why not as a FetchException. */
    void check(URI url) throws FetchException {
        try {
            int port = url.getPort() >= 0 ? url.getPort() : "https".equalsIgnoreCase(url.getScheme()) ? 443 : 80;
            resolve(url.getHost(), port);
        } catch (ForbiddenAddressException e) {
            throw new FetchException(url, "ForbiddenAddress", e.getMessage());
        } catch (UnknownHostException e) {
            throw new FetchException(url, "UnknownHost", "host " + url.getHost() + " could not be resolved");
        }
    }

    @Override
    public List<InetSocketAddress> resolve(String host, int port) throws UnknownHostException {
        InetAddress[] addresses = lookup.all(host);
        if (!allowPrivate && !trustedAuthorities.contains(authority(host, port))) {
            // Every address counts: the client may connect to any of them.
            for (InetAddress address : addresses) {
                if (isForbidden(address)) {
                    throw new ForbiddenAddressException("host " + host + " resolves to " + address.getHostAddress()
                            + ", an internal address; refused (her2.fetch.allow-private-addresses is false)");
                }
            }
        }
        List<InetSocketAddress> endpoints = new ArrayList<>(addresses.length);
        for (InetAddress address : addresses) {
            endpoints.add(new InetSocketAddress(address, Math.max(0, port)));
        }
        return endpoints;
    }

    @Override
    public InetAddress[] resolve(String host) throws UnknownHostException {
        List<InetSocketAddress> endpoints = resolve(host, 0);
        return endpoints.stream().map(InetSocketAddress::getAddress).toArray(InetAddress[]::new);
    }

    /** Canonical names serve only Kerberos-style authentication, which feeds never use; no second lookup. */
    @Override
    public String resolveCanonicalHostname(String host) {
        return host;
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
            if (isTeredo(b) || isLocalUseNat64(b)) {
                return true;
            }
            byte[] embedded = embeddedV4(v6, b);
            return embedded != null && isForbiddenV4OrSpecial(embedded);
        }
        return false;
    }

    private static boolean isForbiddenV4(byte[] b) {
        int first = b[0] & 0xff;
        int second = b[1] & 0xff;
        int third = b[2] & 0xff;
        return first == 0 // 0.0.0.0/8 "this network", reaches the local host
                || (first == 100 && (second & 0xc0) == 64) // 100.64.0.0/10 carrier-grade NAT, provider-internal
                || (first == 192 && second == 0 && third == 0) // 192.0.0.0/24 IETF protocol assignments
                || (first == 198 && (second & 0xfe) == 18) // 198.18.0.0/15 benchmarking, lab networks
                || (first & 0xf0) == 240; // 240.0.0.0/4 reserved, and 255.255.255.255 broadcast within it
    }

    /** 2001::/32: the server and client addresses are hidden in the tunnel, so nothing can be checked. */
    private static boolean isTeredo(byte[] b) {
        return b[0] == 0x20 && b[1] == 0x01 && b[2] == 0 && b[3] == 0;
    }

    /**
     * 64:ff9b:1::/48 (RFC 8215) is NAT64 for one site's own use, with the IPv4 address at a position that
     * site chooses; it never leads anywhere public, so all of it is refused.
     */
    private static boolean isLocalUseNat64(byte[] b) {
        return b[0] == 0x00 && b[1] == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b && b[4] == 0 && b[5] == 1;
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

    /** A refusal travelling through the HTTP client, which only lets resolution fail as an unknown host. */
    static final class ForbiddenAddressException extends UnknownHostException {
        ForbiddenAddressException(String message) {
            super(message);
        }
    }
}
