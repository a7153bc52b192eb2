package io.partnerplan.kpi.definition;

import java.util.List;

/** The usual channel KPIs every tenant starts from; currency-valued ones in the tenant's currency. */
public final class StandardKpis {

    private StandardKpis() {
    }

    public static List<KpiDefinitionRequest> inCurrency(String currency) {
        return List.of(
                new KpiDefinitionRequest("revenue", "Partner-sourced revenue", KpiUnit.CURRENCY, currency,
                        Direction.HIGHER_IS_BETTER, Aggregation.SUM),
                new KpiDefinitionRequest("pipeline", "Qualified pipeline", KpiUnit.CURRENCY, currency,
                        Direction.HIGHER_IS_BETTER, Aggregation.LAST),
                new KpiDefinitionRequest("deals-registered", "Deals registered", KpiUnit.COUNT, null,
                        Direction.HIGHER_IS_BETTER, Aggregation.SUM),
                new KpiDefinitionRequest("win-rate", "Win rate", KpiUnit.PERCENT, null,
                        Direction.HIGHER_IS_BETTER, Aggregation.AVERAGE),
                new KpiDefinitionRequest("certified-staff", "Certified staff", KpiUnit.COUNT, null,
                        Direction.HIGHER_IS_BETTER, Aggregation.LAST),
                new KpiDefinitionRequest("mdf-utilisation", "MDF utilisation", KpiUnit.PERCENT, null,
                        Direction.HIGHER_IS_BETTER, Aggregation.LAST),
                new KpiDefinitionRequest("customer-nps", "Customer NPS", KpiUnit.RATIO, null,
                        Direction.HIGHER_IS_BETTER, Aggregation.AVERAGE));
    }
}
