package io.partnerplan.plan.template;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.partnerplan.plan.Fixtures;
import io.partnerplan.platform.security.Roles;
import io.partnerplan.platform.testing.DevTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Templates: a vendor manager saves a plan as a template and drafts new plans from it; partners see only those shared with them. */
@QuarkusTest
class TemplatesTest {

    private static Map<String, Object> newPlan(Fixtures f, String start, String end) {
        return Map.of("partnerOrganisationId", f.partner().toString(), "title", "From the playbook",
                "horizonStart", start, "horizonEnd", end);
    }

    private static String template(Fixtures f) {
        UUID plan = f.draftPlan("FY27");
        given().auth().oauth2(f.vendorManager()).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(Map.of("jointValueProposition", "Cloud for manufacturers",
                        "marketingPlan", Map.of("strategies", List.of(Map.of("key", "webinars", "title", "Webinar series")))))
                .put("/api/v1/plans/{id}/sections", plan).then().statusCode(200);
        given().auth().oauth2(f.vendorManager()).contentType(ContentType.JSON)
                .body(Map.of("title", "Grow revenue", "measures", List.of(Map.of("kpi", "revenue", "target", "500000")),
                        "periodStart", "2027-02-01", "periodEnd", "2027-07-31"))
                .post("/api/v1/plans/{id}/objectives", plan).then().statusCode(201);
        given().auth().oauth2(f.vendorManager()).contentType(ContentType.JSON)
                .body(Map.of("title", "First webinar", "owner", "vm@contoso.test", "dueOn", "2027-03-03", "strategyKey", "webinars"))
                .post("/api/v1/plans/{id}/actions", plan).then().statusCode(201);
        given().auth().oauth2(f.vendorManager()).contentType(ContentType.JSON)
                .body(Map.of("title", "Launch", "dueOn", "2027-04-30", "criteria", List.of(
                        Map.of("kind", "CHECKLIST", "items", List.of(Map.of("text", "Webinar held", "done", true))),
                        Map.of("kind", "KPI", "kpi", "revenue", "threshold", "100000", "windowStart", "2027-02-01", "windowEnd", "2027-04-30"))))
                .post("/api/v1/plans/{id}/milestones", plan).then().statusCode(201);
        return given().auth().oauth2(f.vendorManager()).contentType(ContentType.JSON)
                .body(Map.of("name", "Cloud reseller playbook", "planId", plan.toString()))
                .post("/api/v1/templates").then().statusCode(201).header("ETag", "\"0\"")
                .body("content.sections.jointValueProposition", equalTo("Cloud for manufacturers"))
                .body("content.objectives[0].startAfterDays", equalTo(0)).body("content.objectives[0].endAfterDays", equalTo(180))
                .body("content.actions[0].dueAfterDays", equalTo(30)).body("content.actions[0].strategyKey", equalTo("webinars"))
                .body("content.milestones[0].dueAfterDays", equalTo(88))
                .body("content.milestones[0].criteria[1].windowEndAfterDays", equalTo(88))
                .extract().path("id");
    }

    @Test
    void aTemplateTakesNoPartnerOwnedContentSoAnotherPartnerNeverReadsIt() {
        Fixtures f = Fixtures.newTenant();
        UUID plan = f.draftPlan("FY27 with Northwind");
        f.addPartnerOwner(plan);
        given().auth().oauth2(f.partnerOwner()).contentType("application/merge-patch+json").header("If-Match", "\"0\"")
                .body(Map.of("partnerSwot", Map.of("weaknesses", List.of("Cash flow is tight this year")),
                        "partnerStatements", Map.of("strategy", "Exit the public sector"),
                        "partnerCompetencies", List.of("Kubernetes"), "jointValueProposition", "Cloud for manufacturers"))
                .patch("/api/v1/plans/{id}/sections", plan).then().statusCode(200);
        String template = given().auth().oauth2(f.vendorManager()).contentType(ContentType.JSON)
                .body(Map.of("name", "Playbook", "planId", plan.toString()))
                .post("/api/v1/templates").then().statusCode(201)
                .body("content.sections.jointValueProposition", equalTo("Cloud for manufacturers"))
                .body("content.sections.partnerSwot", org.hamcrest.Matchers.nullValue())
                .body("content.sections.partnerStatements", org.hamcrest.Matchers.nullValue())
                .body("content.sections.partnerCompetencies", hasSize(0)).extract().path("id");
        // A plan with another partner, from the template: none of Northwind's own content.
        String admin = DevTokens.token(f.tenant(), null, Roles.TENANT_ADMIN);
        UUID fabrikam = Fixtures.organisation(admin, "Fabrikam", "PARTNER");
        String other = given().auth().oauth2(f.vendorManager()).contentType(ContentType.JSON)
                .body(Map.of("partnerOrganisationId", fabrikam.toString(), "title", "FY27 with Fabrikam",
                        "horizonStart", "2027-02-01", "horizonEnd", "2028-01-31"))
                .post("/api/v1/templates/{t}/plans", template).then().statusCode(201).extract().path("id");
        given().auth().oauth2(DevTokens.token(f.tenant(), fabrikam, Roles.PARTNER_OWNER)).get("/api/v1/plans/{id}/sections", other)
                .then().statusCode(200).body("jointValueProposition", equalTo("Cloud for manufacturers"))
                .body("partnerSwot", org.hamcrest.Matchers.nullValue()).body("partnerStatements", org.hamcrest.Matchers.nullValue());
        given().auth().oauth2(DevTokens.token(f.tenant(), fabrikam, Roles.PARTNER_OWNER)).get("/api/v1/templates").then()
                .statusCode(200).body("items", hasSize(0));
    }

    @Test
    void aPlanSavedAsATemplateStartsANewPlanInAnotherHorizon() {
        Fixtures f = Fixtures.newTenant();
        String template = template(f);
        given().auth().oauth2(DevTokens.token(f.tenant(), f.vendor(), Roles.CONTRIBUTOR)).get("/api/v1/templates").then()
                .statusCode(200).body("items", hasSize(1)).body("items[0].name", equalTo("Cloud reseller playbook"));

        String plan = given().auth().oauth2(f.vendorManager()).contentType(ContentType.JSON)
                .body(newPlan(f, "2029-01-01", "2029-12-31")).post("/api/v1/templates/{t}/plans", template).then()
                .statusCode(201).body("status", equalTo("DRAFT")).body("title", equalTo("From the playbook"))
                .extract().path("id");
        given().auth().oauth2(f.partnerOwner()).get("/api/v1/plans/{id}/sections", plan).then()
                .body("jointValueProposition", equalTo("Cloud for manufacturers"))
                .body("marketingPlan.strategies[0].key", equalTo("webinars"));
        given().auth().oauth2(f.partnerOwner()).get("/api/v1/plans/{id}/objectives", plan).then()
                .body("items[0].periodStart", equalTo("2029-01-01")).body("items[0].periodEnd", equalTo("2029-06-30"))
                .body("items[0].measures[0].target", equalTo("500000"));
        given().auth().oauth2(f.partnerOwner()).get("/api/v1/plans/{id}/actions", plan).then()
                .body("items", hasSize(1)).body("items[0].dueOn", equalTo("2029-01-31")).body("items[0].owner", equalTo("vm@contoso.test"))
                .body("items[0].status", equalTo("OPEN")).body("items[0].strategyKey", equalTo("webinars"));
        given().auth().oauth2(f.partnerOwner()).get("/api/v1/plans/{id}/milestones", plan).then()
                .body("items", hasSize(1)).body("items[0].dueOn", equalTo("2029-03-30"))
                .body("items[0].criteria[0].items[0].done", equalTo(false))
                .body("items[0].criteria[1].windowEnd", equalTo("2029-03-30"));
        // A shorter horizon: what lies beyond it moves to its last day.
        String shortPlan = given().auth().oauth2(f.vendorManager()).contentType(ContentType.JSON)
                .body(newPlan(f, "2029-01-01", "2029-02-28")).post("/api/v1/templates/{t}/plans", template).then()
                .statusCode(201).extract().path("id");
        given().auth().oauth2(f.vendorManager()).get("/api/v1/plans/{id}/milestones", shortPlan).then()
                .body("items[0].dueOn", equalTo("2029-02-28"));

        given().auth().oauth2(f.vendorManager()).header("If-Match", "\"5\"").delete("/api/v1/templates/{t}", template).then()
                .statusCode(412).contentType("application/problem+json");
        given().auth().oauth2(f.vendorManager()).header("If-Match", "\"0\"").delete("/api/v1/templates/{t}", template).then()
                .statusCode(204);
        given().auth().oauth2(f.vendorManager()).get("/api/v1/templates/{t}", template).then().statusCode(404);
        given().auth().oauth2(f.vendorManager()).get("/api/v1/plans/{id}", plan).then().statusCode(200);
    }

    @Test
    void badInputIsNamedByField() {
        Fixtures f = Fixtures.newTenant();
        String template = template(f);
        given().auth().oauth2(f.vendorManager()).contentType(ContentType.JSON).body(Map.of("name", " ", "planId", UUID.randomUUID().toString()))
                .post("/api/v1/templates").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("name"));
        given().auth().oauth2(f.vendorManager()).contentType(ContentType.JSON).body(Map.of("name", "x", "planId", UUID.randomUUID().toString()))
                .post("/api/v1/templates").then().statusCode(400).body("errors[0].field", equalTo("planId"));
        given().auth().oauth2(f.vendorManager()).contentType(ContentType.JSON).body(newPlan(f, "2029-01-01", "2028-01-01"))
                .post("/api/v1/templates/{t}/plans", template).then().statusCode(400).body("errors[0].field", equalTo("horizonEnd"));
        given().auth().oauth2(f.vendorManager()).contentType(ContentType.JSON)
                .body(Map.of("partnerOrganisationId", f.vendor().toString(), "title", "x", "horizonStart", "2029-01-01", "horizonEnd", "2029-12-31"))
                .post("/api/v1/templates/{t}/plans", template).then().statusCode(400).body("errors[0].field", equalTo("partnerOrganisationId"));
        given().auth().oauth2(f.partnerOwner()).contentType(ContentType.JSON).body(Map.of("name", "x", "planId", UUID.randomUUID().toString()))
                .post("/api/v1/templates").then().statusCode(403);
    }

    @Test
    void partnersAndAnotherTenantDoNotSeeTemplates() {
        Fixtures f = Fixtures.newTenant();
        String template = template(f);
        given().auth().oauth2(f.partnerOwner()).get("/api/v1/templates").then().statusCode(200).body("items", hasSize(0));
        given().auth().oauth2(f.partnerOwner()).get("/api/v1/templates/{t}", template).then().statusCode(404);
        String otherPartnersVendorManager = DevTokens.token(f.tenant(), UUID.randomUUID(), Roles.VENDOR_MANAGER);
        String otherTenant = DevTokens.tokenFor("x-" + f.tenant(), f.vendor(), "vm@contoso.test", Roles.VENDOR_MANAGER);
        for (String stranger : new String[] { otherPartnersVendorManager, otherTenant }) {
            given().auth().oauth2(stranger).get("/api/v1/templates/{t}", template).then().statusCode(404);
            given().auth().oauth2(stranger).get("/api/v1/templates").then().body("items", hasSize(0));
            given().auth().oauth2(stranger).header("If-Match", "*").delete("/api/v1/templates/{t}", template).then().statusCode(404);
            given().auth().oauth2(stranger).contentType(ContentType.JSON).body(newPlan(f, "2029-01-01", "2029-12-31"))
                    .post("/api/v1/templates/{t}/plans", template).then().statusCode(404);
        }
        given().auth().oauth2(f.vendorManager()).get("/api/v1/templates/{t}", template).then().statusCode(200);
    }

    @Test
    void aVendorSharesTemplatesWithAllPartnersOrChosenOnesAndAPartnerReadsOnlyThoseWithoutLearningWhomElse() {
        Fixtures f = Fixtures.newTenant();
        String kept = template(f);
        String shared = template(f);
        String admin = DevTokens.token(f.tenant(), null, Roles.TENANT_ADMIN);
        UUID fabrikam = Fixtures.organisation(admin, "Fabrikam", "PARTNER");
        String fabrikamOwner = DevTokens.token(f.tenant(), fabrikam, Roles.PARTNER_OWNER);
        String northwind = f.partnerOwner();
        Map<String, Object> withNorthwind = Map.of("allPartners", false, "partnerOrganisationIds", List.of(f.partner().toString()));

        // Only the vendor's manager shares, with the version last read, with partner organisations of the tenant.
        given().auth().oauth2(f.vendorManager()).contentType(ContentType.JSON).body(withNorthwind)
                .put("/api/v1/templates/{t}/sharing", shared).then().statusCode(428);
        given().auth().oauth2(northwind).contentType(ContentType.JSON).body(withNorthwind).header("If-Match", "\"0\"")
                .put("/api/v1/templates/{t}/sharing", shared).then().statusCode(403);
        given().auth().oauth2(f.vendorManager()).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(Map.of("allPartners", false, "partnerOrganisationIds", List.of(f.partner().toString(), f.vendor().toString())))
                .put("/api/v1/templates/{t}/sharing", shared).then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("partnerOrganisationIds[1]"));
        given().auth().oauth2(f.vendorManager()).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(Map.of("allPartners", true, "partnerOrganisationIds", List.of(f.partner().toString())))
                .put("/api/v1/templates/{t}/sharing", shared).then().statusCode(400)
                .body("errors[0].field", equalTo("partnerOrganisationIds"));
        given().auth().oauth2(f.vendorManager()).contentType(ContentType.JSON).body(withNorthwind).header("If-Match", "\"0\"")
                .put("/api/v1/templates/{t}/sharing", shared).then().statusCode(200).header("ETag", "\"1\"")
                .body("sharing.allPartners", equalTo(false))
                .body("sharing.partnerOrganisationIds", org.hamcrest.Matchers.contains(f.partner().toString()));

        // Northwind reads the one shared with it, not who else has it; never the other; Fabrikam reads none.
        given().auth().oauth2(northwind).get("/api/v1/templates").then().statusCode(200)
                .body("items.id", org.hamcrest.Matchers.contains(shared))
                .body("items[0].content.objectives[0].title", equalTo("Grow revenue"))
                .body("items[0].sharing", org.hamcrest.Matchers.nullValue());
        given().auth().oauth2(northwind).get("/api/v1/templates/{t}", shared).then().statusCode(200)
                .body("sharing", org.hamcrest.Matchers.nullValue());
        given().auth().oauth2(northwind).get("/api/v1/templates/{t}", kept).then().statusCode(404);
        given().auth().oauth2(fabrikamOwner).get("/api/v1/templates").then().statusCode(200).body("items", hasSize(0));
        given().auth().oauth2(fabrikamOwner).get("/api/v1/templates/{t}", shared).then().statusCode(404);
        // Reading is all a partner does with it: drafting, sharing and deleting stay the vendor's.
        given().auth().oauth2(northwind).contentType(ContentType.JSON).body(newPlan(f, "2029-01-01", "2029-12-31"))
                .post("/api/v1/templates/{t}/plans", shared).then().statusCode(403);
        given().auth().oauth2(northwind).header("If-Match", "\"1\"").delete("/api/v1/templates/{t}", shared).then().statusCode(403);
        String northwindsVendorManager = DevTokens.token(f.tenant(), f.partner(), Roles.VENDOR_MANAGER);
        given().auth().oauth2(northwindsVendorManager).header("If-Match", "\"1\"").delete("/api/v1/templates/{t}", shared)
                .then().statusCode(404);

        // Shared with all partners: Fabrikam too, and partners added later.
        given().auth().oauth2(f.vendorManager()).contentType(ContentType.JSON).body(Map.of("allPartners", true))
                .header("If-Match", "\"0\"").put("/api/v1/templates/{t}/sharing", kept).then().statusCode(200)
                .body("sharing.allPartners", equalTo(true)).body("sharing.partnerOrganisationIds", hasSize(0));
        given().auth().oauth2(fabrikamOwner).get("/api/v1/templates").then().body("items.id", org.hamcrest.Matchers.contains(kept));
        given().auth().oauth2(northwind).get("/api/v1/templates").then()
                .body("items.id", org.hamcrest.Matchers.containsInAnyOrder(kept, shared));
        UUID latecomer = Fixtures.organisation(admin, "Tailspin", "PARTNER");
        given().auth().oauth2(DevTokens.token(f.tenant(), latecomer, Roles.VIEWER)).get("/api/v1/templates/{t}", kept)
                .then().statusCode(200);
        // Another tenant's partner never.
        given().auth().oauth2(DevTokens.token("x-" + f.tenant(), fabrikam, Roles.PARTNER_OWNER)).get("/api/v1/templates/{t}", kept)
                .then().statusCode(404);

        // Sharing with nobody takes it back.
        given().auth().oauth2(f.vendorManager()).contentType(ContentType.JSON).body(Map.of("allPartners", false))
                .header("If-Match", "\"1\"").put("/api/v1/templates/{t}/sharing", shared).then().statusCode(200);
        given().auth().oauth2(northwind).get("/api/v1/templates").then().body("items.id", org.hamcrest.Matchers.contains(kept));
        given().auth().oauth2(f.vendorManager()).get("/api/v1/templates").then().body("items", hasSize(2));
    }
}
