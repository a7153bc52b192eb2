package io.partnerplan.plan.investment;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.partnerplan.plan.plan.Side;

@Schema(name = "Investment")
public record InvestmentView(UUID id, UUID planId, UUID milestoneId, String title, String description, Side fundingParty,
                             String amount, String currency, InvestmentStatus status, Instant unlockedAt, Instant createdAt,
                             long version) {

    static InvestmentView of(Investment i) {
        return new InvestmentView(i.id, i.planId, i.milestoneId, i.title, i.description, i.fundingParty,
                i.amount.stripTrailingZeros().toPlainString(), i.currency, i.status, i.unlockedAt, i.createdAt, i.version);
    }
}
