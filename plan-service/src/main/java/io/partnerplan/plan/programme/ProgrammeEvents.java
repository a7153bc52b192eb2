package io.partnerplan.plan.programme;

import io.partnerplan.platform.events.EventType;

/** The events of a partner programme, keyed by the programme (docs/events/README.md). */
public final class ProgrammeEvents {

    public static final EventType<ProgrammeView> CREATED = EventType.of("programme.created", "programme", ProgrammeView.class);
    public static final EventType<ProgrammeView> UPDATED = EventType.of("programme.updated", "programme", ProgrammeView.class);
    public static final EventType<ProgrammeView> DELETED = EventType.of("programme.deleted", "programme", ProgrammeView.class);

    private ProgrammeEvents() {
    }
}
