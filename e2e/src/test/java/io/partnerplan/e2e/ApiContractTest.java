package io.partnerplan.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * The in-build contract check fails on what an integrator's strict client would trip over, and
 * passes a conforming exchange: shown on docs/openapi.yaml itself, without the stack.
 */
class ApiContractTest {

    private static final String PLAN_ID = "01a2526a-d85d-7185-86ba-6aef80bfc285";
    private static final String PLAN = "{\"id\":\"" + PLAN_ID + "\",\"title\":\"FY27\",\"status\":\"DRAFT\","
            + "\"horizonStart\":\"2027-02-01\",\"horizonEnd\":\"2028-01-31\",\"version\":3}";

    private static List<String> violations(String method, String pathAndQuery, int status, String contentType, String body) {
        return ApiContract.document().violations(new ApiContract.Exchange(method, URI.create("http://gw" + pathAndQuery),
                null, null, status, contentType, body, Map.of()));
    }

    @Test
    void aConformingAnswerPasses() {
        assertThat(violations("GET", "/api/v1/plans/" + PLAN_ID, 200, "application/json", PLAN)).isEmpty();
        assertThat(violations("GET", "/api/v1/plans/" + PLAN_ID, 404, "application/problem+json",
                "{\"type\":\"https://partnerplan.io/problems/not-found\",\"title\":\"Resource not found\",\"status\":404}"))
                .isEmpty();
    }

    @Test
    void nullWhereTheDocumentSaysStringFails() {
        assertThat(violations("GET", "/api/v1/plans/" + PLAN_ID, 200, "application/json",
                PLAN.replace("\"FY27\"", "null")))
                .singleElement().asString().contains("/title").contains("null found, string expected");
    }

    @Test
    void anUndocumentedStatusFails() {
        assertThat(violations("GET", "/api/v1/plans/" + PLAN_ID, 418, "application/problem+json", "{}"))
                .singleElement().asString().startsWith("status 418 is not documented for GET /api/v1/plans/{id}");
    }

    @Test
    void aWrongContentTypeFails() {
        assertThat(violations("GET", "/api/v1/plans/" + PLAN_ID, 200, "text/plain", "FY27"))
                .singleElement().asString().contains("content type text/plain is not documented");
        assertThat(violations("GET", "/api/v1/plans/" + PLAN_ID, 404, "application/json", "{}"))
                .singleElement().asString().contains("content type application/json is not documented for status 404");
    }

    @Test
    void anUndocumentedQueryParameterAnsweredWithSuccessFails() {
        assertThat(violations("GET", "/api/v1/plans/" + PLAN_ID + "?expand=all", 200, "application/json", PLAN))
                .singleElement().asString().contains("query parameter 'expand' is not documented");
    }

    @Test
    void anUndocumentedPropertyFails() {
        assertThat(violations("GET", "/api/v1/plans/" + PLAN_ID, 200, "application/json",
                PLAN.replace("}", ",\"secret\":1}")))
                .anySatisfy(v -> assertThat(v).contains("secret"));
    }

    @Test
    void anUndocumentedPathOrMethodFails() {
        assertThat(violations("GET", "/api/v1/nowhere", 200, "application/json", "{}"))
                .singleElement().asString().contains("no path of docs/openapi.yaml matches /api/v1/nowhere");
        assertThat(violations("PATCH", "/api/v1/plans/" + PLAN_ID, 200, "application/json", PLAN))
                .singleElement().asString().contains("PATCH is not documented");
    }

    @Test
    void anAnswerNamingAJavaClassFails() {
        assertThat(violations("GET", "/api/v1/plans/" + PLAN_ID, 400, "application/problem+json",
                "{\"type\":\"https://partnerplan.io/problems/validation\",\"title\":\"Request is not valid\",\"status\":400,"
                        + "\"detail\":\"Cannot deserialize value of type `io.partnerplan.plan.organisation.OrganisationKind`\"}"))
                .singleElement().asString().contains("names a Java class");
    }
}
