package io.partnerplan.notification.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;

/**
 * Deliveries to one endpoint share a kept-alive connection, and only while the endpoint's name still
 * resolves to the address that connection goes to: the checked address decides which connection is used.
 */
class PinnedHttpKeepAliveTest {

    private static final String NAME = "hooks.partner.example";

    private Vertx vertx;

    @BeforeEach
    void start() {
        vertx = Vertx.vertx();
    }

    @AfterEach
    void stop() {
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }

    @Test
    void deliveriesToOneEndpointShareOneConnection() throws Exception {
        Receiver receiver = receiver("127.0.0.1", 0);
        UrlGuard.Resolver toLoopback = host -> List.of(InetAddress.getByAddress(host, new byte[] { 127, 0, 0, 1 }));
        try (PinnedHttp http = new PinnedHttp(vertx, new UrlGuard(true, true, toLoopback), Duration.ofSeconds(2), Duration.ofSeconds(2))) {
            for (int i = 0; i < 3; i++) {
                PinnedHttp.Answer answer = http.post(url(receiver.port), Map.of("Content-Type", "application/json"), "{}");
                assertEquals(200, answer.status(), String.valueOf(answer.error()));
                Thread.sleep(100); // the answer's end reaches the client just after its status
            }
        }
        assertEquals(3, receiver.requests.get());
        assertEquals(1, receiver.connections.get(), "one connection for three deliveries");
    }

    @Test
    void aNameThatNowResolvesElsewhereGetsANewConnectionToTheCheckedAddress() throws Exception {
        Receiver first = receiver("127.0.0.1", 0);
        Receiver second = receiver("127.0.0.2", first.port);
        AtomicInteger asked = new AtomicInteger();
        UrlGuard.Resolver moving = host -> List.of(InetAddress.getByAddress(host,
                new byte[] { 127, 0, 0, (byte) (asked.getAndIncrement() == 0 ? 1 : 2) }));
        try (PinnedHttp http = new PinnedHttp(vertx, new UrlGuard(true, true, moving), Duration.ofSeconds(2), Duration.ofSeconds(2))) {
            assertEquals(200, http.post(url(first.port), Map.of(), "{}").status());
            Thread.sleep(100);
            assertEquals(200, http.post(url(first.port), Map.of(), "{}").status());
        }
        assertEquals(1, first.requests.get(), "the kept connection to the old address was not used");
        assertEquals(1, second.requests.get());
    }

    @Test
    void aLongAnswerBodyIsNotReadToItsEnd() throws Exception {
        Receiver receiver = receiver("127.0.0.1", 0, PinnedHttp.MAX_DRAINED_BODY * 4);
        UrlGuard.Resolver toLoopback = host -> List.of(InetAddress.getByAddress(host, new byte[] { 127, 0, 0, 1 }));
        try (PinnedHttp http = new PinnedHttp(vertx, new UrlGuard(true, true, toLoopback), Duration.ofSeconds(2), Duration.ofSeconds(2))) {
            assertEquals(200, http.post(url(receiver.port), Map.of(), "{}").status());
            Thread.sleep(300); // long enough for the whole body to arrive over loopback, had it been read
            assertEquals(200, http.post(url(receiver.port), Map.of(), "{}").status());
        }
        assertEquals(2, receiver.connections.get(), "a connection that streamed too much is closed, not reused");
    }

    private record Receiver(int port, AtomicInteger connections, AtomicInteger requests) {
    }

    private Receiver receiver(String host, int port) throws Exception {
        return receiver(host, port, 0);
    }

    private Receiver receiver(String host, int port, int bodyLength) throws Exception {
        AtomicInteger connections = new AtomicInteger();
        AtomicInteger requests = new AtomicInteger();
        String body = "x".repeat(bodyLength);
        HttpServer server = vertx.createHttpServer()
                .connectionHandler(connection -> connections.incrementAndGet())
                .requestHandler(request -> request.body().onComplete(ignored -> {
                    requests.incrementAndGet();
                    request.response().setStatusCode(200).end(body);
                }));
        server.listen(port, host).toCompletionStage().toCompletableFuture().get();
        return new Receiver(server.actualPort(), connections, requests);
    }

    private static String url(int port) {
        return "http://" + NAME + ":" + port + "/hook";
    }
}
