package io.partnerplan.plan.organisation;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Organisation")
public record OrganisationView(UUID id, String name, OrganisationKind kind, String timeZone, Instant createdAt, long version) {

    static OrganisationView of(Organisation o) {
        return new OrganisationView(o.id, o.name, o.kind, o.timeZone, o.createdAt, o.version);
    }
}
