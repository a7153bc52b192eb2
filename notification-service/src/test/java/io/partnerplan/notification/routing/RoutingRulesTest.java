package io.partnerplan.notification.routing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.partnerplan.platform.security.Roles;
import io.partnerplan.platform.testing.DevTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * A tenant admin changes which roles hear an event type in their tenant (If-Match), and can go back
 * to the default; other tenants keep the default; bad input is a problem naming the field.
 */
@QuarkusTest
class RoutingRulesTest {

    static final String RULES = "/api/v1/notifications/routing-rules";

    private final String tenant = "t-" + UUID.randomUUID().toString().substring(0, 8);
    private final String admin = DevTokens.token(tenant, UUID.randomUUID(), Roles.TENANT_ADMIN);

    @Test
    void theDefaultsAreListedAndAnAdminChangesOneWithIfMatch() {
        given().auth().oauth2(admin).get(RULES).then().statusCode(200)
                .body("items.find { it.eventType == 'milestone.missed' }.roles", equalTo(List.of("partner-owner", "vendor-manager")))
                .body("items.find { it.eventType == 'escalation.raised' }.mandatory", equalTo(true))
                .body("items.find { it.eventType == 'escalation.raised' }.addsEventRecipients", equalTo(true));
        given().auth().oauth2(admin).get(RULES + "/milestone.missed").then().statusCode(200).header("ETag", "\"0\"")
                .body("isDefault", equalTo(true));

        // Without If-Match: 428; with it: the new roles, a new ETag.
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("roles", List.of("viewer", "vendor-manager")))
                .put(RULES + "/milestone.missed").then().statusCode(428).contentType("application/problem+json");
        given().auth().oauth2(admin).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(Map.of("roles", List.of("viewer", "vendor-manager")))
                .put(RULES + "/milestone.missed").then().statusCode(200).header("ETag", "\"1\"")
                .body("roles", equalTo(List.of("vendor-manager", "viewer"))).body("isDefault", equalTo(false))
                .body("defaultRoles", equalTo(List.of("partner-owner", "vendor-manager")));
        // A second admin still holding the default's ETag is refused.
        given().auth().oauth2(admin).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(Map.of("roles", List.of("viewer"))).put(RULES + "/milestone.missed").then().statusCode(412);

        // Another tenant is not affected.
        String otherAdmin = DevTokens.token("t-" + UUID.randomUUID().toString().substring(0, 8), UUID.randomUUID(), Roles.TENANT_ADMIN);
        given().auth().oauth2(otherAdmin).get(RULES + "/milestone.missed").then().statusCode(200)
                .body("isDefault", equalTo(true)).header("ETag", "\"0\"");

        given().auth().oauth2(admin).header("If-Match", "\"1\"").delete(RULES + "/milestone.missed").then().statusCode(200)
                .body("isDefault", equalTo(true)).body("roles", equalTo(List.of("partner-owner", "vendor-manager")))
                .header("ETag", "\"2\"");
    }

    @Test
    void unknownEventTypesAndRolesAreProblemsNamingTheField() {
        given().auth().oauth2(admin).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(Map.of("roles", List.of("viewer"))).put(RULES + "/milestone.exploded").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("eventType"));
        given().auth().oauth2(admin).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(Map.of("roles", List.of("viewer", "ceo"))).put(RULES + "/milestone.missed").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("roles[1]"));
        given().auth().oauth2(admin).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body("{}").put(RULES + "/milestone.missed").then().statusCode(400)
                .contentType("application/problem+json");
        given().auth().oauth2(admin).get(RULES + "/milestone.exploded").then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void onlyATenantAdminChangesRules() {
        given().auth().oauth2(DevTokens.token(tenant, UUID.randomUUID(), Roles.VENDOR_MANAGER)).get(RULES).then().statusCode(403);
    }
}
