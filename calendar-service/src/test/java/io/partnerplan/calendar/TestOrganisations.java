package io.partnerplan.calendar;

import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import io.agroal.api.AgroalDataSource;
import io.partnerplan.platform.persistence.Ids;
import io.partnerplan.platform.testing.KafkaProbe;
import io.quarkus.arc.Arc;

/**
 * Organisations as plan-service announces them: calendar-service answers only for organisations it
 * learnt from {@code organisation.created}, so a test sets its organisations up the same way.
 */
public final class TestOrganisations {

    public static final String PLAN_TOPIC = "partnerplan.plan.events.v1";

    private TestOrganisations() {
    }

    /** A new organisation of {@code tenant}, announced and already learnt by the calendar. */
    public static UUID known(String tenant, String kind) {
        UUID organisation = announce(tenant, kind);
        await().atMost(Duration.ofSeconds(30)).until(() -> isKnown(tenant, organisation));
        return organisation;
    }

    /** Announces a new organisation of {@code tenant} (a time-ordered id, as plan-service mints) without waiting. */
    public static UUID announce(String tenant, String kind) {
        UUID organisation = Ids.next();
        announce(tenant, organisation, "organisation.created", kind, 0);
        return organisation;
    }

    /** @return the event's id */
    public static String announce(String tenant, UUID organisation, String type, String kind, long version) {
        String eventId = Ids.next().toString();
        String data = """
                {"id":"%s","name":"Org %s","kind":"%s","timeZone":"UTC","externalIds":[],"createdAt":"%s","version":%d}"""
                .formatted(organisation, organisation.toString().substring(0, 8), kind, Instant.now(), version);
        KafkaProbe.send(PLAN_TOPIC, organisation.toString(), data, KafkaProbe.cloudEventHeaders(eventId,
                "io.partnerplan." + type + ".v1", organisation.toString(), tenant));
        return eventId;
    }

    /** A person of {@code organisation} as plan-service's directory announces them (person.upserted), already learnt. */
    public static void person(String tenant, UUID organisation, String subject) {
        UUID id = Ids.next();
        String data = """
                {"id":"%s","subject":"%s","organisationId":"%s","displayName":"%s","email":null,"locale":null,"timeZone":null,
                 "externalSystem":null,"externalId":null,"updatedAt":"%s","version":0}"""
                .formatted(id, subject, organisation, subject, Instant.now());
        KafkaProbe.send(PLAN_TOPIC, id.toString(), data, KafkaProbe.cloudEventHeaders(Ids.next().toString(),
                "io.partnerplan.person.upserted.v1", id.toString(), tenant));
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            try (Connection c = Arc.container().instance(AgroalDataSource.class).get().getConnection();
                 PreparedStatement q = c.prepareStatement("select 1 from known_person where tenant_id = ? and subject = ?")) {
                q.setString(1, tenant);
                q.setString(2, subject);
                try (ResultSet rs = q.executeQuery()) {
                    return rs.next();
                }
            }
        });
    }

    public static boolean isKnownSafely(String tenant, UUID organisation) {
        try {
            return isKnown(tenant, organisation);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public static boolean isKnown(String tenant, UUID organisation) throws SQLException {
        try (Connection c = Arc.container().instance(AgroalDataSource.class).get().getConnection();
             PreparedStatement q = c.prepareStatement(
                     "select 1 from known_organisation where tenant_id = ? and organisation_id = ?")) {
            q.setString(1, tenant);
            q.setObject(2, organisation);
            try (ResultSet rs = q.executeQuery()) {
                return rs.next();
            }
        }
    }
}
