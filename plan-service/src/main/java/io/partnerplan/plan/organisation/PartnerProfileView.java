package io.partnerplan.plan.organisation;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A partner's profile in the vendor's programme. */
@Schema(name = "PartnerProfile")
public record PartnerProfileView(
        @Schema(description = "The programme the partner is enrolled in; absent when none") UUID programmeId,
        @Schema(description = "The code of the tier it holds; absent when none") String tier,
        @Schema(description = "Since when it holds that tier (the day it was set to it)") LocalDate tierSince,
        PartnerType partnerType,
        List<String> regions, List<String> segments, List<String> specialisations,
        List<Certification> certifications,
        Integer headcount) {

    static PartnerProfileView of(PartnerProfile p) {
        return new PartnerProfileView(p.programmeId, p.tier, p.tierSince, p.partnerType, List.copyOf(p.regions),
                List.copyOf(p.segments), List.copyOf(p.specialisations), List.copyOf(p.certifications), p.headcount);
    }
}
