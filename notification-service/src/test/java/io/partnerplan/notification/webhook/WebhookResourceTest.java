package io.partnerplan.notification.webhook;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasItem;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.partnerplan.platform.security.Roles;
import io.partnerplan.platform.testing.DevTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Managing subscriptions: who may, what is refused (problem+json naming the field), and tenant isolation. */
@QuarkusTest
class WebhookResourceTest {

    private static final String WEBHOOKS = "/api/v1/notifications/webhooks";
    private final String tenant = "t-" + UUID.randomUUID().toString().substring(0, 8);
    private final String admin = DevTokens.tokenFor(tenant, UUID.randomUUID(), "admin@contoso.test", Roles.TENANT_ADMIN);

    @Test
    void anUnknownEventTypeIsRefusedNamingTheEntry() {
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("url", "https://prm.example.com/hook", "eventTypes", List.of("plan.agreed", "plan.exploded")))
                .post(WEBHOOKS)
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("https://partnerplan.io/problems/validation"))
                .body("errors", hasSize(1)).body("errors[0].field", equalTo("eventTypes[1]"))
                .body("errors[0].message", containsString("unknown event type 'plan.exploded'"));
    }

    @Test
    void aUrlThatIsNotHttpOrHttpsIsRefusedNamingUrlAndTheRule() {
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("url", "ftp://prm.example.com/hook", "eventTypes", List.of("plan.agreed")))
                .post(WEBHOOKS)
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("url")).body("errors[0].message", equalTo("must be an absolute https URL with a host"));
    }

    @Test
    void missingFieldsAndUnknownPropertiesAreRefused() {
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("eventTypes", List.of()))
                .post(WEBHOOKS)
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("url")).body("errors.field", hasItem("eventTypes"));
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("url", "https://prm.example.com/hook", "eventTypes", List.of("plan.agreed"), "secret", "mine"))
                .post(WEBHOOKS)
                .then().statusCode(400).body("errors[0].field", equalTo("secret"));
        given().auth().oauth2(admin).get(WEBHOOKS + "/{id}/deliveries?status=LOST", create())
                .then().statusCode(400).body("errors[0].field", equalTo("status"));
    }

    @Test
    void onlyTheTenantAdminManagesWebhooks() {
        given().auth().oauth2(DevTokens.token(tenant, UUID.randomUUID(), Roles.VENDOR_MANAGER)).get(WEBHOOKS)
                .then().statusCode(403).contentType("application/problem+json");
        given().get(WEBHOOKS).then().statusCode(401);
    }

    @Test
    void anotherTenantCannotSeeChangeReplayOrDeleteASubscription() {
        String webhook = create();
        String intruder = DevTokens.tokenFor("other-" + tenant, UUID.randomUUID(), "admin@contoso.test", Roles.TENANT_ADMIN);
        given().auth().oauth2(intruder).get(WEBHOOKS + "/{id}", webhook).then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(intruder).get(WEBHOOKS + "/{id}/deliveries", webhook).then().statusCode(404);
        given().auth().oauth2(intruder).post(WEBHOOKS + "/{id}/deliveries/{d}/replay", webhook, UUID.randomUUID()).then().statusCode(404);
        given().auth().oauth2(intruder).post(WEBHOOKS + "/{id}/rotate-secret", webhook).then().statusCode(404);
        given().auth().oauth2(intruder).delete(WEBHOOKS + "/{id}", webhook).then().statusCode(404);
        given().auth().oauth2(intruder).get(WEBHOOKS).then().statusCode(200).body("items.id", not(hasItem(webhook)));
        given().auth().oauth2(admin).get(WEBHOOKS).then().statusCode(200).body("items.id", equalTo(List.of(webhook)));
    }

    @Test
    void updatesNeedTheCurrentETagAndDeleteRemovesIt() {
        String webhook = create();
        String etag = given().auth().oauth2(admin).get(WEBHOOKS + "/{id}", webhook).then().statusCode(200).extract().header("ETag");
        Map<String, Object> change = Map.of("url", "https://prm.example.com/v2/hook", "eventTypes", List.of("review.due"), "active", false);
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(change).put(WEBHOOKS + "/{id}", webhook)
                .then().statusCode(428);
        given().auth().oauth2(admin).contentType(ContentType.JSON).header("If-Match", etag).body(change).put(WEBHOOKS + "/{id}", webhook)
                .then().statusCode(200).body("eventTypes", equalTo(List.of("review.due"))).body("active", equalTo(false));
        given().auth().oauth2(admin).contentType(ContentType.JSON).header("If-Match", etag).body(change).put(WEBHOOKS + "/{id}", webhook)
                .then().statusCode(412);
        given().auth().oauth2(admin).delete(WEBHOOKS + "/{id}", webhook).then().statusCode(204);
        given().auth().oauth2(admin).get(WEBHOOKS + "/{id}", webhook).then().statusCode(404);
    }

    @Test
    void aRetriedCreationWithTheSameIdempotencyKeySubscribesOnce() {
        Map<String, Object> body = Map.of("url", "https://prm.example.com/hook", "eventTypes", List.of("plan.agreed"));
        String key = UUID.randomUUID().toString();
        String first = given().auth().oauth2(admin).contentType(ContentType.JSON).header("Idempotency-Key", key).body(body)
                .post(WEBHOOKS).then().statusCode(201).extract().path("id");
        given().auth().oauth2(admin).contentType(ContentType.JSON).header("Idempotency-Key", key).body(body)
                .post(WEBHOOKS).then().statusCode(201).header("Idempotent-Replayed", "true").body("id", equalTo(first));
        given().auth().oauth2(admin).get(WEBHOOKS).then().body("items.id", equalTo(List.of(first)));
    }

    private String create() {
        return given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("url", "https://prm.example.com/hook", "eventTypes", List.of("plan.agreed")))
                .post(WEBHOOKS).then().statusCode(201).extract().path("id");
    }
}
