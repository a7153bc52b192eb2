package io.partnerplan.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.partnerplan.platform.testing.DevTokens;
import io.partnerplan.platform.testing.Repository;
import io.restassured.http.ContentType;

/**
 * The broker goes away while plans keep being drafted: the API keeps answering, the outbox holds
 * the events, and every one of them reaches the inbox once the broker is back, exactly once.
 */
class BrokerOutageIT {

    private static final int PLANS = 5;

    @BeforeAll
    static void stack() throws Exception {
        E2eStack.ensureUp();
    }

    @Test
    void plansDraftedWhileKafkaIsDownAreAnnouncedOnceItIsBack() throws Exception {
        String tenant = "outage-" + UUID.randomUUID().toString().substring(0, 8);
        String admin = DevTokens.token(tenant, null, "tenant-admin");
        String vendor = organisation(admin, "Contoso", "VENDOR");
        String partner = organisation(admin, "Northwind", "PARTNER");
        String vm = DevTokens.tokenFor(tenant, UUID.fromString(vendor), "vm-" + UUID.randomUUID() + "@contoso.example",
                "vendor-manager");

        Path repo = Repository.root();
        stopKafka(repo);
        try {
            List<String> plans = new ArrayList<>();
            for (int i = 0; i < PLANS; i++) {
                plans.add(given().auth().oauth2(vm).contentType(ContentType.JSON)
                        .body(Map.of("partnerOrganisationId", partner, "title", "Drafted during the outage " + i,
                                "horizonStart", "2027-02-01", "horizonEnd", "2028-01-31"))
                        .post("/api/v1/plans").then().statusCode(201).extract().<String>path("id"));
            }
            assertEquals(PLANS, plans.size());
            given().auth().oauth2(vm).get("/api/v1/notifications/inbox").then().statusCode(200).body("items", hasSize(0));
        } finally {
            startInfrastructure(repo);
        }
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                given().auth().oauth2(vm).get("/api/v1/notifications/inbox").then().statusCode(200)
                        .body("items", hasSize(PLANS)));
        // And no more than once: still five a little later.
        Thread.sleep(3000);
        given().auth().oauth2(vm).get("/api/v1/notifications/inbox").then().body("items", hasSize(PLANS));
    }

    private static String organisation(String token, String name, String kind) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("name", name, "kind", kind, "timeZone", "UTC"))
                .post("/api/v1/organisations").then().statusCode(201).extract().path("id");
    }

    private static void stopKafka(Path repo) throws Exception {
        long pid = Long.parseLong(Files.readString(repo.resolve(".infra/test/kafka.pid")).trim());
        ProcessHandle kafka = ProcessHandle.of(pid).orElseThrow(() -> new IllegalStateException("Kafka is not running"));
        kafka.destroy();
        kafka.onExit().get(60, TimeUnit.SECONDS);
        int port = Integer.parseInt(bootstrap().split(":")[1]);
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            throw new IllegalStateException("Kafka still listens on " + port);
        } catch (IOException expected) {
            // the broker is away
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void startInfrastructure(Path repo) throws IOException, InterruptedException {
        Process up = new ProcessBuilder("bash", repo.resolve("scripts/infra").toString(), "up", "--profile", "test")
                .redirectErrorStream(true).redirectOutput(repo.resolve(".stack/outage-infra-up.log").toFile()).start();
        if (!up.waitFor(2, TimeUnit.MINUTES) || up.exitValue() != 0) {
            throw new IllegalStateException("Kafka did not come back; see .stack/outage-infra-up.log");
        }
    }

    private static String bootstrap() {
        String fromEnv = System.getenv("PP_KAFKA_BOOTSTRAP");
        return fromEnv != null ? fromEnv : "127.0.0.1:29092";
    }
}
