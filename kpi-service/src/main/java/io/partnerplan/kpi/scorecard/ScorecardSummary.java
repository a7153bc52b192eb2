package io.partnerplan.kpi.scorecard;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.partnerplan.kpi.attainment.Rag;

/** Data of {@code kpi.scorecard.changed}: each KPI of the plan in the period the day falls in. */
@Schema(name = "ScorecardSummary", description = "A plan's KPIs in their current period, as of a day (data of kpi.scorecard.changed)")
public record ScorecardSummary(UUID planId, LocalDate asOf, Instant computedAt, List<KpiSummary> kpis) {

    @Schema(name = "ScorecardSummaryKpi")
    public record KpiSummary(String kpi, String name, String unit, String currency,
                             @Schema(description = "The period the day falls in (before the first: the first; after the last: the last)")
                             String period, LocalDate periodStart, LocalDate periodEnd, String target, String actual,
                             @Schema(description = "Percent of the period's target reached so far") String attainment,
                             @Schema(description = "Run-rate forecast to the period's end") String forecast, Rag rag,
                             @Schema(description = "UP, DOWN or FLAT against the period before") String trend,
                             @Schema(description = "The most recent period that ended before the day (null when none has): "
                                     + "just after a quarter closes, the summary's period is the new one, and this is the quarter "
                                     + "just closed, with its final figures")
                             ClosedPeriod lastClosedPeriod) {
    }

    /** A period over before the summary's day, judged on its actual (as a scorecard judges a closed period). */
    @Schema(name = "ScorecardSummaryClosedPeriod", description = "A period over before the summary's day, judged on its actual")
    public record ClosedPeriod(String period, LocalDate periodStart, LocalDate periodEnd,
                               @Schema(description = "The target in force when the period ended: an amendment accepted "
                                       + "later changes the plan's targets, not what this period was held to") String target,
                               String actual,
                               @Schema(description = "Percent of the period's target reached") String attainment,
                               @Schema(description = "From the attainment") Rag rag) {
    }
}
