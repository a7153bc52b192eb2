package io.partnerplan.platform.events;

import java.util.Objects;

/**
 * One event type a service publishes: its short name ({@code milestone.achieved}), the kind of
 * aggregate its key and subject name ({@code plan}, {@code mop}, ...), and the record its data is.
 * Each service declares its types as constants beside the feature that publishes them
 * ({@code MilestoneEvents.ACHIEVED}) and hands them to {@link Outbox#publish(EventType, Object, Object)},
 * so a name or an aggregate is written once. The service's {@code EventTypesTest}
 * (platform/testing {@code EventDefinitions}) checks every declared type against
 * docs/events/contracts.yaml: the name has a contract, the data record has exactly the contract's
 * properties, and every type the catalogue puts on the service's topic is declared.
 *
 * @param <T> the data record
 */
public record EventType<T>(String name, String aggregate, Class<T> data) {

    public EventType {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(aggregate, "aggregate");
        Objects.requireNonNull(data, "data");
    }

    public static <T> EventType<T> of(String name, String aggregate, Class<T> data) {
        return new EventType<>(name, aggregate, data);
    }

    @Override
    public String toString() {
        return name;
    }
}
