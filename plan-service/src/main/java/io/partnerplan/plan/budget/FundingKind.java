package io.partnerplan.plan.budget;

/** Market development funds (the vendor's money for the partner's marketing) or a joint co-investment. */
public enum FundingKind {
    MDF, CO_INVESTMENT
}
