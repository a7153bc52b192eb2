package io.partnerplan.calendar.mop;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "MutualOperatingPeriod")
public record MopView(UUID id, UUID vendorOrganisationId, UUID partnerOrganisationId, MopForm form, MopStatus status,
                      LocalDate horizonStart, LocalDate horizonEnd, List<MopPeriod> periods, String proposedBy,
                      Instant proposedAt, Acceptance vendorAcceptance, Acceptance partnerAcceptance, long version) {

    @Schema(name = "MopAcceptance")
    public record Acceptance(String by, Instant at) {
    }

    static MopView of(MutualOperatingPeriod m) {
        return new MopView(m.id, m.vendorOrganisationId, m.partnerOrganisationId, m.form, m.status, m.horizonStart,
                m.horizonEnd, m.periods, m.proposedBy, m.proposedAt,
                m.vendorAcceptedBy == null ? null : new Acceptance(m.vendorAcceptedBy, m.vendorAcceptedAt),
                m.partnerAcceptedBy == null ? null : new Acceptance(m.partnerAcceptedBy, m.partnerAcceptedAt), m.version);
    }
}
