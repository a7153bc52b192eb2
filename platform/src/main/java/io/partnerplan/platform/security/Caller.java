package io.partnerplan.platform.security;

import java.io.IOException;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.RequestScoped;

import org.eclipse.microprofile.jwt.JsonWebToken;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;

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
    private static final ObjectMapper JSON = new ObjectMapper();

    private final JsonWebToken token;
    private String actingTenant;
    /* The token's custom claims, read once per request from the verified token's payload (see payload). */
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
            String raw = token == null ? null : token.getRawToken();
            // Remembered only once a verified token is there (authentication is lazy here).
            if (raw != null) {
                JsonNode claims = payload(raw);
                tenantClaim = text(claims, TENANT_CLAIM);
                organisationClaim = text(claims, ORGANISATION_CLAIM);
                claimsRead = true;
            }
        }
    }

    /**
     * The claims of the token smallrye-jwt verified (the raw token is there only then), read from its payload:
     * {@code JsonWebToken.getClaim} throws and catches an IllegalArgumentException for every custom claim
     * (it looks the name up in the standard {@code Claims} enum first), two per request for tenant and org.
     */
    private static JsonNode payload(String raw) {
        int first = raw.indexOf('.');
        int second = raw.indexOf('.', first + 1);
        if (first < 0 || second < 0) {
            return MissingNode.getInstance();
        }
        try {
            return JSON.readTree(Base64.getUrlDecoder().decode(raw.substring(first + 1, second)));
        } catch (IOException | IllegalArgumentException e) {
            return MissingNode.getInstance();
        }
    }

    private static String text(JsonNode claims, String name) {
        JsonNode value = claims.get(name);
        return value != null && value.isTextual() ? value.asText() : null;
    }

    /** For consumers and jobs: every query in this request context is scoped to {@code tenant}. */
    public void actAsTenant(String tenant) {
        this.actingTenant = tenant;
    }
}
