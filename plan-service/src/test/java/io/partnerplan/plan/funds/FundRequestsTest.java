package io.partnerplan.plan.funds;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.partnerplan.plan.ActivePlans;
import io.partnerplan.plan.Fixtures;
import io.partnerplan.platform.security.Roles;
import io.partnerplan.platform.testing.DevTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/**
 * Fund requests through the API: the partner asks, the vendor's approvers decide level by level as the vendor's
 * policy says, and the budget line's committed amount follows the final approval.
 */
@QuarkusTest
class FundRequestsTest {

    private static final String PO = "po@northwind.test";

    private static Map<String, Object> request(String budget, String totalCost, String share) {
        Map<String, Object> body = new HashMap<>(Map.of("title", "Q2 cloud migration webinars", "budgetId", budget,
                "startsOn", "2027-04-01", "endsOn", "2027-04-30", "currency", "USD", "totalCost", totalCost,
                "vendorSharePercent", share, "expectedResults", List.of(Map.of("kpi", "leads", "target", "120"))));
        return body;
    }

    /** An active plan with a 20,000 USD MDF line, and the vendor's policy: managers decide, the sponsor too from 5,000. */
    private static String[] activePlanWithBudget(Fixtures f) {
        UUID plan = f.draftPlan("FY27");
        String budget = given().auth().oauth2(f.vendorManager()).contentType(ContentType.JSON)
                .body(Map.of("title", "Webinars", "fundingParty", "VENDOR", "resourceType", "MARKETING", "kind", "MDF",
                        "currency", "USD", "planned", "20000"))
                .post("/api/v1/plans/{id}/budgets", plan).then().statusCode(201).extract().path("id");
        ActivePlans.agree(f, plan, true);
        given().auth().oauth2(f.vendorManager()).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(Map.of("currency", "USD", "levels", List.of(Map.of("minAmount", "0", "role", "vendor-manager"),
                        Map.of("minAmount", "5000.00", "role", "executive-sponsor"))))
                .put("/api/v1/funds/policy").then().statusCode(200)
                .body("levels[1].minAmount", equalTo("5000")).body("claimWindowDays", equalTo(90));
        return new String[] {plan.toString(), budget};
    }

    private static ValidatableResponse submit(String token, String plan, Map<String, Object> body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .post("/api/v1/plans/{id}/fund-requests", plan).then();
    }

    private static ValidatableResponse decide(String token, String plan, String id, String etag, Map<String, Object> body) {
        var spec = given().auth().oauth2(token).contentType(ContentType.JSON).body(body);
        if (etag != null) {
            spec = spec.header("If-Match", etag);
        }
        return spec.post("/api/v1/plans/{id}/fund-requests/{r}/decisions", plan, id).then();
    }

    private static String committed(Fixtures f, String plan, String budget) {
        return given().auth().oauth2(f.vendorManager()).get("/api/v1/plans/{id}/budgets/{b}", plan, budget).then().statusCode(200)
                .extract().path("committed");
    }

    @Test
    void thePartnerRequestsTwoLevelsApproveByDifferentPeopleAndTheBudgetCommitsTheAmount() {
        Fixtures f = Fixtures.newTenant();
        String[] pb = activePlanWithBudget(f);
        String plan = pb[0];
        String budget = pb[1];

        // Who asks comes from the token: a body naming the requester or organisation is refused.
        Map<String, Object> forged = request(budget, "12000", "50");
        forged.put("requestedBy", "someone@else.test");
        submit(f.partnerOwner(), plan, forged).statusCode(400).body(containsString("requestedBy"));
        submit(f.vendorManager(), plan, request(budget, "12000", "50")).statusCode(403);

        var created = submit(f.partnerOwner(), plan, request(budget, "12000", "50")).statusCode(201).header("ETag", "\"0\"")
                .body("requestedBy", equalTo(PO)).body("partnerOrganisationId", equalTo(f.partner().toString()))
                .body("requestedAmount", equalTo("6000")).body("partnerAmount", equalTo("6000"))
                .body("partnerSharePercent", equalTo("50"))
                .body("status", equalTo("PENDING_APPROVAL")).body("awaitingLevel", equalTo(1))
                .body("awaitingRole", equalTo("vendor-manager")).body("levels", hasSize(2)).extract();
        String id = created.path("id");

        String sponsor = DevTokens.tokenFor(f.tenant(), f.vendor(), "sam@contoso.test", Roles.EXECUTIVE_SPONSOR);
        decide(sponsor, plan, id, "\"0\"", Map.of("outcome", "APPROVE")).statusCode(403)
                .body("detail", containsString("Level 1 of 2 is decided by the vendor's vendor-manager"));
        decide(f.vendorManager(), plan, id, null, Map.of("outcome", "APPROVE")).statusCode(428);
        decide(f.vendorManager(), plan, id, "\"7\"", Map.of("outcome", "APPROVE")).statusCode(412);
        decide(f.vendorManager(), plan, id, "\"0\"", Map.of("outcome", "APPROVE")).statusCode(200).header("ETag", "\"1\"")
                .body("status", equalTo("PENDING_APPROVAL")).body("awaitingLevel", equalTo(2))
                .body("awaitingRole", equalTo("executive-sponsor")).body("decisions[0].decidedBy", equalTo("vm@contoso.test"))
                .body("decisions[0].amount", equalTo("6000"));
        assertCommitted(f, plan, budget, "0");

        // Four eyes: the manager who approved level 1 does not approve level 2, even holding the sponsor's role.
        String managerAndSponsor = DevTokens.tokenFor(f.tenant(), f.vendor(), "vm@contoso.test", Roles.VENDOR_MANAGER,
                Roles.EXECUTIVE_SPONSOR);
        decide(managerAndSponsor, plan, id, "\"1\"", Map.of("outcome", "APPROVE")).statusCode(403)
                .body("detail", containsString("four eyes"));
        decide(sponsor, plan, id, "\"1\"", Map.of("outcome", "APPROVE", "amount", "6500", "reason", "More"))
                .statusCode(400).body("errors[0].field", equalTo("amount"));
        decide(sponsor, plan, id, "\"1\"", Map.of("outcome", "APPROVE")).statusCode(200)
                .body("status", equalTo("APPROVED")).body("approvedAmount", equalTo("6000")).body("awaitingLevel", nullValue())
                .body("claimBy", equalTo("2027-07-29")).body("decisions", hasSize(2));
        assertCommitted(f, plan, budget, "6000");
        decide(sponsor, plan, id, "\"2\"", Map.of("outcome", "APPROVE")).statusCode(409);
    }

    @Test
    void aPartialApprovalNeedsAReasonAndEndsAtTheLevelsItsAmountNeedsTheBudgetNeverOvercommits() {
        Fixtures f = Fixtures.newTenant();
        String[] pb = activePlanWithBudget(f);
        String plan = pb[0];
        String budget = pb[1];
        String id = submit(f.partnerOwner(), plan, request(budget, "30000", "100")).statusCode(201)
                .body("requestedAmount", equalTo("30000")).extract().path("id");
        decide(f.vendorManager(), plan, id, "\"0\"", Map.of("outcome", "APPROVE", "amount", "4000")).statusCode(400)
                .body("errors[0].field", equalTo("reason"));
        decide(f.vendorManager(), plan, id, "\"0\"", Map.of("outcome", "APPROVE", "amount", "4000", "reason", "Two webinars, not six"))
                .statusCode(200).body("status", equalTo("APPROVED")).body("approvedAmount", equalTo("4000"))
                .body("decisions[0].reason", equalTo("Two webinars, not six"));
        assertCommitted(f, plan, budget, "4000");

        // 4,000 committed of 20,000 planned: a second approval of 17,000 would overcommit the line.
        String second = submit(f.partnerOwner(), plan, request(budget, "17000", "100")).statusCode(201).extract().path("id");
        decide(f.vendorManager(), plan, second, "\"0\"", Map.of("outcome", "APPROVE")).statusCode(200).body("awaitingLevel", equalTo(2));
        String sponsor = DevTokens.tokenFor(f.tenant(), f.vendor(), "sam@contoso.test", Roles.EXECUTIVE_SPONSOR);
        decide(sponsor, plan, second, "\"1\"", Map.of("outcome", "APPROVE")).statusCode(409)
                .body("type", containsString("budget-exceeded")).body("detail", containsString("has 16000 USD left"));
        given().auth().oauth2(f.partnerOwner()).get("/api/v1/plans/{id}/fund-requests/{r}", plan, second).then().statusCode(200)
                .body("status", equalTo("PENDING_APPROVAL")).body("awaitingLevel", equalTo(2));
        decide(sponsor, plan, second, "\"1\"", Map.of("outcome", "REJECT")).statusCode(400).body("errors[0].field", equalTo("reason"));
        decide(sponsor, plan, second, "\"1\"", Map.of("outcome", "REJECT", "reason", "Over the line: ask for 16,000 at most"))
                .statusCode(200).body("status", equalTo("REJECTED")).body("approvedAmount", nullValue());
        assertCommitted(f, plan, budget, "4000");

        given().auth().oauth2(f.partnerOwner()).queryParam("status", "APPROVED").get("/api/v1/plans/{id}/fund-requests", plan)
                .then().statusCode(200).body("items", hasSize(1)).body("items[0].id", equalTo(id));
        given().auth().oauth2(f.partnerOwner()).queryParam("status", "SIGNED").get("/api/v1/plans/{id}/fund-requests", plan)
                .then().statusCode(400).body("errors[0].field", equalTo("status"));
    }

    @Test
    void anotherPartnerSeesNothingAndTheRequestMustFitThePlan() {
        Fixtures f = Fixtures.newTenant();
        String[] pb = activePlanWithBudget(f);
        String plan = pb[0];
        String budget = pb[1];
        String id = submit(f.partnerOwner(), plan, request(budget, "1000", "50")).statusCode(201).extract().path("id");

        UUID other = Fixtures.organisation(DevTokens.token(f.tenant(), null, Roles.TENANT_ADMIN), "Fabrikam", "PARTNER");
        String otherOwner = DevTokens.tokenFor(f.tenant(), other, "owner@fabrikam.test", Roles.PARTNER_OWNER);
        given().auth().oauth2(otherOwner).get("/api/v1/plans/{id}/fund-requests/{r}", plan, id).then().statusCode(404);
        given().auth().oauth2(otherOwner).get("/api/v1/plans/{id}/fund-requests", plan).then().statusCode(404);
        submit(otherOwner, plan, request(budget, "1000", "50")).statusCode(404);
        given().auth().oauth2(otherOwner).header("If-Match", "\"0\"")
                .post("/api/v1/plans/{id}/fund-requests/{r}/withdraw", plan, id).then().statusCode(404);

        Map<String, Object> outside = request(budget, "1000", "50");
        outside.put("endsOn", "2028-03-01");
        submit(f.partnerOwner(), plan, outside).statusCode(400).body("errors[0].field", equalTo("endsOn"));
        Map<String, Object> euros = request(budget, "1000", "50");
        euros.put("currency", "EUR");
        submit(f.partnerOwner(), plan, euros).statusCode(400).body("errors[0].field", equalTo("currency"));
        submit(f.partnerOwner(), plan, request(UUID.randomUUID().toString(), "1000", "50")).statusCode(400)
                .body("errors[0].field", equalTo("budgetId"));
        Map<String, Object> strategy = request(budget, "1000", "50");
        strategy.put("strategyKey", "no-such-strategy");
        submit(f.partnerOwner(), plan, strategy).statusCode(400).body("errors[0].field", equalTo("strategyKey"));
        submit(f.partnerOwner(), plan, request(budget, "1000", "0")).statusCode(400).body("errors[0].field", equalTo("vendorSharePercent"));

        given().auth().oauth2(f.partnerOwner()).header("If-Match", "\"0\"")
                .post("/api/v1/plans/{id}/fund-requests/{r}/withdraw", plan, id).then().statusCode(200)
                .body("status", equalTo("WITHDRAWN")).body("awaitingLevel", nullValue());
        decide(f.vendorManager(), plan, id, "\"1\"", Map.of("outcome", "APPROVE")).statusCode(409);
    }

    private static void assertCommitted(Fixtures f, String plan, String budget, String expected) {
        org.junit.jupiter.api.Assertions.assertEquals(expected, committed(f, plan, budget));
    }
}
