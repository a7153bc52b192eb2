package io.partnerplan.notification.webhook;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.icegreen.greenmail.util.GreenMail;

import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.partnerplan.notification.DirectoryEvents;
import io.partnerplan.notification.SmtpServer;
import io.partnerplan.platform.security.Roles;
import io.partnerplan.platform.testing.DevTokens;
import io.partnerplan.platform.testing.KafkaProbe;
import io.partnerplan.platform.testing.RecordedSpans;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * The trace of a plan change goes on past Kafka: the consumer's span is a child of the context the
 * CloudEvent carries (ce_traceparent, the plan-service request's), and the webhook delivery to the
 * partner's PRM and the email to the member, sent later by their dispatchers, are children of the
 * consumer's span.
 */
@QuarkusTest
class TracedDeliveriesTest {

    private static final String TOPIC = "partnerplan.plan.events.v1";

    @Inject
    RecordedSpans spans;
    @SmtpServer.Inject
    GreenMail smtp;

    private final String tenant = "t-" + UUID.randomUUID().toString().substring(0, 8);
    private final String admin = DevTokens.tokenFor(tenant, UUID.randomUUID(), "admin@contoso.test", Roles.TENANT_ADMIN);
    private final UUID plan = UUID.randomUUID();
    private final UUID vendor = UUID.randomUUID();
    private final UUID partner = UUID.randomUUID();
    private TestEndpoint prm;

    @AfterEach
    void close() {
        if (prm != null) {
            prm.close();
        }
    }

    @Test
    void theConsumerTheWebhookAndTheEmailAreSpansOfThePlanChangesTrace() throws Exception {
        prm = new TestEndpoint(n -> 204);
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("url", prm.url(), "eventTypes", List.of("member.added")))
                .post("/api/v1/notifications/webhooks").then().statusCode(201);
        String vm = "vm-" + UUID.randomUUID() + "@contoso.test";
        String owner = "po-" + UUID.randomUUID() + "@northwind.test";
        send(UUID.randomUUID().toString(), "plan.created", vm, """
                {"planId":"%s","vendorOrganisationId":"%s","partnerOrganisationId":"%s","title":"FY27",
                 "horizonStart":"2027-02-01","horizonEnd":"2028-01-31","createdBy":"%s","vendorName":"Contoso","partnerName":"Northwind"}"""
                .formatted(plan, vendor, partner, vm), null);
        send(UUID.randomUUID().toString(), "person.upserted", owner,
                DirectoryEvents.person(owner, "Pat Owner", partner, owner, null, 0), null);

        // plan-service's request that added the member: its trace and span, as the relay publishes them.
        String traceId = UUID.randomUUID().toString().replace("-", "");
        String requestSpan = UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        String added = UUID.randomUUID().toString();
        send(added, "member.added", vm, """
                {"planId":"%s","subject":"%s","organisationId":"%s","side":"PARTNER","role":"partner-owner","displayName":"Pat Owner"}"""
                .formatted(plan, owner, partner), "00-" + traceId + "-" + requestSpan + "-01");

        SpanData consumer = spans.await(traceId, TOPIC + " process");
        assertEquals(SpanKind.CONSUMER, consumer.getKind());
        assertEquals(requestSpan, consumer.getParentSpanId(), "the consumer continues the event's trace context");

        SpanData webhook = spans.await(traceId, "webhook deliver");
        assertEquals(SpanKind.CLIENT, webhook.getKind());
        assertEquals(consumer.getSpanId(), webhook.getParentSpanId(), "the webhook delivery is a child of the consumer");
        assertEquals(added, RecordedSpans.attribute(webhook, "cloudevents.event_id"));
        assertEquals(1, prm.received.size(), "the partner's PRM got the event");

        SpanData email = spans.await(traceId, "email send");
        assertEquals(SpanKind.CLIENT, email.getKind());
        assertEquals(consumer.getSpanId(), email.getParentSpanId(), "the email is a child of the consumer");
        await().atMost(Duration.ofSeconds(10)).until(() -> Arrays.stream(smtp.getReceivedMessages()).anyMatch(m -> {
            try {
                return m.getAllRecipients()[0].toString().equals(owner);
            } catch (Exception e) {
                return false;
            }
        }));
    }

    private void send(String id, String type, String actor, String data, String traceparent) {
        Map<String, String> headers = new HashMap<>(
                KafkaProbe.cloudEventHeaders(id, "io.partnerplan." + type + ".v1", plan.toString(), tenant, actor));
        if (traceparent != null) {
            headers.put("ce_traceparent", traceparent);
        }
        KafkaProbe.send(TOPIC, plan.toString(), data, headers);
    }
}
