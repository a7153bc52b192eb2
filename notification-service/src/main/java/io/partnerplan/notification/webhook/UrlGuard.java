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
 * private, link-local such as the cloud metadata endpoint, carrier-grade NAT, unique-local IPv6...),
 * unless configured otherwise for development. Checked when a subscription is saved and again
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
                return Checked.refused("must not point at a private, loopback or link-local address (" + host + " is "
                        + address.getHostAddress() + ")");
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
}
