package io.partnerplan.platform.security;

/** Role names carried in the token's {@code groups} claim; the same words as docs/domain.md. */
public final class Roles {

    public static final String VENDOR_MANAGER = "vendor-manager";
    public static final String PARTNER_OWNER = "partner-owner";
    public static final String CONTRIBUTOR = "contributor";
    public static final String VIEWER = "viewer";
    public static final String EXECUTIVE_SPONSOR = "executive-sponsor";
    /** Administers the tenant: organisations, calendars, routing rules. */
    public static final String TENANT_ADMIN = "tenant-admin";
    /** A PRM/CRM machine client (client-credentials token). */
    public static final String INTEGRATION = "integration";

    private Roles() {
    }
}
