package io.partnerplan.plan.plan;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.partnerplan.plan.Fixtures;
import io.partnerplan.platform.security.Roles;
import io.partnerplan.platform.testing.DevTokens;
import io.partnerplan.platform.testing.KafkaProbe;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/** draft → proposed → signed by both sides → agreed → active, and every refusal on the way. */
@QuarkusTest
class PlanSignOffTest {

    @Test
    void aViewerHears403NotAStaleVersionWhatEverTransitionTheyTry() {
        Fixtures f = Fixtures.newTenant();
        UUID plan = f.draftPlan("FY27");
        String viewer = DevTokens.tokenFor(f.tenant(), f.vendor(), "vera@contoso.test", Roles.VIEWER);
        // Who may act comes before whether their copy is current: a stale If-Match still gets 403.
        for (String transition : new String[] { "propose", "return-to-draft", "sign-off", "activate", "close" }) {
            act(viewer, plan, transition, "\"7\"").statusCode(403).contentType("application/problem+json");
        }
        act(f.vendorManager(), plan, "propose", "\"7\"").statusCode(412);
    }

    @Test
    void bothSidesSignAndThePlanIsAgreedThenActivated() {
        Fixtures f = Fixtures.newTenant();
        UUID plan = f.draftPlan("FY27");
        f.addPartnerOwner(plan);

        String etag = act(f.vendorManager(), plan, "propose", "\"0\"").statusCode(200)
                .body("status", equalTo("PROPOSED")).extract().header("ETag");
        etag = act(f.vendorManager(), plan, "sign-off", etag).statusCode(200)
                .body("status", equalTo("PROPOSED")).body("signOffs", hasSize(1))
                .body("signOffs[0].side", equalTo("VENDOR")).body("signOffs[0].signedBy", equalTo("vm@contoso.test"))
                .extract().header("ETag");
        etag = act(f.partnerOwner(), plan, "sign-off", etag).statusCode(200)
                .body("status", equalTo("AGREED")).body("signOffs", hasSize(2))
                .extract().header("ETag");

        ConsumerRecord<String, String> agreed = KafkaProbe.awaitRecord("partnerplan.plan.events.v1", Duration.ofSeconds(30),
                r -> plan.toString().equals(r.key()) && "io.partnerplan.plan.agreed.v1".equals(KafkaProbe.header(r, "ce_type")));
        io.restassured.path.json.JsonPath data = new io.restassured.path.json.JsonPath(agreed.value());
        assertEquals("QUARTERLY", data.getString("reviewCadence"));
        assertEquals(f.partner().toString(), data.getString("partnerOrganisationId"));

        // Only the vendor's manager activates.
        act(f.partnerOwner(), plan, "activate", etag).statusCode(403);
        act(f.vendorManager(), plan, "activate", etag).statusCode(200).body("status", equalTo("ACTIVE"));
    }

    @Test
    void signingNeedsAProposalAndTheRightRoleOnTheRightSide() {
        Fixtures f = Fixtures.newTenant();
        UUID plan = f.draftPlan("FY27");
        f.addPartnerOwner(plan);
        act(f.vendorManager(), plan, "sign-off", "\"0\"").statusCode(409).contentType("application/problem+json");

        String etag = act(f.vendorManager(), plan, "propose", "\"0\"").statusCode(200).extract().header("ETag");
        String contributor = DevTokens.token(f.tenant(), f.partner(), Roles.CONTRIBUTOR);
        act(contributor, plan, "sign-off", etag).statusCode(403).contentType("application/problem+json");
        // A partner owner of another partner does not even see the plan.
        String admin = DevTokens.token(f.tenant(), null, Roles.TENANT_ADMIN);
        UUID other = Fixtures.organisation(admin, "Fabrikam", "PARTNER");
        act(DevTokens.token(f.tenant(), other, Roles.PARTNER_OWNER), plan, "sign-off", etag).statusCode(404);
        act(f.partnerOwner(), plan, "sign-off", null).statusCode(428);
    }

    @Test
    void anEditAfterASignatureVoidsIt() {
        Fixtures f = Fixtures.newTenant();
        UUID plan = f.draftPlan("FY27");
        f.addPartnerOwner(plan);
        String etag = act(f.vendorManager(), plan, "propose", "\"0\"").extract().header("ETag");
        etag = act(f.vendorManager(), plan, "sign-off", etag).body("signOffs", hasSize(1)).extract().header("ETag");

        etag = given().auth().oauth2(f.partnerOwner()).contentType(ContentType.JSON).header("If-Match", etag)
                .body(Map.of("title", "FY27 with a bigger MDF", "horizonStart", "2027-02-01", "horizonEnd", "2028-01-31"))
                .put("/api/v1/plans/{id}", plan)
                .then().statusCode(200).body("signOffs", hasSize(0)).extract().header("ETag");

        act(f.partnerOwner(), plan, "sign-off", etag).statusCode(200).body("status", equalTo("PROPOSED"));
    }

    @Test
    void illegalTransitionsSayWhatIsAllowed() {
        Fixtures f = Fixtures.newTenant();
        UUID plan = f.draftPlan("FY27");
        act(f.vendorManager(), plan, "activate", "\"0\"").statusCode(409)
                .body("detail", org.hamcrest.Matchers.containsString("allowed next"));
        String etag = act(f.vendorManager(), plan, "propose", "\"0\"").extract().header("ETag");
        etag = act(f.partnerOwner(), plan, "return-to-draft", etag).statusCode(200)
                .body("status", equalTo("DRAFT")).extract().header("ETag");
        act(f.vendorManager(), plan, "close", etag).statusCode(200).body("status", equalTo("CLOSED"));
    }

    private static ValidatableResponse act(String token, UUID plan, String action, String ifMatch) {
        var request = given().auth().oauth2(token);
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return request.post("/api/v1/plans/{id}/{action}", plan, action).then();
    }
}
