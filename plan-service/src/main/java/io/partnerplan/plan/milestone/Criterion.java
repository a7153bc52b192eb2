package io.partnerplan.plan.milestone;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A completion criterion as stored with its milestone (JSONB) and shown in the API. */
@Schema(name = "MilestoneCriterion")
public record Criterion(UUID id, CriterionKind kind,
                        @Schema(description = "KPI: the KPI's key in the tenant's library", example = "revenue") String kpi,
                        @Schema(description = "KPI: the value to reach (or not exceed, for lower-is-better KPIs), a decimal string", example = "200000") String threshold,
                        @Schema(description = "KPI: first day measured") LocalDate windowStart,
                        @Schema(description = "KPI: last day measured") LocalDate windowEnd,
                        @Schema(description = "CHECKLIST: the items to tick") List<Item> items,
                        CriterionState state,
                        @Schema(description = "KPI: kpi-service's last word, e.g. the forecast against the threshold") String reason) {

    @Schema(name = "ChecklistItem")
    public record Item(String text, boolean done,
                       @Schema(description = "Who ticked it (token subject); absent while not done") String doneBy,
                       @Schema(description = "When it was ticked; absent while not done") java.time.Instant doneAt) {

        public Item(String text, boolean done) {
            this(text, done, null, null);
        }
    }

    Criterion withState(CriterionState newState, String newReason) {
        return new Criterion(id, kind, kpi, threshold, windowStart, windowEnd, items, newState, newReason);
    }
}
