package io.partnerplan.kpi.deal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Deal")
public record DealView(UUID id, UUID partnerOrganisationId,
                       @Schema(description = "Who wrote it: the integration client's id, or MANUAL for a person") String source,
                       @Schema(description = "The writer's organisation") UUID organisationId,
                       String externalId, String account,
                       @Schema(description = "A decimal string") String amount, String currency, DealStage stage,
                       LocalDate registeredOn, LocalDate expectedCloseOn, LocalDate actualCloseOn, List<String> products,
                       String updatedBy, Instant createdAt, Instant updatedAt, long version,
                       @Schema(description = "On a write: created, updated or unchanged") String outcome) {

    static DealView of(Deal d, String outcome) {
        return new DealView(d.id, d.partnerOrganisationId, d.source, d.organisationId, d.externalId, d.account,
                d.amount.stripTrailingZeros().toPlainString(), d.currency, d.stage, d.registeredOn, d.expectedCloseOn,
                d.actualCloseOn, List.copyOf(d.products), d.updatedBy, d.createdAt, d.updatedAt, d.version, outcome);
    }
}
