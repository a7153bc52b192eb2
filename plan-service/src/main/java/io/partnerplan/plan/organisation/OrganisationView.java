package io.partnerplan.plan.organisation;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Organisation")
public record OrganisationView(UUID id, String name, OrganisationKind kind, String timeZone,
                               List<ExternalRef> externalIds,
                               @Schema(description = "The partner's profile in the vendor's programme; absent for the vendor and "
                                       + "for a partner without one") PartnerProfileView partnerProfile,
                               Instant createdAt, long version) {

    static OrganisationView of(Organisation o, List<ExternalId> externalIds, PartnerProfileView profile) {
        return new OrganisationView(o.id, o.name, o.kind, o.timeZone,
                externalIds.stream().map(e -> new ExternalRef(e.system, e.externalId)).toList(), profile, o.createdAt, o.version);
    }

    /** Where the organisation is known elsewhere: {@code {"system": "crm:salesforce", "id": "0015g00000XyZ"}}. */
    @Schema(name = "ExternalRef")
    public record ExternalRef(@Schema(example = "crm:salesforce") String system, @Schema(example = "0015g00000XyZ") String id) {
    }
}
