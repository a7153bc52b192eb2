package io.partnerplan.plan.budget;

import java.math.BigDecimal;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.partnerplan.plan.plan.Side;

@Schema(name = "Budget")
public record BudgetView(UUID id, UUID planId, String title, Side fundingParty, ResourceType resourceType, FundingKind kind,
                         String currency,
                         @Schema(description = "Agreed amount, a decimal string; on an agreed plan changed by amendment only") String planned,
                         @Schema(description = "Committed so far, a decimal string; updated directly at any time") String committed,
                         @Schema(description = "Spent so far, a decimal string; updated directly at any time") String spent,
                         long version) {

    static BudgetView of(Budget b) {
        return new BudgetView(b.id, b.planId, b.title, b.fundingParty, b.resourceType, b.kind, b.currency, plain(b.planned),
                plain(b.committed), plain(b.spent), b.version);
    }

    static String plain(BigDecimal amount) {
        return amount.stripTrailingZeros().toPlainString();
    }
}
