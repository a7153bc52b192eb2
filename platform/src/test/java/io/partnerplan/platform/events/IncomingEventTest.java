package io.partnerplan.platform.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

class IncomingEventTest {

    record PlanCreated(String planId, String title) {
    }

    /** A consumer's own record: what it reads, and what it cannot work without. */
    record ReviewDue(UUID planId, Long daysUntilDue, LocalDate dueOn) {
        ReviewDue {
            IncomingEvent.required(daysUntilDue, "daysUntilDue");
        }
    }

    private static IncomingEvent reviewDue(String data) throws Exception {
        return new IncomingEvent("e2", "io.partnerplan.review.due.v1", "/calendar-service", null, Instant.EPOCH,
                "acme", null, null, new ObjectMapper().readTree(data));
    }

    @Test
    void aConsumerRecordReadsDatesAndIdsAndIgnoresWhatItDoesNotKnow() throws Exception {
        ReviewDue due = reviewDue("""
                {"planId":"0195f3c4-1d2e-7000-8000-000000000001","daysUntilDue":0,"dueOn":"2027-03-31","sequence":4}""")
                .dataAs(ReviewDue.class);

        assertEquals(new ReviewDue(UUID.fromString("0195f3c4-1d2e-7000-8000-000000000001"), 0L,
                LocalDate.of(2027, 3, 31)), due);
    }

    @Test
    void anEventLackingWhatTheConsumerNeedsIsPoisonNamingTheField() throws Exception {
        IncomingEvent event = reviewDue("""
                {"planId":"0195f3c4-1d2e-7000-8000-000000000001","dueOn":"2027-03-31"}""");

        PoisonEventException poison = assertThrows(PoisonEventException.class,
                () -> event.dataAs(ReviewDue.class));
        assertTrue(poison.getMessage().contains("daysUntilDue"), poison.getMessage());
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

    @Test
    void aValueOfTheWrongTypeIsPoisonNamingWhereItIs() throws Exception {
        IncomingEvent event = reviewDue("""
                {"planId":"not-a-uuid","daysUntilDue":0,"dueOn":"2027-03-31"}""");

        PoisonEventException poison = assertThrows(PoisonEventException.class, () -> event.dataAs(ReviewDue.class));
        assertTrue(poison.getMessage().contains("at planId"), poison.getMessage());
    }
}
