package io.partnerplan.plan.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.partnerplan.platform.security.Roles;
import io.partnerplan.platform.testing.DevTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * Issue 19 finding 6 replayed: claims of the wrong type, a missing {@code sub}, a string
 * {@code groups}, control characters in claims, bodies and query strings, extreme dates and an old
 * token are refused with a problem (401 for the token, 400 naming the field), never a 500; finding 10:
 * a plan horizon spans at most 10 years.
 */
@QuarkusTest
class TokenAndInputRulesTest {

    private static final String PROBLEM = "application/problem+json";
    private static final String TENANT = "t-token-rules";

    private static Map<String, Object> claims(Object tenant, Object org, Object groups) {
        Map<String, Object> claims = new HashMap<>();
        claims.put("sub", "maria@contoso.example");
        claims.put("tenant", tenant);
        claims.put("org", org);
        claims.put("groups", groups);
        return claims;
    }

    private static void unauthorizedNaming(String token, String claim) {
        given().auth().oauth2(token).get("/api/v1/plans")
                .then().statusCode(401).contentType(PROBLEM)
                .body("status", equalTo(401))
                .body("detail", containsString("claim " + claim));
    }

    @Test
    void claimsOfTheWrongTypeAre401() {
        String org = UUID.randomUUID().toString();
        List<String> vm = List.of(Roles.VENDOR_MANAGER);
        unauthorizedNaming(DevTokens.withClaims(claims(42, org, vm)), "tenant");
        unauthorizedNaming(DevTokens.withClaims(claims(List.of(TENANT, "other"), org, vm)), "tenant");
        unauthorizedNaming(DevTokens.withClaims(claims(TENANT, 7, vm)), "org");
        unauthorizedNaming(DevTokens.withClaims(claims(TENANT, List.of(org), vm)), "org");
        unauthorizedNaming(DevTokens.withClaims(claims(TENANT, "not-a-uuid", vm)), "org");
        // A space-separated string is not split into roles.
        unauthorizedNaming(DevTokens.withClaims(claims(TENANT, org, "vendor-manager tenant-admin")), "groups");
        unauthorizedNaming(DevTokens.withClaims(claims(TENANT, org, List.of("vendor-manager", 3))), "groups");
    }

    @Test
    void aTokenWithoutSubjectIsRefusedInsteadOfActingAsSystem() {
        Map<String, Object> noSubject = claims(TENANT, UUID.randomUUID().toString(), List.of(Roles.VENDOR_MANAGER));
        noSubject.remove("sub");
        noSubject.put("upn", "someone@contoso.example");
        unauthorizedNaming(DevTokens.withClaims(noSubject), "sub");
    }

    @Test
    void controlCharactersInAClaimAre401NamingIt() {
        unauthorizedNaming(DevTokens.withClaims(claims("t-\u0000nul", UUID.randomUUID().toString(), List.of(Roles.VENDOR_MANAGER))),
                "tenant");
        Map<String, Object> email = claims(TENANT, UUID.randomUUID().toString(), List.of(Roles.VENDOR_MANAGER));
        email.put("email", "maria@contoso.example\r\nBcc: x@evil.example\u0007");
        unauthorizedNaming(DevTokens.withClaims(email), "email");
    }

    @Test
    void aTokenOlderThanTheMaximumAgeIsRefusedWhateverItsExpiry() {
        Map<String, Object> old = claims(TENANT, UUID.randomUUID().toString(), List.of(Roles.VENDOR_MANAGER));
        long now = Instant.now().getEpochSecond();
        old.put("iat", now - 3700);
        old.put("exp", now + 3600);
        given().auth().oauth2(DevTokens.withClaims(old)).get("/api/v1/plans")
                .then().statusCode(401).contentType(PROBLEM);
        // The same token issued now is fine: it is the age that counts.
        old.put("iat", now);
        given().auth().oauth2(DevTokens.withClaims(old)).get("/api/v1/plans").then().statusCode(200);
    }

    @Test
    void aTokenExpiredBeyondTheClockSkewIsRefused() {
        Map<String, Object> expired = claims(TENANT, UUID.randomUUID().toString(), List.of(Roles.VENDOR_MANAGER));
        long now = Instant.now().getEpochSecond();
        expired.put("iat", now - 60);
        expired.put("exp", now - 15);
        given().auth().oauth2(DevTokens.withClaims(expired)).get("/api/v1/plans")
                .then().statusCode(401).contentType(PROBLEM);
    }

    @Test
    void controlCharactersInABodyFieldAre400NamingTheField() {
        String admin = DevTokens.token(TENANT, null, Roles.TENANT_ADMIN);
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body("{\"name\":\"North\\u0000wind\",\"kind\":\"PARTNER\",\"timeZone\":\"UTC\"}")
                .post("/api/v1/organisations")
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("name"))
                .body("errors[0].message", equalTo("must not contain control characters"));
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body("{\"name\":\"North\\u001bwind\",\"kind\":\"PARTNER\",\"timeZone\":\"UTC\"}")
                .post("/api/v1/organisations")
                .then().statusCode(400).body("errors[0].field", equalTo("name"));
        // Line breaks and tabs are text, not control characters to refuse.
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body("{\"name\":\"North\\twind\",\"kind\":\"PARTNER\",\"timeZone\":\"UTC\"}")
                .post("/api/v1/organisations")
                .then().statusCode(201);
    }

    @Test
    void controlCharactersAndExtremeDatesInTheQueryAre400NamingTheParameter() {
        String vm = DevTokens.token(TENANT, UUID.randomUUID(), Roles.VENDOR_MANAGER);
        given().auth().oauth2(vm).urlEncodingEnabled(false).get("/api/v1/plans?horizonFrom=-999999999-01-01")
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("horizonFrom"));
        given().auth().oauth2(vm).urlEncodingEnabled(false).get("/api/v1/plans?horizonTo=%2B999999999-12-31")
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("horizonTo"));
        given().auth().oauth2(vm).urlEncodingEnabled(false).get("/api/v1/plans?status=DRAFT%00")
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("status"))
                .body("errors[0].message", equalTo("must not contain control characters"));
    }

    @Test
    void extremeDatesInABodyAre400NamingTheField() {
        String vm = DevTokens.token(TENANT, UUID.randomUUID(), Roles.VENDOR_MANAGER);
        given().auth().oauth2(vm).contentType(ContentType.JSON)
                .body("{\"partnerOrganisationId\":\"" + UUID.randomUUID() + "\",\"title\":\"x\",\"horizonStart\":\"-999999999-01-01\","
                        + "\"horizonEnd\":\"2028-01-01\"}")
                .post("/api/v1/plans")
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("horizonStart"))
                .body("errors[0].message", containsString("between 1900-01-01 and 2999-12-31"));
    }

    @Test
    void aPlanHorizonSpansAtMostTenYears() {
        String admin = DevTokens.token(TENANT, null, Roles.TENANT_ADMIN);
        String vendor = given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body("{\"name\":\"Contoso\",\"kind\":\"VENDOR\",\"timeZone\":\"UTC\"}")
                .post("/api/v1/organisations").then().statusCode(201).extract().path("id");
        String partner = given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body("{\"name\":\"Northwind\",\"kind\":\"PARTNER\",\"timeZone\":\"UTC\"}")
                .post("/api/v1/organisations").then().statusCode(201).extract().path("id");
        String vm = DevTokens.token(TENANT, UUID.fromString(vendor), Roles.VENDOR_MANAGER);
        String body = "{\"partnerOrganisationId\":\"" + partner + "\",\"title\":\"Forever\",\"horizonStart\":\"%s\",\"horizonEnd\":\"%s\"}";
        given().auth().oauth2(vm).contentType(ContentType.JSON).body(body.formatted("1900-01-01", "2999-12-31"))
                .post("/api/v1/plans")
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("horizonEnd"))
                .body("errors[0].message", containsString("at most 10 years"));
        given().auth().oauth2(vm).contentType(ContentType.JSON).body(body.formatted("2027-01-01", "2037-01-01"))
                .post("/api/v1/plans").then().statusCode(400).body("errors[0].field", equalTo("horizonEnd"));
        given().auth().oauth2(vm).contentType(ContentType.JSON).body(body.formatted("2027-01-01", "2036-12-31"))
                .post("/api/v1/plans").then().statusCode(201);
    }
}
