package io.partnerplan.calendar.events;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.partnerplan.calendar.TestOrganisations;
import io.partnerplan.platform.persistence.Ids;
import io.partnerplan.platform.testing.KafkaProbe;
import io.quarkus.arc.Arc;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Most of the plan topic (every drafted plan's plan.created and member.added) changes nothing in the calendar:
 * such events are read, checked and passed without a database transaction, while the events the calendar uses
 * behind them on the same partition are still applied, once, in order; a malformed one of any type is still
 * dead-lettered with its reason.
 */
@QuarkusTest
class UnusedEventsTest {

    private final String tenant = "t-" + UUID.randomUUID().toString().substring(0, 8);

    @Test
    void anEventTheCalendarDoesNotUseIsPassedWithoutARowAndWhatFollowsIsApplied() throws Exception {
        UUID organisation = Ids.next();
        String unused = Ids.next().toString();
        // Same key as the announcement after it: same partition, consumed before it.
        // (Unchecked: its data is never read here.)
        KafkaProbe.sendUnchecked(TestOrganisations.PLAN_TOPIC, organisation.toString(), """
                {"planId":"%s","organisationId":"%s","addedAt":"%s"}""".formatted(Ids.next(), organisation, Instant.now()),
                KafkaProbe.cloudEventHeaders(unused, "io.partnerplan.member.added.v1", organisation.toString(), tenant));
        String used = TestOrganisations.announce(tenant, organisation, "organisation.created", "PARTNER", 0);

        await().atMost(Duration.ofSeconds(30)).until(() -> TestOrganisations.isKnown(tenant, organisation));
        assertTrue(processed(used), "the organisation's announcement is recorded as processed");
        assertFalse(processed(unused), "member.added changes nothing here and leaves no processed_event row");
    }

    @Test
    void aMalformedEventOfATypeTheCalendarDoesNotUseIsStillDeadLettered() {
        String eventId = Ids.next().toString();
        KafkaProbe.sendUnchecked(TestOrganisations.PLAN_TOPIC, eventId, "{not json",
                KafkaProbe.cloudEventHeaders(eventId, "io.partnerplan.member.added.v1", eventId, tenant));
        ConsumerRecord<String, String> parked = KafkaProbe.awaitRecord(TestOrganisations.PLAN_TOPIC + ".calendar.dlq",
                Duration.ofSeconds(60), r -> eventId.equals(KafkaProbe.header(r, "ce_id")));
        String reason = KafkaProbe.header(parked, "dead-letter-reason");
        assertTrue(reason != null && reason.contains("not JSON"), reason);
    }

    private static boolean processed(String eventId) throws Exception {
        try (Connection c = Arc.container().instance(AgroalDataSource.class).get().getConnection();
             PreparedStatement q = c.prepareStatement("select 1 from processed_event where consumer = 'calendar.plan-events' and event_id = ?")) {
            q.setString(1, eventId);
            try (ResultSet rs = q.executeQuery()) {
                return rs.next();
            }
        }
    }
}
