package io.partnerplan.plan;

import static io.restassured.RestAssured.given;

import java.util.Map;
import java.util.UUID;

import io.partnerplan.platform.security.Roles;
import io.partnerplan.platform.testing.DevTokens;
import io.restassured.http.ContentType;

/** A tenant with a vendor and a partner, created through the API as a client would. */
public record Fixtures(String tenant, UUID vendor, UUID partner, String vendorManager, String partnerOwner) {

    public static Fixtures newTenant() {
        String tenant = "t-" + UUID.randomUUID().toString().substring(0, 8);
        String admin = DevTokens.token(tenant, null, Roles.TENANT_ADMIN);
        UUID vendor = organisation(admin, "Contoso Software", "VENDOR");
        UUID partner = organisation(admin, "Northwind Resellers", "PARTNER");
        return new Fixtures(tenant, vendor, partner,
                DevTokens.tokenFor(tenant, vendor, "vm@contoso.test", Roles.VENDOR_MANAGER),
                DevTokens.tokenFor(tenant, partner, "po@northwind.test", Roles.PARTNER_OWNER));
    }

    public static UUID organisation(String token, String name, String kind) {
        return UUID.fromString(given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("name", name, "kind", kind, "timeZone", "Europe/London"))
                .post("/api/v1/organisations")
                .then().statusCode(201).extract().path("id"));
    }

    /**
     * A person of {@code organisation} with a token: in the directory from their first call (just in
     * time), as a person who has signed in once.
     */
    public String signIn(UUID organisation, String subject, String... roles) {
        String token = DevTokens.tokenFor(tenant, organisation, subject, roles);
        given().auth().oauth2(token).get("/api/v1/people/me").then().statusCode(200);
        return token;
    }

    /**
     * Puts a person of the vendor or the partner on the plan (signing them in first): the vendor's manager
     * adds the vendor's people, the partner's owner the partner's.
     */
    public void addMember(UUID plan, String subject, UUID organisation, String role) {
        signIn(organisation, subject, role);
        given().auth().oauth2(organisation.equals(vendor) ? vendorManager : partnerOwner).contentType(ContentType.JSON)
                .body(Map.of("subject", subject, "role", role))
                .post("/api/v1/plans/{id}/members", plan).then().statusCode(201);
    }

    public UUID draftPlan(String title) {
        return UUID.fromString(given().auth().oauth2(vendorManager).contentType(ContentType.JSON)
                .body(Map.of("partnerOrganisationId", partner.toString(), "title", title,
                        "horizonStart", "2027-02-01", "horizonEnd", "2028-01-31"))
                .post("/api/v1/plans")
                .then().statusCode(201).extract().path("id"));
    }

    /** Adds the partner's owner (po@northwind.test) to the plan: only members holding their side's signing role sign. */
    public void addPartnerOwner(UUID plan) {
        addMember(plan, "po@northwind.test", partner, "partner-owner");
    }

    /** Adds the partner's owner, proposes the draft and signs it for both sides: the plan is AGREED, in effect. */
    public void agree(UUID plan) {
        addPartnerOwner(plan);
        String etag = given().auth().oauth2(vendorManager).header("If-Match", "\"0\"")
                .post("/api/v1/plans/{id}/propose", plan).then().statusCode(200).extract().header("ETag");
        etag = given().auth().oauth2(vendorManager).header("If-Match", etag)
                .post("/api/v1/plans/{id}/sign-off", plan).then().statusCode(200).extract().header("ETag");
        given().auth().oauth2(partnerOwner).header("If-Match", etag)
                .post("/api/v1/plans/{id}/sign-off", plan).then().statusCode(200)
                .body("status", org.hamcrest.Matchers.equalTo("AGREED"));
    }
}
