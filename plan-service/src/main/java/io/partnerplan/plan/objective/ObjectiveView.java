package io.partnerplan.plan.objective;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Objective")
public record ObjectiveView(UUID id, UUID planId, String title, String description, List<Objective.Measure> measures,
                            LocalDate periodStart, LocalDate periodEnd, long version) {

    static ObjectiveView of(Objective o) {
        return new ObjectiveView(o.id, o.planId, o.title, o.description, o.measures, o.periodStart, o.periodEnd, o.version);
    }

    /** Targets as plain decimals, so 500000 and 500000.00 are the same target (and no diff). */
    static String plain(String decimal) {
        return new BigDecimal(decimal).stripTrailingZeros().toPlainString();
    }
}
