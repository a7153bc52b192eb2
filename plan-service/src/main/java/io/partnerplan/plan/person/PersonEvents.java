package io.partnerplan.plan.person;

import io.partnerplan.platform.events.EventType;

/** The events of an organisation's directory, keyed by the person (docs/events/README.md). */
public final class PersonEvents {

    public static final EventType<PersonView> UPSERTED = EventType.of("person.upserted", "person", PersonView.class);

    private PersonEvents() {
    }
}
