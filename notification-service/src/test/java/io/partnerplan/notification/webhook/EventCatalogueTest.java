package io.partnerplan.notification.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import io.partnerplan.platform.testing.Repository;

/**
 * A CRM can subscribe its webhook to every event type the other services publish (one JSON Schema
 * each under docs/events/schemas), and to nothing else: a new event type breaks this test until it
 * is subscribable, instead of being refused as "unknown" by the subscription endpoint.
 */
class EventCatalogueTest {

    @Test
    void everyPublishedEventTypeOfTheOtherServicesIsSubscribable() throws IOException {
        Set<String> published;
        try (Stream<Path> schemas = Files.list(Repository.root().resolve("docs/events/schemas"))) {
            published = schemas.map(p -> p.getFileName().toString().replaceFirst("\\.json$", ""))
                    .filter(type -> !type.startsWith("notification."))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
        assertEquals(published, EventCatalogue.SUBSCRIBABLE);
    }
}
