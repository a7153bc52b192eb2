package io.partnerplan.kpi.period;

import java.time.LocalDate;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A period a plan is measured in, both days inclusive. */
@Schema(name = "PlanPeriod")
public record PlanPeriod(@Schema(example = "MOP Q1 FY27") String label, LocalDate start, LocalDate end) {

    public boolean contains(LocalDate day) {
        return !day.isBefore(start) && !day.isAfter(end);
    }
}
