package io.partnerplan.calendar.fiscal;

import static io.restassured.RestAssured.given;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.partnerplan.calendar.TestOrganisations;
import io.partnerplan.platform.security.Roles;
import io.partnerplan.platform.testing.DevTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * Finding 5 of issue 19: any partner role read other partners' fiscal calendars and quarters. A
 * partner sees its own calendar and the vendor's; the vendor sees every partner's.
 */
@QuarkusTest
class PartnerWorldCalendarTest {

    private static final Map<String, Object> JANUARY = Map.of("startMonth", 1, "startDay", 1, "yearNaming", "END_YEAR");
    private static final String[] READS = { "", "/dates/2027-03-01", "/years/2027/periods", "/quarters?from=2027-01-01&to=2027-12-31" };

    private final String tenant = "t-" + UUID.randomUUID().toString().substring(0, 8);
    private final UUID vendor = TestOrganisations.known(tenant, "VENDOR");
    private final UUID northwind = TestOrganisations.known(tenant, "PARTNER");
    private final UUID fabrikam = TestOrganisations.known(tenant, "PARTNER");

    @Test
    void aPartnerReadsItsOwnAndTheVendorsCalendarsNotAnotherPartners() {
        String admin = DevTokens.token(tenant, null, Roles.TENANT_ADMIN);
        for (UUID organisation : new UUID[] { vendor, northwind, fabrikam }) {
            given().auth().oauth2(admin).contentType(ContentType.JSON).body(JANUARY)
                    .put("/api/v1/fiscal-calendars/{org}", organisation).then().statusCode(201);
        }
        for (String role : new String[] { Roles.VIEWER, Roles.CONTRIBUTOR, Roles.PARTNER_OWNER, Roles.INTEGRATION }) {
            String partner = DevTokens.token(tenant, northwind, role);
            for (String read : READS) {
                given().auth().oauth2(partner).get("/api/v1/fiscal-calendars/{org}" + read, fabrikam).then().statusCode(404)
                        .contentType("application/problem+json");
                given().auth().oauth2(partner).get("/api/v1/fiscal-calendars/{org}" + read, northwind).then().statusCode(200);
                given().auth().oauth2(partner).get("/api/v1/fiscal-calendars/{org}" + read, vendor).then().statusCode(200);
            }
            given().auth().oauth2(partner).contentType(ContentType.JSON).body(Map.of("dates", java.util.List.of("2027-03-01")))
                    .post("/api/v1/fiscal-calendars/{org}/positions", fabrikam).then().statusCode(404);
        }
        // A partner's client sets its own organisation's calendar only; the vendor's people read every partner's.
        String crm = DevTokens.token(tenant, northwind, Roles.INTEGRATION);
        given().auth().oauth2(crm).contentType(ContentType.JSON).header("If-Match", "\"0\"").body(JANUARY)
                .put("/api/v1/fiscal-calendars/{org}", vendor).then().statusCode(403);
        given().auth().oauth2(crm).contentType(ContentType.JSON).header("If-Match", "\"0\"").body(JANUARY)
                .put("/api/v1/fiscal-calendars/{org}", fabrikam).then().statusCode(404);
        given().auth().oauth2(DevTokens.token(tenant, vendor, Roles.VIEWER))
                .get("/api/v1/fiscal-calendars/{org}/quarters?from=2027-01-01&to=2027-12-31", fabrikam).then().statusCode(200);
    }
}
