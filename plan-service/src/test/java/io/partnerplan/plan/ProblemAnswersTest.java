package io.partnerplan.plan;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.partnerplan.platform.security.Roles;
import io.partnerplan.platform.testing.DevTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Every kind of bad request gets an RFC 9457 answer naming what is wrong; never a 500 or a stack trace. */
@QuarkusTest
class ProblemAnswersTest {

    private static final String PROBLEM = "application/problem+json";
    private final String admin = DevTokens.token("t-problems", null, Roles.TENANT_ADMIN);

    @Test
    void validationNamesEachFieldAndRule() {
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body("{\"name\":\"\",\"kind\":\"PARTNER\",\"timeZone\":\"Mars/Olympus\"}")
                .post("/api/v1/organisations")
                .then().statusCode(400).contentType(PROBLEM)
                .body("type", equalTo("https://partnerplan.io/problems/validation"))
                .body("status", equalTo(400))
                .body("instance", equalTo("/api/v1/organisations"))
                .body("traceId", notNullValue())
                .body("errors", hasSize(2))
                .body("errors.field", hasItem("name"))
                .body("errors.field", hasItem("timeZone"))
                .body("errors.find { it.field == 'timeZone' }.message", containsString("IANA"));
    }

    @Test
    void missingBodyIsAValidationProblem() {
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .post("/api/v1/organisations")
                .then().statusCode(400).contentType(PROBLEM);
    }

    @Test
    void unknownPropertiesAreRefusedByName() {
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body("{\"name\":\"A\",\"kind\":\"PARTNER\",\"timeZone\":\"UTC\",\"tenantId\":\"other\"}")
                .post("/api/v1/organisations")
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("tenantId"))
                .body("errors[0].message", startsWith("unknown property (allowed: "));
    }

    @Test
    void everyErrorOfABodyIsAnsweredAtOnce() {
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body("{\"name\":\"\",\"kind\":\"RESELLER\",\"timeZone\":\"Mars/Olympus\",\"tenantId\":\"other\"}")
                .post("/api/v1/organisations")
                .then().statusCode(400).contentType(PROBLEM)
                .body("type", equalTo("https://partnerplan.io/problems/validation"))
                .body("errors.field", containsInAnyOrder("kind", "name", "tenantId", "timeZone"))
                .body("errors.find { it.field == 'kind' }.message", containsString("VENDOR"))
                .body("errors.find { it.field == 'tenantId' }.message", startsWith("unknown property"))
                .body("errors.find { it.field == 'timeZone' }.message", containsString("IANA"))
                .body("detail", containsString("tenantId: unknown property"));
        String vm = DevTokens.token("t-problems", UUID.randomUUID(), Roles.VENDOR_MANAGER);
        given().auth().oauth2(vm).contentType(ContentType.JSON)
                .body("{\"partnerOrganisationId\":\"42\",\"title\":\"x\\u0007\",\"horizonStart\":\"2027-13-01\",\"horizonEnd\":\"2028-01-01\"}")
                .post("/api/v1/plans")
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", containsInAnyOrder("horizonStart", "partnerOrganisationId", "title"));
    }

    @Test
    void malformedJsonSaysWhere() {
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body("{\"name\": \"A\", ")
                .post("/api/v1/organisations")
                .then().statusCode(400).contentType(PROBLEM)
                .body("type", equalTo("https://partnerplan.io/problems/malformed-json"))
                .body("detail", not(containsString("Exception")));
    }

    @Test
    void wrongTypesNameTheFieldAndTheExpectedType() {
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body("{\"name\":\"A\",\"kind\":\"RESELLER\",\"timeZone\":\"UTC\"}")
                .post("/api/v1/organisations")
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("kind"))
                .body("errors[0].message", containsString("VENDOR"));
        String vm = DevTokens.token("t-problems", UUID.randomUUID(), Roles.VENDOR_MANAGER);
        given().auth().oauth2(vm).contentType(ContentType.JSON)
                .body("{\"partnerOrganisationId\":\"42\",\"title\":\"x\",\"horizonStart\":\"2027-13-01\",\"horizonEnd\":\"2028-01-01\"}")
                .post("/api/v1/plans")
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("partnerOrganisationId"));
    }

    @Test
    void unknownPathsAndIdsAre404Problems() {
        given().auth().oauth2(admin).get("/api/v1/nothing-here")
                .then().statusCode(404).contentType(PROBLEM);
        given().auth().oauth2(admin).get("/api/v1/organisations/{id}", UUID.randomUUID())
                .then().statusCode(404).contentType(PROBLEM).body("detail", containsString("does not exist"));
        given().auth().oauth2(admin).get("/api/v1/organisations/not-a-uuid")
                .then().statusCode(404).contentType(PROBLEM);
    }

    @Test
    void wrongMethodIs405AndWrongMediaTypeIs415() {
        given().auth().oauth2(admin).delete("/api/v1/organisations")
                .then().statusCode(405).contentType(PROBLEM);
        given().auth().oauth2(admin).contentType(ContentType.XML).body("<organisation/>")
                .post("/api/v1/organisations")
                .then().statusCode(415).contentType(PROBLEM);
    }

    @Test
    void oversizedBodiesAre413() {
        String huge = "{\"name\":\"" + "x".repeat(2 * 1024 * 1024) + "\",\"kind\":\"PARTNER\",\"timeZone\":\"UTC\"}";
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(huge)
                .post("/api/v1/organisations")
                .then().statusCode(413).contentType(PROBLEM);
    }

    @Test
    void missingOrForgedTokensAre401AndWrongRolesAre403() {
        given().get("/api/v1/organisations")
                .then().statusCode(401).contentType(PROBLEM).header("WWW-Authenticate", containsString("Bearer"));
        given().auth().oauth2(DevTokens.forgedToken("t-problems", UUID.randomUUID(), Roles.TENANT_ADMIN))
                .get("/api/v1/organisations")
                .then().statusCode(401).contentType(PROBLEM);
        given().auth().oauth2(DevTokens.token("t-problems", UUID.randomUUID(), Roles.VIEWER)).contentType(ContentType.JSON)
                .body("{\"name\":\"A\",\"kind\":\"PARTNER\",\"timeZone\":\"UTC\"}")
                .post("/api/v1/organisations")
                .then().statusCode(403).contentType(PROBLEM);
    }
}
