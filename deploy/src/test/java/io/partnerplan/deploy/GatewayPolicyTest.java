package io.partnerplan.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Issue 19 items 3 and 9 at the Kubernetes gateway: every API route is rate limited per subject,
 * per tenant, per client and for bulk uploads and SSE streams, keyed on headers only the verified
 * token sets; the gateway's own errors (429 with Retry-After among them) are problems; request ids
 * are the gateway's; nosniff and no-store on every answer, HSTS in production.
 */
class GatewayPolicyTest {

    static final List<String> OVERLAYS = Repo.OVERLAYS;

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void everyApiRouteIsRateLimitedByVerifiedClaims(String overlay) {
        List<JsonNode> objects = Rendered.overlay(overlay);
        Set<String> apiRoutes = new TreeSet<>();
        for (JsonNode route : Rendered.ofKind(objects, "HTTPRoute")) {
            if ("api".equals(route.at("/metadata/labels/partnerplan.io~1route").asText())) {
                apiRoutes.add(Rendered.name(route));
            }
        }
        JsonNode policy = Rendered.named(objects, "BackendTrafficPolicy", "partnerplan-api").orElseThrow();
        Set<String> targets = new TreeSet<>();
        policy.at("/spec/targetRefs").forEach(t -> targets.add(t.path("name").asText()));
        assertEquals(apiRoutes, targets, "the rate limits cover exactly the API routes");

        List<String> keys = new ArrayList<>();
        for (JsonNode rule : policy.at("/spec/rateLimit/global/rules")) {
            StringBuilder key = new StringBuilder();
            for (JsonNode selector : rule.path("clientSelectors")) {
                selector.path("headers").forEach(h -> key.append(h.path("name").asText()).append(':').append(h.path("type").asText()).append(' '));
                if (selector.has("sourceCIDR")) {
                    key.append("source:").append(selector.at("/sourceCIDR/type").asText()).append(' ');
                }
                if (selector.has("path")) {
                    key.append("path=").append(selector.at("/path/value").asText()).append(' ');
                }
            }
            assertTrue(rule.at("/limit/requests").asLong() > 0, "a limit: " + rule);
            keys.add(key.toString().trim());
        }
        assertEquals(List.of(
                "X-PartnerPlan-Tenant:Distinct X-PartnerPlan-Subject:Distinct",
                "X-PartnerPlan-Tenant:Distinct",
                "source:Distinct",
                "X-PartnerPlan-Tenant:Distinct X-PartnerPlan-Subject:Distinct path=.*/bulk",
                "X-PartnerPlan-Tenant:Distinct X-PartnerPlan-Subject:Distinct path=/api/v1/notifications/stream"), keys);

        // Only the verified token sets the key headers: a client's own are removed first.
        JsonNode client = Rendered.named(objects, "ClientTrafficPolicy", "partnerplan").orElseThrow();
        Set<String> removed = new TreeSet<>();
        client.at("/spec/headers/earlyRequestHeaders/remove").forEach(h -> removed.add(h.asText()));
        assertEquals(Set.of("X-PartnerPlan-Subject", "X-PartnerPlan-Tenant"), removed);
        JsonNode jwt = Rendered.named(objects, "SecurityPolicy", "partnerplan-jwt").orElseThrow();
        Set<String> fromClaims = new TreeSet<>();
        jwt.at("/spec/jwt/providers/0/claimToHeaders").forEach(c -> fromClaims.add(c.path("claim").asText() + "->" + c.path("header").asText()));
        assertEquals(Set.of("sub->X-PartnerPlan-Subject", "tenant->X-PartnerPlan-Tenant"), fromClaims);
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void theGatewaysOwnErrorsAreProblemsAndCarryItsRequestId(String overlay) throws IOException {
        List<JsonNode> objects = Rendered.overlay(overlay);
        JsonNode policy = Rendered.named(objects, "BackendTrafficPolicy", "partnerplan-api").orElseThrow();
        Set<Integer> covered = new TreeSet<>();
        for (JsonNode override : policy.at("/spec/responseOverride")) {
            assertEquals("Local", override.path("source").asText(), "never a service's own answer: " + override);
            int status = override.at("/match/statusCodes/0/value").asInt();
            covered.add(status);
            assertEquals("application/problem+json", override.at("/response/contentType").asText());
            String body = override.at("/response/body/inline").asText().replace("%REQ(X-REQUEST-ID)%", "id");
            JsonNode problem = new ObjectMapper().readTree(body);
            assertEquals(status, problem.path("status").asInt(), body);
            if (status == 429) {
                assertEquals("Retry-After", override.at("/response/header/set/0/name").asText());
            }
        }
        assertTrue(covered.containsAll(Set.of(400, 401, 404, 413, 414, 429, 431, 500, 502, 503, 504)), "covered: " + covered);
        JsonNode client = Rendered.named(objects, "ClientTrafficPolicy", "partnerplan").orElseThrow();
        assertEquals("Generate", client.at("/spec/headers/requestID").asText(), "a client's X-Request-Id never reaches a body");
        String late = client.at("/spec/headers/lateResponseHeaders").toString();
        assertTrue(late.contains("nosniff") && late.contains("no-store"), late);
        assertEquals(overlay.equals("prod"), late.contains("Strict-Transport-Security"), "HSTS in production only: " + late);
    }

    @Test
    void theDevGatewayVerifiesTokensWithTheRepositorysDevKey() throws Exception {
        JsonNode jwt = Rendered.named(Rendered.overlay("dev"), "SecurityPolicy", "partnerplan-jwt").orElseThrow();
        JsonNode jwks = new ObjectMapper().readTree(jwt.at("/spec/jwt/providers/0/localJWKS/inline").asText());
        String pem = Files.readString(Repo.root().resolve("platform/testing/src/main/resources/devkeys/public.pem"))
                .replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        RSAPublicKey key = (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(pem)));
        Base64.Decoder url = Base64.getUrlDecoder();
        assertEquals(key.getModulus(), new BigInteger(1, url.decode(jwks.at("/keys/0/n").asText())));
        assertEquals(key.getPublicExponent(), new BigInteger(1, url.decode(jwks.at("/keys/0/e").asText())));
        assertEquals("https://partnerplan.dev/issuer", jwt.at("/spec/jwt/providers/0/issuer").asText());
    }
}
