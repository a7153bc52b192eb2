package io.partnerplan.platform.security;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.RequestScoped;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.partnerplan.platform.problem.ProblemException;

/**
 * Who is calling, from the verified bearer token: subject, tenant, organisation, roles, as checked by
 * {@link TokenClaims} during authentication. Event consumers and scheduled jobs have no token; they act
 * for the tenant named by the event via {@link #actAsTenant}.
 */
@RequestScoped
public class Caller {

    public static final String TENANT_CLAIM = "tenant";
    public static final String ORGANISATION_CLAIM = "org";
    /** Matches no row: what a query sees when no tenant is known, so nothing leaks by accident. */
    public static final String NO_TENANT = "-";
    /** Who acts when no token does: event consumers and scheduled jobs. */
    public static final String SYSTEM = "system";

    private final JsonWebToken token;
    private String actingTenant;
    /* The token's claims, read once per request from its payload (see TokenClaims). */
    private TokenClaims claims;

    public Caller(JsonWebToken token) {
        this.token = token;
    }

    public Optional<String> tenant() {
        if (actingTenant != null) {
            return Optional.of(actingTenant);
        }
        return claims().map(TokenClaims::tenant);
    }

    /** The tenant, or 403 when an authenticated token does not carry one. */
    public String requireTenant() {
        return tenant().orElseThrow(() -> ProblemException.forbidden("The token carries no tenant claim"));
    }

    public Optional<UUID> organisation() {
        return claims().map(TokenClaims::organisation);
    }

    public UUID requireOrganisation() {
        return organisation().orElseThrow(() -> ProblemException.forbidden("The token carries no organisation claim"));
    }

    /** The token's {@code sub} (required by {@link TokenClaims}); {@value #SYSTEM} without a token. */
    public String subject() {
        return claims().map(TokenClaims::subject).orElse(SYSTEM);
    }

    public Set<String> roles() {
        return claims().map(TokenClaims::groups).orElse(Set.of());
    }

    public boolean hasRole(String role) {
        return roles().contains(role);
    }

    /**
     * The integration client calling (a PRM/CRM machine client: role {@value Roles#INTEGRATION}), by its
     * client id: the {@code azp} claim, else {@code client_id}, else (identity providers whose
     * client-credentials tokens carry neither) {@code sub}. Empty for a person and without a token. What
     * an integration writes is attributed to this id, never to a name the request body gives.
     */
    public Optional<String> integrationClient() {
        if (!hasRole(Roles.INTEGRATION)) {
            return Optional.empty();
        }
        return claim("azp").filter(id -> !id.isBlank())
                .or(() -> claim("client_id").filter(id -> !id.isBlank()))
                .or(() -> Optional.of(subject()));
    }

    /** A string claim of the token (checked for its type and control characters), e.g. {@code azp} or {@code email}. */
    public Optional<String> claim(String name) {
        return claims().flatMap(c -> c.string(name));
    }

    private Optional<TokenClaims> claims() {
        if (claims == null) {
            String raw = token == null ? null : token.getRawToken();
            if (raw == null) {
                // No verified token (yet): authentication is lazy, so nothing is remembered.
                return Optional.empty();
            }
            claims = TokenClaims.of(raw);
        }
        return Optional.of(claims);
    }

    /** For consumers and jobs: every query in this request context is scoped to {@code tenant}. */
    public void actAsTenant(String tenant) {
        this.actingTenant = tenant;
    }
}
