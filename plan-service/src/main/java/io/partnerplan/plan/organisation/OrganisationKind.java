package io.partnerplan.plan.organisation;

/** The vendor runs the channel programme; partners resell, distribute or manage services for it. */
public enum OrganisationKind {
    VENDOR, PARTNER
}
