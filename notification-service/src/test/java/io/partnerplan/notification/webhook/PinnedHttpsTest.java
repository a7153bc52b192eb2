package io.partnerplan.notification.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.PfxOptions;

/**
 * A webhook over HTTPS while the connection is pinned to the checked address: the TLS handshake still
 * names the URL's host (SNI) and the certificate is verified against that name, not against the address
 * connected to. Real TLS servers with certificates made by the JDK's keytool for this test.
 */
class PinnedHttpsTest {

    private static final String NAME = "hooks.partner.example";
    private static final String PASSWORD = "changeit";

    @TempDir
    Path keys;

    private Vertx vertx;
    private final List<String> serverNames = new CopyOnWriteArrayList<>();
    private final List<String> hostHeaders = new CopyOnWriteArrayList<>();
    private final UrlGuard.Resolver toLoopback = host -> List.of(InetAddress.getByAddress(host, new byte[] { 127, 0, 0, 1 }));

    @BeforeEach
    void start() {
        vertx = Vertx.vertx();
    }

    @AfterEach
    void stop() {
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }

    @Test
    void theHandshakeNamesTheUrlsHostAndItsCertificateIsAccepted() throws Exception {
        Path keystore = certificate("right", NAME);
        int port = httpsServer(keystore);
        try (PinnedHttp http = client(keystore)) {
            PinnedHttp.Answer answer = http.post("https://" + NAME + ":" + port + "/hook", Map.of("Content-Type", "application/json"), "{}");
            assertEquals(204, answer.status(), String.valueOf(answer.error()));
        }
        assertEquals(List.of(NAME), serverNames, "SNI carries the URL's host name, not the pinned address");
        assertEquals(List.of(NAME + ":" + port), hostHeaders);
    }

    @Test
    void aCertificateForAnotherNameIsRefusedThoughTheAddressIsTheCheckedOne() throws Exception {
        Path keystore = certificate("wrong", "elsewhere.example");
        int port = httpsServer(keystore);
        try (PinnedHttp http = client(keystore)) {
            PinnedHttp.Answer answer = http.post("https://" + NAME + ":" + port + "/hook", Map.of(), "{}");
            assertNull(answer.status(), "no answer may be taken from a server that is not " + NAME);
            assertEquals("connection failed: TLS handshake failed", answer.error(),
                    answer.error());
        }
        assertEquals(List.of(), hostHeaders, "the request was never sent");
    }

    @Test
    void aCertificateNoTrustedAuthoritySignedIsRefused() throws Exception {
        Path keystore = certificate("self-signed", NAME);
        int port = httpsServer(keystore);
        // The JVM's trust store, as in production: a self-signed certificate is not in it.
        try (PinnedHttp http = new PinnedHttp(vertx, new UrlGuard(false, true, toLoopback), Duration.ofSeconds(10), Duration.ofSeconds(10))) {
            PinnedHttp.Answer answer = http.post("https://" + NAME + ":" + port + "/hook", Map.of(), "{}");
            assertNull(answer.status());
            assertEquals("connection failed: TLS handshake failed", answer.error(), answer.error());
        }
        assertEquals(List.of(), hostHeaders);
    }

    /** The client as WebhookSender builds it (HTTPS required, private networks allowed for the loopback server). */
    private PinnedHttp client(Path trusted) {
        return new PinnedHttp(vertx, new UrlGuard(false, true, toLoopback), Duration.ofSeconds(10), Duration.ofSeconds(10),
                new PfxOptions().setPath(trusted.toString()).setPassword(PASSWORD));
    }

    private int httpsServer(Path keystore) {
        HttpServer server = vertx.createHttpServer(new HttpServerOptions().setSsl(true).setSni(true)
                .setKeyCertOptions(new PfxOptions().setPath(keystore.toString()).setPassword(PASSWORD)));
        server.requestHandler(request -> {
            serverNames.add(String.valueOf(request.connection().indicatedServerName()));
            hostHeaders.add(request.getHeader("Host"));
            request.response().setStatusCode(204).end();
        });
        return server.listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().join().actualPort();
    }

    /** A self-signed certificate for {@code dnsName} in a PKCS#12 key store, made by the running JDK's keytool. */
    private Path certificate(String alias, String dnsName) throws IOException, InterruptedException {
        Path file = keys.resolve(alias + ".p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", alias, "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                "-dname", "CN=" + dnsName, "-ext", "SAN=dns:" + dnsName, "-storetype", "PKCS12",
                "-keystore", file.toString(), "-storepass", PASSWORD, "-keypass", PASSWORD)
                .redirectErrorStream(true).start();
        String output = new String(keytool.getInputStream().readAllBytes());
        assertEquals(0, keytool.waitFor(), output);
        assertTrue(Files.size(file) > 0);
        return file;
    }
}
