package io.partnerplan.platform.events;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

class IncomingEventTest {

    record PlanCreated(String planId, String title) {
    }

    @Test
    void anEventWithAFieldTheConsumerDoesNotKnowIsStillReadWhileRestBodiesRefuseUnknownProperties() throws Exception {
        // The services' mapper, as quarkus.jackson.fail-on-unknown-properties=true configures it.
        ObjectMapper json = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        var event = new IncomingEvent("e1", "io.partnerplan.plan.created.v1", "/plan-service", null, Instant.EPOCH,
                "acme", null, null, json.readTree("{\"planId\":\"p1\",\"title\":\"FY27\",\"addedInV1_1\":true}"));

        PlanCreated data = event.dataAs(PlanCreated.class, json);

        assertEquals(new PlanCreated("p1", "FY27"), data);
    }
}
