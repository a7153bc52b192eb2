package io.partnerplan.notification;

import org.junit.jupiter.api.Test;

import io.partnerplan.platform.testing.EventDefinitions;

/**
 * Every event notification-service publishes is declared once as an {@code EventType} and matches its contract
 * (docs/events/contracts.yaml): name, topic and the data record's properties.
 */
class EventTypesTest {

    @Test
    void everyPublishedEventTypeMatchesItsContract() {
        EventDefinitions.assertMatchContracts("io.partnerplan.notification", "notification");
    }
}
