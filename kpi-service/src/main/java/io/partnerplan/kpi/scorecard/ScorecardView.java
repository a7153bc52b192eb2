package io.partnerplan.kpi.scorecard;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.partnerplan.kpi.attainment.Rag;
import io.partnerplan.kpi.criterion.CriterionView;
import io.partnerplan.kpi.period.PlanPeriod;

@Schema(name = "Scorecard", description = "A plan's KPIs against their targets, as of a day")
public record ScorecardView(UUID planId, LocalDate asOf, List<PlanPeriod> periods, List<KpiScore> kpis,
                            List<CriterionView> criteria) {

    @Schema(name = "KpiScore")
    public record KpiScore(String kpi, String name, String unit, String currency, String direction, String aggregation,
                           @Schema(description = "Set for a derived KPI: its values are the formula over its inputs' values per window") String formula,
                           String greenAt, String amberAt, List<PeriodScore> periods, ToDate toDate,
                           @Schema(description = "The current period's RAG (forecast-based), else the last closed one's") Rag rag,
                           @Schema(description = "UP, DOWN or FLAT: the latest period's attainment against the one before; null with fewer than two") String trend,
                           @Schema(description = "Values per month (default), week or day (see the series parameter), with the running total for sums: ready for a chart") List<Point> series) {
    }

    @Schema(name = "PeriodScore")
    public record PeriodScore(String label, LocalDate start, LocalDate end,
                              @Schema(description = "CLOSED, CURRENT or UPCOMING as of the scorecard's day") String status,
                              String target, String actual,
                              @Schema(description = "Percent of target reached so far") String attainment,
                              @Schema(description = "Run-rate forecast to the period's end (sums); the actual for levels") String forecast,
                              String forecastAttainment,
                              @Schema(description = "From attainment when closed, from the forecast while current") Rag rag) {
    }

    @Schema(name = "ToDate", description = "From the first period's start to the scorecard's day; the current period's target prorated for sums")
    public record ToDate(String target, String actual, String attainment, Rag rag) {
    }

    @Schema(name = "SeriesPoint")
    public record Point(LocalDate on, String value, String cumulative) {
    }
}
