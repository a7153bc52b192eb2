package io.partnerplan.platform.security;

import java.io.IOException;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.partnerplan.platform.problem.InvalidTokenClaim;
import io.partnerplan.platform.validation.ControlCharacters;

/**
 * The claims PartnerPlan reads from a verified bearer token, read once from its payload and checked
 * for their types: {@code sub} a non-blank string, {@code tenant} a string, {@code org} a UUID string,
 * {@code groups} an array of strings (never a space-separated string), the profile and client claims
 * strings; no string anywhere in the claims carries a control character. A token breaking one of these
 * rules is refused as a whole ({@link InvalidTokenClaim}, 401 naming the claim).
 *
 * <p>Reading the payload here also spares smallrye-jwt's {@code getClaim} for custom claims, which
 * looks the name up in the standard claims enum and throws (and catches) an exception each time.
 */
public record TokenClaims(String subject, String tenant, UUID organisation, Set<String> groups, Map<String, String> strings) {

    /** Claims that, when present, must be strings (the identity provider's profile and client claims). */
    static final Set<String> STRING_CLAIMS = Set.of("sub", Caller.TENANT_CLAIM, Caller.ORGANISATION_CLAIM, "email", "name",
            "locale", "zoneinfo", "azp", "client_id", "upn", "preferred_username", "iss", "jti", "scope");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The claims of a compact JWS whose signature and times the JWT layer has already verified. */
    public static TokenClaims of(String rawToken) {
        JsonNode payload = payload(rawToken);
        Map<String, String> strings = new HashMap<>();
        for (String name : STRING_CLAIMS) {
            JsonNode value = payload.get(name);
            if (value == null || value.isNull()) {
                continue;
            }
            if (!value.isTextual()) {
                throw new InvalidTokenClaim(name, "must be a string");
            }
            strings.put(name, value.textValue());
        }
        checkStrings(payload, "");
        String subject = strings.get("sub");
        if (subject == null || subject.isBlank()) {
            throw new InvalidTokenClaim("sub", "is required");
        }
        String tenant = strings.get(Caller.TENANT_CLAIM);
        UUID organisation = null;
        String org = strings.get(Caller.ORGANISATION_CLAIM);
        if (org != null && !org.isBlank()) {
            try {
                organisation = UUID.fromString(org);
            } catch (IllegalArgumentException e) {
                throw new InvalidTokenClaim(Caller.ORGANISATION_CLAIM, "must be an organisation id (UUID)");
            }
        }
        Set<String> groups = new LinkedHashSet<>();
        JsonNode roles = payload.get("groups");
        if (roles != null && !roles.isNull()) {
            if (!roles.isArray()) {
                throw new InvalidTokenClaim("groups", "must be an array of role names");
            }
            for (JsonNode role : roles) {
                if (!role.isTextual()) {
                    throw new InvalidTokenClaim("groups", "must be an array of role names");
                }
                groups.add(role.textValue());
            }
        }
        return new TokenClaims(subject, tenant == null || tenant.isBlank() ? null : tenant, organisation, Set.copyOf(groups),
                Map.copyOf(strings));
    }

    public Optional<String> string(String claim) {
        return Optional.ofNullable(strings.get(claim));
    }

    private static JsonNode payload(String rawToken) {
        String[] parts = rawToken == null ? new String[0] : rawToken.split("\\.", -1);
        if (parts.length < 2) {
            throw new InvalidTokenClaim("token", "is not a compact JWT");
        }
        try {
            JsonNode payload = JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
            if (payload == null || !payload.isObject()) {
                throw new InvalidTokenClaim("token", "has no claims object");
            }
            return payload;
        } catch (IOException | IllegalArgumentException e) {
            throw new InvalidTokenClaim("token", "has an unreadable payload");
        }
    }

    private static void checkStrings(JsonNode node, String path) {
        if (node.isTextual()) {
            if (ControlCharacters.in(node.textValue())) {
                throw new InvalidTokenClaim(path, "must not contain control characters");
            }
        } else if (node.isObject()) {
            node.properties().forEach(e -> checkStrings(e.getValue(), path.isEmpty() ? e.getKey() : path + "." + e.getKey()));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                checkStrings(node.get(i), path + "[" + i + "]");
            }
        }
    }
}
