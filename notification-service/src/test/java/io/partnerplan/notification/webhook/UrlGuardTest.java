package io.partnerplan.notification.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The production rules (no allow-* flags), with a fake DNS so the cases do not depend on the network. */
class UrlGuardTest {

    private static final Map<String, String> DNS = Map.of(
            "prm.example.com", "93.184.216.34",
            "rebound.example.com", "10.1.2.3",
            "metadata.example.com", "169.254.169.254");

    private final UrlGuard production = new UrlGuard(false, false, host -> {
        String ip = DNS.get(host);
        if (ip == null) {
            try {
                return List.of(InetAddress.getByName(host)); // literal addresses, parsed without DNS
            } catch (UnknownHostException e) {
                throw e;
            }
        }
        return List.of(InetAddress.getByName(ip));
    });

    @Test
    void aPublicHttpsEndpointIsAccepted() {
        assertEquals(Optional.empty(), production.violation("https://prm.example.com/hooks/partnerplan?x=1"));
        assertEquals(Optional.empty(), production.violation("https://93.184.216.34/hook"));
        assertEquals(Optional.empty(), production.violation("https://prm.example.com:443/hook"));
        assertEquals(Optional.empty(), production.violation("https://[2606:2800:220:1:248:1893:25c8:1946]/hook"));
    }

    /** Issue 19 finding 8: any port made the deliveries a port scanner; production takes the scheme's default only. */
    @ParameterizedTest
    @ValueSource(strings = { "https://prm.example.com:8443/hook", "https://93.184.216.34:22/", "https://prm.example.com:80/hook" })
    void otherPortsThanTheDefaultAreRefusedInProduction(String url) {
        assertEquals(Optional.of("must use the default port of https (443)"), production.violation(url), url);
        assertEquals(Optional.empty(), new UrlGuard(true, true, UrlGuard.DNS).violation("https://127.0.0.1:8443/hook"),
                "development allows any port");
    }

    /** Issue 19 finding 8: IPv6 transition ranges reach IPv4 hosts behind a translator; all refused. */
    @ParameterizedTest
    @ValueSource(strings = { "https://[64:ff9b::7f00:1]/hook", "https://[64:ff9b::a9fe:a9fe]/", "https://[64:ff9b:1::a00:1]/",
            "https://[2002:7f00:1::1]/hook", "https://[2002:a9fe:a9fe::]/", "https://[2001:0:4136:e378:8000:63bf:3fff:fdd2]/",
            "https://[::127.0.0.1]/hook", "https://[::10.0.0.1]/", "https://[::8.8.8.8]/", "https://[2001:db8::1]/",
            "https://[100::1]/" })
    void ipv6TransitionAddressesAreRefused(String url) {
        Optional<String> violation = production.violation(url);
        assertTrue(violation.isPresent() && violation.get().startsWith("must not point at a private"), url + " -> " + violation);
        assertTrue(!violation.get().contains("127.0.0.1") && !violation.get().contains("10.0.0.1"), "names no address: " + violation);
    }

    @Test
    void plainHttpIsRefusedInProductionButAllowedInDevelopment() {
        assertEquals(Optional.of("must use https"), production.violation("http://prm.example.com/hook"));
        assertEquals(Optional.empty(), new UrlGuard(true, true, UrlGuard.DNS).violation("http://127.0.0.1:9/hook"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "https://127.0.0.1/hook", "https://10.0.0.7/hook", "https://172.16.3.4/", "https://192.168.1.1/",
            "https://169.254.169.254/latest/meta-data", "https://[::1]/hook", "https://[fd00::1]/hook", "https://[fe80::1]/hook",
            "https://100.64.0.1/", "https://0.0.0.0/", "https://[::ffff:127.0.0.1]/hook",
            "https://rebound.example.com/hook", "https://metadata.example.com/" })
    void internalAddressesAreRefusedByAddressNotByName(String url) {
        Optional<String> violation = production.violation(url);
        assertTrue(violation.isPresent() && violation.get().equals("must not point at a private, loopback, link-local, reserved or IPv6 transition address"),
                url + " -> " + violation);
    }

    @ParameterizedTest
    @ValueSource(strings = { "ftp://prm.example.com/hook", "prm.example.com/hook", "https:///nohost", "not a url",
            "https://user:pw@prm.example.com/hook" })
    void malformedOrOddUrlsAreRefused(String url) {
        assertTrue(production.violation(url).isPresent(), url);
    }

    @Test
    void aHostThatDoesNotResolveIsRefused() {
        assertEquals(Optional.of("host nowhere.invalid does not resolve"), production.violation("https://nowhere.invalid/hook"));
    }
}
