package io.partnerplan.plan.organisation;

import io.partnerplan.platform.events.EventType;

/** The events of an organisation, keyed by the organisation (docs/events/README.md). */
public final class OrganisationEvents {

    public static final EventType<OrganisationView> CREATED = EventType.of("organisation.created", "organisation", OrganisationView.class);
    public static final EventType<OrganisationView> UPDATED = EventType.of("organisation.updated", "organisation", OrganisationView.class);

    private OrganisationEvents() {
    }
}
