package io.partnerplan.plan.organisation;

/** How a partner sells the vendor's offering. */
public enum PartnerType {
    /** Buys and resells licences to end customers. */
    RESELLER,
    /** Managed service provider: runs the product for its customers. */
    MSP,
    /** Systems integrator: implements and integrates the product in projects. */
    SI,
    /** Sells to resellers (two-tier distribution). */
    DISTRIBUTOR,
    /** Refers leads to the vendor for a fee; does not transact. */
    REFERRAL
}
