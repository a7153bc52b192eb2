package io.partnerplan.kpi.deal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * What one deal adds to its partner's pipeline KPIs, so nobody types them: {@code deals-registered} 1
 * and {@code registered-pipeline} its amount on the day it was registered (unless the vendor rejected
 * it); {@code deals-won} 1 and {@code won-revenue} its amount on the day it was won; {@code deals-lost}
 * 1 on the day it was lost. A contribution the deal no longer makes (it was won, now it is lost) is 0, so
 * the figure moves back and the previous value stays in the measurement's history.
 */
public record PipelineContribution(String kpi, BigDecimal value, boolean money, LocalDate day) {

    public static final String DEALS_REGISTERED = "deals-registered";
    public static final String REGISTERED_PIPELINE = "registered-pipeline";
    public static final String DEALS_WON = "deals-won";
    public static final String WON_REVENUE = "won-revenue";
    public static final String DEALS_LOST = "deals-lost";

    /** Every KPI a deal may contribute to, in this order. */
    public static final List<String> KPIS = List.of(DEALS_REGISTERED, REGISTERED_PIPELINE, DEALS_WON, WON_REVENUE, DEALS_LOST);

    /**
     * The deal's contributions, one per KPI of {@link #KPIS}: on the registration day for the first two, on
     * the close day (or, while open, the expected close day with 0) for the others.
     */
    public static List<PipelineContribution> of(DealStage stage, BigDecimal amount, LocalDate registeredOn, LocalDate closedOn,
                                                LocalDate expectedCloseOn) {
        boolean counted = stage != DealStage.REJECTED;
        boolean won = stage == DealStage.WON;
        boolean lost = stage == DealStage.LOST;
        LocalDate closeDay = closedOn != null ? closedOn : expectedCloseOn;
        List<PipelineContribution> out = new ArrayList<>(KPIS.size());
        out.add(new PipelineContribution(DEALS_REGISTERED, counted ? BigDecimal.ONE : BigDecimal.ZERO, false, registeredOn));
        out.add(new PipelineContribution(REGISTERED_PIPELINE, counted ? amount : BigDecimal.ZERO, true, registeredOn));
        out.add(new PipelineContribution(DEALS_WON, won ? BigDecimal.ONE : BigDecimal.ZERO, false, closeDay));
        out.add(new PipelineContribution(WON_REVENUE, won ? amount : BigDecimal.ZERO, true, closeDay));
        out.add(new PipelineContribution(DEALS_LOST, lost ? BigDecimal.ONE : BigDecimal.ZERO, false, closeDay));
        return out;
    }
}
