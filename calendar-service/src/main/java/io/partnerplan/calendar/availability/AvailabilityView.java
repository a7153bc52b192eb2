package io.partnerplan.calendar.availability;

import java.time.LocalDate;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The REST answer and the data of availability.changed; the ETag carries {@code version} too. */
@Schema(name = "Availability")
public record AvailabilityView(UUID availabilityId, UUID organisationId, String subject, String delegateSubject,
                               LocalDate startsOn, LocalDate endsOn, String note, AvailabilityStatus status, long version) {

    public static AvailabilityView of(Availability a) {
        return new AvailabilityView(a.id, a.organisationId, a.subject, a.delegateSubject, a.startsOn, a.endsOn, a.note,
                a.status, a.version);
    }
}
