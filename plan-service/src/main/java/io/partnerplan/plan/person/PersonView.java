package io.partnerplan.plan.person;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A person of the directory; also the data of {@code person.upserted}. */
@Schema(name = "Person")
public record PersonView(UUID id, @Schema(description = "The token subject the person signs in with") String subject,
                         UUID organisationId, String displayName,
                         @Schema(description = "From the person's token or their organisation's sync; nobody else sets it") String email,
                         String locale, String timeZone,
                         @Schema(description = "Where the organisation's integration knows the person, e.g. hr:workday") String externalSystem,
                         String externalId, Instant updatedAt, long version) {

    public static PersonView of(Person p) {
        return new PersonView(p.id, p.subject, p.organisationId, p.displayName, p.email, p.locale, p.timeZone,
                p.externalSystem, p.externalId, p.updatedAt, p.version);
    }
}
