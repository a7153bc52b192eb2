package io.partnerplan.notification.webhook;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.partnerplan.platform.security.Roles;
import io.partnerplan.platform.testing.DevTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/** With the production settings (no allow-* relaxations) the API refuses URLs that would reach inside. */
@QuarkusTest
@TestProfile(WebhookSsrfRulesTest.ProductionRules.class)
class WebhookSsrfRulesTest {

    public static class ProductionRules implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("partnerplan.webhooks.allow-insecure", "false", "partnerplan.webhooks.allow-private-networks", "false");
        }
    }

    private final String admin = DevTokens.tokenFor("t-" + UUID.randomUUID().toString().substring(0, 8), UUID.randomUUID(),
            "admin@contoso.test", Roles.TENANT_ADMIN);

    @Test
    void plainHttpIsRefused() {
        refused("http://93.184.216.34/hook", "must use https");
    }

    @Test
    void loopbackPrivateAndLinkLocalAddressesAreRefused() {
        for (String url : List.of("https://127.0.0.1/hook", "https://localhost/hook", "https://10.0.0.5/hook",
                "https://169.254.169.254/latest/meta-data", "https://[::1]/hook", "https://[64:ff9b::a9fe:a9fe]/latest/meta-data",
                "https://[2002:7f00:1::]/hook", "https://[2001:0:4136:e378:8000:63bf:3fff:fdd2]/hook", "https://[::7f00:1]/hook")) {
            given().auth().oauth2(admin).contentType(ContentType.JSON)
                    .body(Map.of("url", url, "eventTypes", List.of("plan.agreed")))
                    .post("/api/v1/notifications/webhooks")
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("errors[0].field", equalTo("url"))
                    .body("errors[0].message", equalTo("must not point at a private, loopback, link-local, reserved or IPv6 transition address"));
        }
    }

    /** Issue 19 finding 8 (production settings): any port but 443 is refused. */
    @Test
    void otherPortsThanTheDefaultAreRefused() {
        refused("https://93.184.216.34:8443/hook", "must use the default port of https (443)");
        refused("https://93.184.216.34:9/hook", "must use the default port of https (443)");
    }

    @Test
    void aPublicHttpsAddressIsAccepted() {
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("url", "https://93.184.216.34/hook", "eventTypes", List.of("plan.agreed")))
                .post("/api/v1/notifications/webhooks")
                .then().statusCode(201);
    }

    private void refused(String url, String rule) {
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("url", url, "eventTypes", List.of("plan.agreed")))
                .post("/api/v1/notifications/webhooks")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("url")).body("errors[0].message", equalTo(rule));
    }
}
