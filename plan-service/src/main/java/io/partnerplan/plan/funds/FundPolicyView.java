package io.partnerplan.plan.funds;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "FundPolicy")
public record FundPolicyView(UUID vendorOrganisationId,
                             @Schema(description = "Absent for the default policy (one level from 0, any currency)") String currency,
                             List<ApprovalLevel> levels, int claimWindowDays, int reminderDays,
                             @Schema(description = "Absent for the default policy") String updatedBy,
                             @Schema(description = "Absent for the default policy") Instant updatedAt, long version) {
}
