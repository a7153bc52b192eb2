package io.partnerplan.plan.programme;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Programme")
public record ProgrammeView(UUID id, String name, String description,
                            @Schema(description = "From the entry tier (rank 1) up") List<TierView> tiers,
                            String createdBy, Instant createdAt, Instant updatedAt, long version) {

    @Schema(name = "Tier")
    public record TierView(@Schema(description = "1 for the entry tier, then up") int rank, String code, String name,
                           List<Tier.Requirement> requirements, Tier.Benefits benefits) {
    }

    static ProgrammeView of(Programme p) {
        List<TierView> tiers = new ArrayList<>();
        for (int i = 0; i < p.tiers.tiers().size(); i++) {
            Tier t = p.tiers.tiers().get(i);
            tiers.add(new TierView(i + 1, t.code(), t.name(), t.requirements() == null ? List.of() : t.requirements(), t.benefits()));
        }
        return new ProgrammeView(p.id, p.name, p.description, tiers, p.createdBy, p.createdAt, p.updatedAt, p.version);
    }
}
