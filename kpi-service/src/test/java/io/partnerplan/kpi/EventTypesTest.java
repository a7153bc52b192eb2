package io.partnerplan.kpi;

import org.junit.jupiter.api.Test;

import io.partnerplan.platform.testing.EventDefinitions;

/**
 * Every event kpi-service publishes is declared once as an {@code EventType} and matches its contract
 * (docs/events/contracts.yaml): name, topic and the data record's properties.
 */
class EventTypesTest {

    @Test
    void everyPublishedEventTypeMatchesItsContract() {
        EventDefinitions.assertMatchContracts("io.partnerplan.kpi", "kpi");
    }
}
