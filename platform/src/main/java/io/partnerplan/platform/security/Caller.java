package io.partnerplan.platform.security;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.RequestScoped;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.partnerplan.platform.problem.ProblemException;

/**
 * Who is calling, from the verified bearer token: tenant, organisation, roles. Event consumers and
 * scheduled jobs have no token; they act for the tenant named by the event via {@link #actAsTenant}.
 */
@RequestScoped
public class Caller {

    public static final String TENANT_CLAIM = "tenant";
    public static final String ORGANISATION_CLAIM = "org";
    /** Matches no row: what a query sees when no tenant is known, so nothing leaks by accident. */
    public static final String NO_TENANT = "-";

    private final JsonWebToken token;
    private String actingTenant;
    /*
     * The token's custom claims, read once per request: smallrye-jwt looks a claim name up in the
     * standard Claims enum first and throws (and catches) an exception for every custom one, several
     * times per write otherwise.
     */
    private String tenantClaim;
    private String organisationClaim;
    private boolean claimsRead;

    public Caller(JsonWebToken token) {
        this.token = token;
    }

    public Optional<String> tenant() {
        if (actingTenant != null) {
            return Optional.of(actingTenant);
        }
        readClaims();
        String tenant = tenantClaim;
        return Optional.ofNullable(tenant).filter(t -> !t.isBlank());
    }

    /** The tenant, or 403 when an authenticated token does not carry one. */
    public String requireTenant() {
        return tenant().orElseThrow(() -> ProblemException.forbidden("The token carries no tenant claim"));
    }

    public Optional<UUID> organisation() {
        readClaims();
        String org = organisationClaim;
        if (org == null || org.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(org));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    public UUID requireOrganisation() {
        return organisation().orElseThrow(() -> ProblemException.forbidden("The token carries no organisation claim"));
    }

    public String subject() {
        return token == null || token.getSubject() == null ? "system" : token.getSubject();
    }

    public Set<String> roles() {
        return token == null || token.getGroups() == null ? Set.of() : token.getGroups();
    }

    public boolean hasRole(String role) {
        return roles().contains(role);
    }

    private void readClaims() {
        if (!claimsRead) {
            tenantClaim = token == null ? null : token.getClaim(TENANT_CLAIM);
            organisationClaim = token == null ? null : token.getClaim(ORGANISATION_CLAIM);
            // Remembered only once a verified token is there (authentication is lazy here).
            claimsRead = token != null && token.getRawToken() != null;
        }
    }

    /** For consumers and jobs: every query in this request context is scoped to {@code tenant}. */
    public void actAsTenant(String tenant) {
        this.actingTenant = tenant;
    }
}
