package io.partnerplan.notification.webhook;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * SSRF guard for webhook URLs: HTTPS only, and no address inside our own networks (loopback,
 * private, link-local such as the cloud metadata endpoint, carrier-grade NAT, unique-local IPv6, the
 * IPv6 transition ranges that reach IPv4 hosts...) and only the scheme's default port, unless
 * configured otherwise for development (either allow-* switch also allows any port). Checked when a subscription is saved and again
 * before every delivery, because a name can be re-pointed after it was checked (DNS rebinding); a
 * delivery then connects to an address {@link #check} validated, never resolving the name again.
 */
public final class UrlGuard {

    /** Resolves a host name; replaceable in tests. */
    @FunctionalInterface
    public interface Resolver {
        List<InetAddress> resolve(String host) throws UnknownHostException;
    }

    public static final Resolver DNS = host -> List.of(InetAddress.getAllByName(host));

    private final boolean allowInsecure;
    private final boolean allowPrivate;
    private final Resolver resolver;

    public UrlGuard(boolean allowInsecure, boolean allowPrivate, Resolver resolver) {
        this.allowInsecure = allowInsecure;
        this.allowPrivate = allowPrivate;
        this.resolver = resolver;
    }

    /**
     * The outcome of checking a URL: the rule it breaks, or the addresses its host resolved to, every one
     * of them allowed (connect to one of these, not to the name: it may resolve elsewhere by then).
     */
    public record Checked(Optional<String> violation, List<InetAddress> addresses) {

        static Checked refused(String rule) {
            return new Checked(Optional.of(rule), List.of());
        }
    }

    /** @return the rule {@code url} breaks, or empty when it may be called */
    public Optional<String> violation(String url) {
        return check(url, false).violation();
    }

    /** Checks {@code url} and resolves its host once: the addresses to connect to, when it may be called. */
    public Checked check(String url) {
        return check(url, true);
    }

    private Checked check(String url, boolean toConnect) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return Checked.refused("must be an absolute URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || uri.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
            return Checked.refused("must be an absolute https URL with a host");
        }
        if (scheme.equals("http") && !allowInsecure) {
            return Checked.refused("must use https");
        }
        if (uri.getUserInfo() != null) {
            return Checked.refused("must not carry credentials");
        }
        if (uri.getFragment() != null) {
            return Checked.refused("must not have a fragment");
        }
        int defaultPort = scheme.equals("https") ? 443 : 80;
        // Production (neither development switch) calls the scheme's default port only.
        if (!allowPrivate && !allowInsecure && uri.getPort() != -1 && uri.getPort() != defaultPort) {
            return Checked.refused("must use the default port of " + scheme + " (" + defaultPort + ")");
        }
        if (allowPrivate && !toConnect) {
            return new Checked(Optional.empty(), List.of()); // development: any address, no need to ask DNS now
        }
        String host = uri.getHost().startsWith("[") ? uri.getHost().substring(1, uri.getHost().length() - 1) : uri.getHost();
        List<InetAddress> addresses;
        try {
            addresses = resolver.resolve(host);
        } catch (UnknownHostException e) {
            return Checked.refused("host " + host + " does not resolve");
        }
        if (addresses.isEmpty()) {
            return Checked.refused("host " + host + " does not resolve");
        }
        for (InetAddress address : addresses) {
            if (!allowPrivate && internal(address)) {
                // Which address it was stays unsaid: the answer must not map internal names.
                return Checked.refused("must not point at a private, loopback, link-local, reserved or IPv6 transition address");
            }
        }
        return new Checked(Optional.empty(), addresses);
    }

    static boolean internal(InetAddress address) {
        if (address.isLoopbackAddress() || address.isSiteLocalAddress() || address.isLinkLocalAddress()
                || address.isAnyLocalAddress() || address.isMulticastAddress()) {
            return true;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            return first == 0                                   // "this" network
                    || (first == 100 && second >= 64 && second <= 127)   // carrier-grade NAT
                    || (first == 192 && second == 0 && (b[2] & 0xff) == 0) // IETF protocol assignments
                    || (first == 198 && (second == 18 || second == 19))  // benchmarking
                    || first >= 240;                            // reserved, broadcast
        }
        if (address instanceof Inet6Address) {
            if ((b[0] & 0xfe) == 0xfc) {
                return true;                                    // unique local fc00::/7
            }
            if (transition(b)) {
                return true;
            }
            boolean mapped = true;                              // ::ffff:a.b.c.d carries an IPv4 address
            for (int i = 0; i < 10; i++) {
                mapped &= b[i] == 0;
            }
            if (mapped && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {
                try {
                    return internal(InetAddress.getByAddress(new byte[] { b[12], b[13], b[14], b[15] }));
                } catch (UnknownHostException e) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * IPv6 ranges that reach IPv4 (or other) hosts through a translator or tunnel, whose real target the
     * checks above cannot see: NAT64 64:ff9b::/96 and the local-use 64:ff9b:1::/48, 6to4 2002::/16, Teredo
     * 2001::/32, IPv4-compatible ::/96 and IPv4-mapped ::ffff:0:0/96, the discard prefix 100::/64 and
     * documentation 2001:db8::/32. None is a webhook receiver's address.
     */
    static boolean transition(byte[] b) {
        int w0 = ((b[0] & 0xff) << 8) | (b[1] & 0xff);
        int w1 = ((b[2] & 0xff) << 8) | (b[3] & 0xff);
        int w2 = ((b[4] & 0xff) << 8) | (b[5] & 0xff);
        boolean zero64to80 = true;
        for (int i = 4; i < 10; i++) {
            zero64to80 &= b[i] == 0;
        }
        boolean zero0to96 = zero64to80 && w0 == 0 && w1 == 0;
        int w5 = ((b[10] & 0xff) << 8) | (b[11] & 0xff);
        return (w0 == 0x64 && w1 == 0xff9b && zero64to80 && w5 == 0)  // NAT64 64:ff9b::/96
                || (w0 == 0x64 && w1 == 0xff9b && w2 == 1)             // local-use NAT64 64:ff9b:1::/48
                || w0 == 0x2002                                         // 6to4
                || (w0 == 0x2001 && w1 == 0)                            // Teredo 2001::/32
                || (w0 == 0x2001 && w1 == 0x0db8)                       // documentation
                || (w0 == 0x100 && w1 == 0 && ((b[4] | b[5] | b[6] | b[7]) == 0)) // discard 100::/64
                || (zero0to96 && (w5 == 0 || w5 == 0xffff));            // IPv4-compatible, IPv4-mapped
    }
}
