package io.partnerplan.kpi.scorecard;

import java.time.LocalDate;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import io.partnerplan.kpi.attainment.Rag;

/** One plan and KPI of the vendor's portfolio, as of the plan's last scorecard change. */
@Schema(name = "PortfolioRow")
@JsonPropertyOrder({ "partnerName", "partnerOrganisationId", "planId", "planTitle", "kpi", "name", "unit", "currency", "period",
        "periodStart", "periodEnd", "target", "actual", "attainment", "forecast", "rag", "trend", "asOf" })
public record PortfolioRow(String partnerName, UUID partnerOrganisationId, UUID planId, String planTitle, String kpi,
                           String name, String unit, String currency, String period, LocalDate periodStart,
                           LocalDate periodEnd, String target, String actual,
                           @Schema(description = "Percent of the period's target reached so far") String attainment,
                           String forecast, Rag rag, String trend,
                           @Schema(description = "The day the row was computed: the plan's last change of measurements, targets or periods") LocalDate asOf) {

    /**
     * The row as a spreadsheet should read it: text people typed (partner name, plan title, KPI
     * name) that starts like a formula is prefixed with ' so that opening the CSV runs nothing.
     */
    PortfolioRow forSpreadsheet() {
        return new PortfolioRow(text(partnerName), partnerOrganisationId, planId, text(planTitle), kpi, text(name), unit,
                currency, text(period), periodStart, periodEnd, target, actual, attainment, forecast, rag, trend, asOf);
    }

    static String text(String value) {
        return value != null && !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
    }
}
