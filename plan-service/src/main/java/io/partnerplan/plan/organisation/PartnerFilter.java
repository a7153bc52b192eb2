package io.partnerplan.plan.organisation;

import java.util.Locale;
import java.util.UUID;

import io.partnerplan.platform.problem.ProblemException;

/**
 * The organisation list's partner-programme filters: {@code programmeId}, {@code tier}, {@code region}
 * and {@code partnerType}, each an exact match on the partner's profile (regions as the vendor spells
 * them). Any of them leaves out the organisations without a matching profile, the vendor included.
 */
public record PartnerFilter(UUID programmeId, String tier, String region, PartnerType partnerType) {

    public static final PartnerFilter NONE = new PartnerFilter(null, null, null, null);

    /** Parses the query parameters with a 400 naming the parameter. */
    public static PartnerFilter of(String programmeId, String tier, String region, String partnerType) {
        UUID programme = null;
        if (programmeId != null && !programmeId.isBlank()) {
            try {
                programme = UUID.fromString(programmeId.strip());
            } catch (IllegalArgumentException e) {
                throw ProblemException.badRequest("programmeId", "must be a UUID");
            }
        }
        PartnerType type = null;
        if (partnerType != null && !partnerType.isBlank()) {
            try {
                type = PartnerType.valueOf(partnerType.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw ProblemException.badRequest("partnerType", "must be one of " + java.util.Arrays.toString(PartnerType.values()));
            }
        }
        if (tier != null && tier.length() > 40) {
            throw ProblemException.badRequest("tier", "must be at most 40 characters");
        }
        if (region != null && region.length() > 100) {
            throw ProblemException.badRequest("region", "must be at most 100 characters");
        }
        return new PartnerFilter(programme, blankToNull(tier), blankToNull(region), type);
    }

    public boolean any() {
        return programmeId != null || tier != null || region != null || partnerType != null;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
