package io.partnerplan.notification.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

import io.vertx.core.Vertx;

/**
 * DNS rebinding: a webhook's host name answers a public address when it is checked and loopback a moment
 * later. The delivery connects to the address that was checked, so whatever listens on loopback (here a
 * real HTTP server started by the test) is never reached; and the Host header keeps the URL's name.
 */
class PinnedHttpTest {

    private static final String NAME = "hooks.partner.example";

    private Vertx vertx;
    private HttpServer loopback;
    private final List<String> hostHeaders = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws IOException {
        vertx = Vertx.vertx();
        loopback = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        loopback.createContext("/", exchange -> {
            hostHeaders.add(exchange.getRequestHeaders().getFirst("Host"));
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        loopback.start();
    }

    @AfterEach
    void stop() {
        loopback.stop(0);
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }

    /** Issue 19 finding 8: a failed delivery's error names no address or port ("Connection refused: /127.0.0.1:9"). */
    @Test
    void aFailedAttemptSaysWhatHappenedWithoutAddressesOrPorts() throws Exception {
        int closed;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = socket.getLocalPort();
        }
        try (PinnedHttp http = new PinnedHttp(vertx, new UrlGuard(true, true, UrlGuard.DNS), Duration.ofMillis(500), Duration.ofSeconds(1))) {
            PinnedHttp.Answer answer = http.post("http://127.0.0.1:" + closed + "/hook", Map.of("Content-Type", "application/json"), "{}");
            assertNull(answer.status());
            assertEquals("connection failed: refused", answer.error());
        }
    }

    @Test
    void aNameThatRebindsToLoopbackAfterTheCheckIsNotCalledThere() throws Exception {
        AtomicInteger asked = new AtomicInteger();
        // Public (TEST-NET-3, unroutable) when checked; loopback on any later question, as a rebinding attacker's DNS.
        UrlGuard.Resolver rebinding = host -> asked.getAndIncrement() == 0
                ? List.of(InetAddress.getByAddress(host, new byte[] { (byte) 203, 0, 113, 7 }))
                : List.of(InetAddress.getByAddress(host, new byte[] { 127, 0, 0, 1 }));
        try (PinnedHttp http = new PinnedHttp(vertx, new UrlGuard(true, false, rebinding), Duration.ofMillis(500), Duration.ofSeconds(1))) {
            PinnedHttp.Answer answer = http.post(url(), Map.of("Content-Type", "application/json"), "{}");

            assertNull(answer.status(), "the checked public address does not answer");
            assertTrue(answer.error().startsWith("connection failed") || answer.error().startsWith("no answer"), answer.error());
        }
        assertEquals(1, asked.get(), "the name is resolved once, for the check");
        assertEquals(List.of(), hostHeaders, "loopback was reached");
    }

    @Test
    void theConnectionGoesToTheCheckedAddressWithTheUrlsHostName() throws Exception {
        // Development (private networks allowed): the name resolves to loopback, where the test server listens.
        UrlGuard.Resolver toLoopback = host -> List.of(InetAddress.getByAddress(host, new byte[] { 127, 0, 0, 1 }));
        try (PinnedHttp http = new PinnedHttp(vertx, new UrlGuard(true, true, toLoopback), Duration.ofSeconds(2), Duration.ofSeconds(2))) {
            PinnedHttp.Answer answer = http.post(url(), Map.of("Content-Type", "application/json"), "{}");
            assertEquals(204, answer.status(), String.valueOf(answer.error()));
        }
        assertEquals(List.of(NAME + ":" + loopback.getAddress().getPort()), hostHeaders);
    }

    @Test
    void aNameWithOnePublicAndOneLoopbackAddressIsRefusedWithoutAnyCall() throws Exception {
        UrlGuard.Resolver mixed = host -> List.of(InetAddress.getByAddress(host, new byte[] { (byte) 203, 0, 113, 7 }),
                InetAddress.getByAddress(host, new byte[] { 127, 0, 0, 1 }));
        try (PinnedHttp http = new PinnedHttp(vertx, new UrlGuard(true, false, mixed), Duration.ofMillis(500), Duration.ofSeconds(1))) {
            PinnedHttp.Answer answer = http.post(url(), Map.of(), "{}");
            assertTrue(answer.error().startsWith("url refused: must not point at a private, loopback"), answer.error());
        }
        assertEquals(List.of(), hostHeaders);
    }

    private String url() {
        return "http://" + NAME + ":" + loopback.getAddress().getPort() + "/hook";
    }
}
