package io.partnerplan.plan.plan;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.partnerplan.plan.Fixtures;
import io.partnerplan.platform.testing.KafkaProbe;
import io.partnerplan.platform.testing.RecordedSpans;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * One trace from the client's request to the event on Kafka: the request continues the caller's
 * traceparent, the outbox row keeps the request's context, the relay's publish (whenever it runs) is
 * a child of the request, and the CloudEvent carries the request's context (ce_traceparent) for its
 * consumers.
 */
@QuarkusTest
class PlanTraceTest {

    @Inject
    RecordedSpans spans;

    @Test
    void aDraftedPlansEventContinuesTheRequestsTraceThroughTheOutboxToKafka() {
        Fixtures f = Fixtures.newTenant();
        String traceId = UUID.randomUUID().toString().replace("-", "");
        String callerSpan = UUID.randomUUID().toString().replace("-", "").substring(0, 16);

        String plan = given().auth().oauth2(f.vendorManager()).contentType(ContentType.JSON)
                .header("traceparent", "00-" + traceId + "-" + callerSpan + "-01")
                .body(Map.of("partnerOrganisationId", f.partner().toString(), "title", "Traced FY27",
                        "horizonStart", "2027-02-01", "horizonEnd", "2028-01-31"))
                .post("/api/v1/plans").then().statusCode(201).extract().path("id");

        ConsumerRecord<String, String> event = KafkaProbe.awaitRecord("partnerplan.plan.events.v1", Duration.ofSeconds(30),
                r -> plan.equals(r.key()) && "io.partnerplan.plan.created.v1".equals(KafkaProbe.header(r, "ce_type")));

        SpanData request = spans.await(traceId, "POST /api/v1/plans");
        assertEquals(SpanKind.SERVER, request.getKind());
        assertEquals(callerSpan, request.getParentSpanId(), "the request continues the caller's trace");
        assertEquals("00-" + traceId + "-" + request.getSpanId() + "-01", KafkaProbe.header(event, "ce_traceparent"),
                "the CloudEvent carries the request's context, recorded with the outbox row");

        // The request records several events (the plan, its first member): plan.created's publish.
        SpanData publish = spans.await(traceId, "partnerplan.plan.events.v1 publish",
                s -> KafkaProbe.header(event, "ce_id").equals(RecordedSpans.attribute(s, "messaging.message.id")));
        assertEquals(SpanKind.PRODUCER, publish.getKind());
        assertEquals(request.getSpanId(), publish.getParentSpanId(), "the relay's publish is a child of the request");
        assertEquals("io.partnerplan.plan.created.v1", RecordedSpans.attribute(publish, "cloudevents.event_type"));
    }
}
