package io.partnerplan.notification.inbox;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import io.partnerplan.platform.security.Roles;
import io.partnerplan.platform.testing.DevTokens;
import io.partnerplan.platform.testing.KafkaProbe;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * New inbox items are pushed to their recipient's open event stream (signalled by PostgreSQL
 * LISTEN/NOTIFY, no polling), and to nobody else's; a stream ends with its token.
 */
@QuarkusTest
class InboxStreamTest {

    @TestHTTPResource("/api/v1/notifications/stream")
    URL stream;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aNewNotificationIsPushedToTheRecipientsStreamOnly() throws Exception {
        String tenant = "t-" + UUID.randomUUID().toString().substring(0, 8);
        String manager = "vm-" + UUID.randomUUID() + "@contoso.test";
        List<String> mine = open(DevTokens.tokenFor(tenant, UUID.randomUUID(), manager, Roles.VENDOR_MANAGER), null);
        List<String> someoneElse = open(DevTokens.token(tenant, UUID.randomUUID(), Roles.VENDOR_MANAGER), null);
        List<String> otherTenant = open(DevTokens.tokenFor("other-" + tenant, UUID.randomUUID(), manager, Roles.VENDOR_MANAGER), null);
        Thread.sleep(1000); // the streams are open before the event

        UUID plan = UUID.randomUUID();
        KafkaProbe.send("partnerplan.plan.events.v1", plan.toString(), """
                {"planId":"%s","vendorOrganisationId":"%s","partnerOrganisationId":"%s","title":"Northwind FY27",
                 "horizonStart":"2027-02-01","horizonEnd":"2028-01-31","createdBy":"%s","vendorName":"Contoso","partnerName":"Northwind"}"""
                        .formatted(plan, UUID.randomUUID(), UUID.randomUUID(), manager),
                KafkaProbe.cloudEventHeaders(UUID.randomUUID().toString(), "io.partnerplan.plan.created.v1", plan.toString(), tenant));

        await().atMost(Duration.ofSeconds(30)).until(() -> mine.stream().anyMatch(l -> l.startsWith("data:")));
        assertTrue(mine.contains("event:notification") || mine.contains("event: notification"), mine.toString());
        String data = mine.stream().filter(l -> l.startsWith("data:")).findFirst().orElseThrow();
        assertTrue(data.contains("\"title\":\"Plan drafted: Northwind FY27\""), data);
        assertTrue(data.contains("\"link\":\"/api/v1/plans/" + plan + "\""), data);
        String id = mine.stream().filter(l -> l.startsWith("id:")).findFirst().orElseThrow().substring(3).trim();
        assertTrue(data.contains("\"id\":\"" + id + "\""), "event id is the item id: " + data);

        Thread.sleep(2500);
        assertEquals(0, someoneElse.stream().filter(l -> l.startsWith("data:")).count(), someoneElse.toString());
        assertEquals(0, otherTenant.stream().filter(l -> l.startsWith("data:")).count(), otherTenant.toString());
        assertEquals(1, mine.stream().filter(l -> l.startsWith("data:")).count(), "sent once: " + mine);

        // Reconnecting with Last-Event-ID before that item gets it again; after it, nothing.
        List<String> resumed = open(DevTokens.tokenFor(tenant, UUID.randomUUID(), manager, Roles.VENDOR_MANAGER),
                new UUID(0, 0).toString());
        await().atMost(Duration.ofSeconds(30)).until(() -> resumed.stream().anyMatch(l -> l.startsWith("id:") && l.contains(id)));
    }

    /** Issue 19 finding 4: a 2-second token no longer keeps receiving events; the client is told to reconnect. */
    @Test
    void theStreamEndsWhenItsTokenExpiresAndSaysSo() throws Exception {
        long now = java.time.Instant.now().getEpochSecond();
        String shortLived = DevTokens.withClaims(java.util.Map.of("sub", "short-" + UUID.randomUUID() + "@contoso.test",
                "tenant", "t-expiry", "org", UUID.randomUUID().toString(), "groups", List.of(Roles.VENDOR_MANAGER),
                "iat", now, "exp", now + 3));
        HttpResponse<Stream<String>> response = http.send(HttpRequest.newBuilder(URI.create(stream.toString()))
                .header("Authorization", "Bearer " + shortLived).header("Accept", "text/event-stream").build(),
                HttpResponse.BodyHandlers.ofLines());
        assertEquals(200, response.statusCode());
        long started = System.nanoTime();
        List<String> lines = response.body().toList(); // returns once the server ends the stream
        long seconds = Duration.ofNanos(System.nanoTime() - started).toSeconds();
        assertTrue(seconds < 15, "ended " + seconds + " s after opening");
        assertTrue(lines.contains("event:token-expired") || lines.contains("event: token-expired"), lines.toString());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("data:") && l.contains("reconnect with a fresh token")), lines.toString());
    }

    /** At most 3 open streams per person: the fourth is refused with a problem. */
    @Test
    void aPersonHasAtMostThreeStreamsOpen() throws Exception {
        String tenant = "t-" + UUID.randomUUID().toString().substring(0, 8);
        String person = "many-" + UUID.randomUUID() + "@contoso.test";
        for (int i = 0; i < 3; i++) {
            open(DevTokens.tokenFor(tenant, UUID.randomUUID(), person, Roles.VENDOR_MANAGER), null);
        }
        HttpResponse<String> fourth = http.send(HttpRequest.newBuilder(URI.create(stream.toString()))
                .header("Authorization", "Bearer " + DevTokens.tokenFor(tenant, UUID.randomUUID(), person, Roles.VENDOR_MANAGER))
                .header("Accept", "text/event-stream").build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(429, fourth.statusCode(), fourth.body());
        assertTrue(fourth.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        // Someone else is not affected.
        open(DevTokens.tokenFor(tenant, UUID.randomUUID(), "other-" + person, Roles.VENDOR_MANAGER), null);
    }

    @Test
    void theStreamNeedsAToken() throws Exception {
        HttpResponse<Void> answer = http.send(HttpRequest.newBuilder(stream.toURI()).build(), HttpResponse.BodyHandlers.discarding());
        assertEquals(401, answer.statusCode());
    }

    /** Opens a stream and collects its lines in the background until the test ends. */
    private List<String> open(String token, String lastEventId) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(stream.toString()))
                .header("Authorization", "Bearer " + token).header("Accept", "text/event-stream");
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        HttpResponse<Stream<String>> response = http.send(request.build(), HttpResponse.BodyHandlers.ofLines());
        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream"));
        assertEquals("no", response.headers().firstValue("X-Accel-Buffering").orElse(null), "the gateway must not buffer it");
        List<String> lines = new CopyOnWriteArrayList<>();
        Thread reader = new Thread(() -> {
            try {
                response.body().forEach(lines::add);
            } catch (RuntimeException e) {
                // the connection closes when Quarkus stops
            }
        });
        reader.setDaemon(true);
        reader.start();
        return lines;
    }
}
