package io.partnerplan.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;

import io.partnerplan.platform.testing.DevTokens;
import io.partnerplan.platform.testing.KafkaProbe;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * The joint-business-planning journey (issue 10), through the gateway only, with dev tokens of both
 * sides, from a CRM sync to the renewal of the plan for the next MOP year. Each step checks what the
 * other services learnt through Kafka. Time is moved, not waited for: the e2e stack's services read a
 * clock that {@code POST /test-support/clock} (on each service's own port) moves forward. The
 * requests and answers are docs/walkthrough.md ({@link Walkthrough}).
 */
@Order(Integer.MAX_VALUE) // it moves the stack's clock forward: after the other e2e tests
class JourneyIT {

    private static final String PROBLEM = "application/problem+json";
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    /** The services' own ports on the e2e stack (scripts/stack: gateway + 1 .. + 4). */
    private static final List<Integer> SERVICE_PORTS = List.of(E2eStack.GATEWAY + 1, E2eStack.GATEWAY + 2,
            E2eStack.GATEWAY + 3, E2eStack.GATEWAY + 4);
    /** GreenMail's REST API (scripts/stack: base + 5). */
    private static final int MAIL_API = E2eStack.GATEWAY + 5;

    private static HttpServer webhookReceiver;
    /** The event types of the webhook calls received, in order. */
    private static final List<String> webhookCalls = Collections.synchronizedList(new ArrayList<>());
    /** The PartnerPlan-Signature header and the raw body of each webhook call received. */
    private static final List<String[]> signedCalls = Collections.synchronizedList(new ArrayList<>());

    @BeforeAll
    static void stack() throws Exception {
        E2eStack.ensureUp();
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
        // The partner's integration platform: receives the webhook calls notification-service makes.
        webhookReceiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        webhookReceiver.createContext("/hooks/partnerplan", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            signedCalls.add(new String[] {exchange.getRequestHeaders().getFirst("PartnerPlan-Signature"),
                    new String(body, java.nio.charset.StandardCharsets.UTF_8)});
            webhookCalls.add(exchange.getRequestHeaders().getFirst("PartnerPlan-Event-Type"));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        webhookReceiver.start();
    }

    @AfterAll
    static void stopReceiver() {
        if (webhookReceiver != null) {
            webhookReceiver.stop(0);
        }
    }

    @Test
    void fromCrmSyncToTheRenewalOfThePlanForTheNextMopYear() throws IOException {
        String tenant = "journey-" + UUID.randomUUID().toString().substring(0, 8);
        Walkthrough walk = new Walkthrough(tenant);
        walk.text("""
                # Walkthrough: a year of joint business planning, through the gateway

                The journey of issue 10, as curl commands you can paste. It is recorded by `e2e/JourneyIT`
                from the requests it makes and the answers it gets, and that test fails when this document
                is stale (`./mvnw verify -pl e2e -Dit.test=JourneyIT -Dwalkthrough.update=true` rewrites it).
                Ids and times differ on your machine: ids you need again are kept in shell variables
                (`$PLAN`), others show as `<id>`, times as `<time>`.

                You need bash, curl and jq, and a clone of this repository (its scripts start the stack and
                mint dev tokens; they find a JDK 25 themselves). Sections 1 to 3 run on the stack the README
                starts (`scripts/stack up`). From section 4 the journey moves time forward (a quarter closes, a
                review comes due), which only the end-to-end stack allows: its clock can be moved
                (`partnerplan.clock.controllable`, never in production). To run the whole journey, start that
                one with its gateway on port 8080:

                ```bash
                PP_PORT_BASE=8080 scripts/stack up --name e2e --no-demo
                GW=http://localhost:8080
                TENANT=walkthrough-$RANDOM
                HOOK_URL=https://webhook.site/<your-id>   # any URL that answers 2xx receives the webhook calls
                # Moves every service's clock (each on its own port; the gateway does not route /test-support),
                # and stops with a message on a stack whose clock cannot be moved.
                move_clock() {
                  for port in 8081 8082 8083 8084; do
                    curl -sf -o /dev/null -X POST "http://localhost:$port/test-support/clock" -H 'Content-Type: application/json' \\
                      -d "{\\"advanceTo\\": \\"$1\\"}" || { echo "The clock on port $port cannot be moved: start the end-to-end stack (above) for this part" >&2; return 1; }
                  done
                  echo "It is now $1 on every service"
                }
                ```
                """);

        // 1. ------------------------------------------------------------------------------------------
        walk.text("""
                ## 1. A CRM sync creates the vendor and the partner; each gets its fiscal calendar

                The vendor's fiscal year starts on 1 February, the partner's on 1 January. The CRM upserts
                both by their external ids: `201` the first time, `200` (unchanged, version 0) the next.
                """);
        String sync = DevTokens.tokenFor(tenant, null, "crm-sync@contoso.example", "integration");
        walk.token("SYNC", null, "integration", "crm-sync@contoso.example");
        String vendor = walk.name("VENDOR", as(sync, walk.call("SYNC", "VENDOR", null, null)).body("""
                {"name": "Contoso Cloud", "kind": "VENDOR", "timeZone": "America/Los_Angeles"}""")
                .put("/api/v1/organisations/by-external-id/crm:salesforce/0015g00000VEND")
                .then().statusCode(201).extract().path("id"));
        String partner = walk.name("PARTNER", as(sync, walk.call("SYNC", "PARTNER", null, null)).body("""
                {"name": "Northwind Resellers", "kind": "PARTNER", "timeZone": "Europe/London"}""")
                .put("/api/v1/organisations/by-external-id/crm:salesforce/0015g00000PART")
                .then().statusCode(201).extract().path("id"));
        as(sync, walk.call("SYNC")).body("""
                {"name": "Northwind Resellers", "kind": "PARTNER", "timeZone": "Europe/London"}""")
                .put("/api/v1/organisations/by-external-id/crm:salesforce/0015g00000PART")
                .then().statusCode(200).body("id", equalTo(partner)).body("version", equalTo(0));

        walk.text("The people: Maria manages the partnership for the vendor, Paul owns it at the partner, "
                + "Petra is Paul's colleague, a tenant admin looks after the KPI library, and the partner's CRM reports figures.");
        String vm = DevTokens.tokenFor(tenant, UUID.fromString(vendor), "maria@contoso.example", "vendor-manager");
        String po = DevTokens.tokenFor(tenant, UUID.fromString(partner), "paul@northwind.example", "partner-owner");
        String petra = DevTokens.tokenFor(tenant, UUID.fromString(partner), "petra@northwind.example", "contributor");
        String admin = DevTokens.tokenFor(tenant, null, "admin@contoso.example", "tenant-admin");
        String crm = DevTokens.tokenFor(tenant, UUID.fromString(partner), "crm@northwind.example", "integration");
        walk.token("VM", vendor, "vendor-manager", "maria@contoso.example");
        walk.token("PO", partner, "partner-owner", "paul@northwind.example");
        walk.token("PETRA", partner, "contributor", "petra@northwind.example");
        walk.token("ADMIN", null, "tenant-admin", "admin@contoso.example");
        walk.token("CRM", partner, "integration", "crm@northwind.example");

        as(vm, walk.call("VM")).body("""
                {"startMonth": 2, "startDay": 1, "yearNaming": "END_YEAR"}""")
                .put("/api/v1/fiscal-calendars/{org}", vendor).then().statusCode(201);
        as(po, walk.call("PO")).body("""
                {"startMonth": 1, "startDay": 1, "yearNaming": "END_YEAR"}""")
                .put("/api/v1/fiscal-calendars/{org}", partner).then().statusCode(201);

        // 2. ------------------------------------------------------------------------------------------
        walk.text("""
                ## 2. A Mutual Operating Period: proposed, countered, agreed

                Both sides' quarter-ends side by side; Maria proposes the vendor's calendar, Paul counters with
                quarters that end when both sides' do, Maria accepts. `mop.agreed` reaches kpi-service (the
                periods plans are measured in) and plan-service.
                """);
        given().auth().oauth2(po).filter(walk.call("PO"))
                .get("/api/v1/partnerships/{v}/{p}/quarter-ends?from=2027-01-01&to=2027-12-31", vendor, partner)
                .then().statusCode(200).body("vendor", hasSize(4)).body("partner", hasSize(4));
        as(vm, walk.call("VM")).body("""
                {"vendorOrganisationId": "%s", "partnerOrganisationId": "%s", "form": "VENDOR_CALENDAR", "start": "2027-02-01"}"""
                .formatted(vendor, partner)).post("/api/v1/mops").then().statusCode(201);
        String mop = walk.name("MOP", as(po, walk.call("PO", "MOP", null, null)).body("""
                {"vendorOrganisationId": "%s", "partnerOrganisationId": "%s", "form": "SHARED_QUARTER_END", "start": "2027-02-01"}"""
                .formatted(vendor, partner)).post("/api/v1/mops").then().statusCode(201).extract().path("id"));
        given().auth().oauth2(vm).header("If-Match", "\"0\"").filter(walk.call("VM"))
                .post("/api/v1/mops/{id}/accept", mop).then().statusCode(200).body("status", equalTo("AGREED"));

        // 3. ------------------------------------------------------------------------------------------
        walk.text("""
                ## 3. The plan: drafted, filled in by both sides, proposed and signed

                Maria drafts the plan for the MOP year from her team's template; Paul (partner owner) and Petra
                (contributor) join it from Northwind's directory. Both sides write their sections; objectives per MOP quarter; a KPI
                milestone per quarter, the second with a conditional investment (market development funds
                unlocked when it is achieved); a checklist milestone.
                """);
        walk.text("The tenant admin defines the KPI the plan measures in the tenant's library:");
        as(admin, walk.call("ADMIN")).body("""
                {"key": "revenue", "name": "Revenue", "unit": "CURRENCY", "currency": "USD",
                 "direction": "HIGHER_IS_BETTER", "aggregation": "SUM"}""").post("/api/v1/kpis").then().statusCode(201);
        walk.text("""
                Maria does not start from a blank page. Her playbook is the plan she wrote with Fabrikam, another
                partner the CRM synced: her side's statements and SWOT, the marketing and sales strategies and
                the quarterly revenue objectives. She saves it as a template.
                """);
        String fabrikam = walk.name("FABRIKAM", as(sync, walk.call("SYNC", "FABRIKAM", null, null)).body("""
                {"name": "Fabrikam Systems", "kind": "PARTNER", "timeZone": "Europe/Berlin"}""")
                .put("/api/v1/organisations/by-external-id/crm:salesforce/0015g00000FABR")
                .then().statusCode(201).extract().path("id"));
        String playbook = walk.name("PLAYBOOK", as(vm, walk.call("VM", "PLAYBOOK", null, null)).body("""
                {"partnerOrganisationId": "%s", "title": "Contoso x Fabrikam FY28",
                 "horizonStart": "2027-03-01", "horizonEnd": "2028-02-29", "reviewCadence": "QUARTERLY"}"""
                .formatted(fabrikam)).post("/api/v1/plans").then().statusCode(201).extract().path("id"));
        as(vm, walk.call("VM", null, "{vendorStatements}", n -> ordered("vendorStatements", n.get("vendorStatements"))))
                .header("If-Match", "\"0\"").body("""
                {"vendorStatements": {"vision": "Every mid-market business runs on Contoso Cloud",
                                      "strategy": "Grow through partners who migrate and run workloads"},
                 "vendorSwot": {"strengths": ["Leading migration tooling"], "weaknesses": ["Few UK engineers"],
                                "opportunities": ["Windows Server end of support"], "threats": ["Hyperscaler direct sales"]},
                 "marketingPlan": {"strategies": [{"key": "webinars", "title": "Quarterly joint webinars"}]},
                 "salesPlan": {"strategies": [{"key": "upsell", "title": "Upsell the installed base"}]}}""")
                .put("/api/v1/plans/{id}/sections", playbook).then().statusCode(200);
        as(vm, walk.call("VM")).body("""
                {"title": "Grow cloud revenue in MOP Q1", "measures": [{"kpi": "revenue", "target": "500000"}],
                 "periodStart": "2027-03-01", "periodEnd": "2027-05-31"}""")
                .post("/api/v1/plans/{id}/objectives", playbook).then().statusCode(201);
        as(vm, walk.call("VM")).body("""
                {"title": "Grow cloud revenue in MOP Q2", "measures": [{"kpi": "revenue", "target": "300000"}],
                 "periodStart": "2027-06-01", "periodEnd": "2027-08-31"}""")
                .post("/api/v1/plans/{id}/objectives", playbook).then().statusCode(201);
        String template = walk.name("TEMPLATE", as(vm, walk.call("VM", "TEMPLATE", "{id, name, objectives: [.content.objectives[] | {title, startAfterDays, endAfterDays}]}",
                n -> ordered("id", n.get("id"), "name", n.get("name"), "objectives", list(n.at("/content/objectives"),
                        o -> ordered("title", o.get("title"), "startAfterDays", o.get("startAfterDays"), "endAfterDays", o.get("endAfterDays"))))))
                .body("""
                {"name": "Cloud reseller playbook", "planId": "%s"}""".formatted(playbook))
                .post("/api/v1/templates").then().statusCode(201).extract().path("id"));

        walk.text("""
                She drafts the Northwind plan from the template for the MOP year (dates in a template are days
                from the horizon's start).
                """);
        String plan = walk.name("PLAN", as(vm, walk.call("VM", "PLAN", null, null)).body("""
                {"partnerOrganisationId": "%s", "title": "Contoso x Northwind FY28",
                 "horizonStart": "2027-03-01", "horizonEnd": "2028-02-29", "reviewCadence": "QUARTERLY"}"""
                .formatted(partner)).post("/api/v1/templates/{t}/plans", template).then().statusCode(201).extract().path("id"));
        Walkthrough.Call objectivesFromTemplate = walk.call("VM", null, "[.items[] | {title, measures, periodStart, periodEnd}]",
                n -> list(n.get("items"), o -> ordered("title", o.get("title"), "measures", o.get("measures"),
                        "periodStart", o.get("periodStart"), "periodEnd", o.get("periodEnd"))));
        List<Map<String, Object>> objectives = given().auth().oauth2(vm).filter(objectivesFromTemplate)
                .get("/api/v1/plans/{id}/objectives", plan).then().statusCode(200).body("items", hasSize(2))
                .body("items.periodEnd", hasItems("2027-05-31", "2027-08-31")).extract().path("items");
        String q1Objective = walk.lookup("Q1_OBJECTIVE", "VM", "/api/v1/plans/" + plan + "/objectives",
                ".items[] | select(.periodEnd == \"2027-05-31\") | .id", objectiveId(objectives, "Grow cloud revenue in MOP Q1"));
        String q2Objective = walk.lookup("Q2_OBJECTIVE", "VM", "/api/v1/plans/" + plan + "/objectives",
                ".items[] | select(.periodEnd == \"2027-08-31\") | .id", objectiveId(objectives, "Grow cloud revenue in MOP Q2"));
        walk.text("""
                People come from their organisation's directory, never from whoever adds them to a plan. Northwind's
                CRM (its integration client) keeps Northwind's people there by its own ids; each person's token keeps
                their entry current when they call. Nobody else sets a person's name, address or language.
                """);
        as(crm, walk.call("CRM")).body("""
                {"subject": "paul@northwind.example", "displayName": "Paul Partner", "email": "paul@northwind.example",
                 "locale": "en-GB", "timeZone": "Europe/London"}""")
                .put("/api/v1/people/by-external-id/crm:salesforce/0035g00000PAUL").then().statusCode(201)
                .body("organisationId", equalTo(partner));
        as(crm, walk.call("CRM")).body("""
                {"subject": "petra@northwind.example", "displayName": "Petra Partner", "email": "petra@northwind.example",
                 "locale": "en-GB", "timeZone": "Europe/London"}""")
                .put("/api/v1/people/by-external-id/crm:salesforce/0035g00000PETR").then().statusCode(201);
        walk.text("""
                Each side puts its own people on the plan: Maria manages the vendor's, Paul the partner's. He joins
                as the partner's owner and adds Petra, by their subjects in the directory; their addresses come with them.
                """);
        as(po, walk.call("PO")).body("""
                {"subject": "paul@northwind.example", "role": "partner-owner"}""")
                .post("/api/v1/plans/{id}/members", plan).then().statusCode(201).body("email", equalTo("paul@northwind.example"));
        as(po, walk.call("PO")).body("""
                {"subject": "petra@northwind.example", "role": "contributor"}""")
                .post("/api/v1/plans/{id}/members", plan).then().statusCode(201);
        walk.text("Paul reads the sections the template laid out and writes the partner's side into them with a JSON Merge "
                + "Patch under the plan's ETag: what he does not send stays as it is, and the vendor's own sections are "
                + "read-only to him:");
        String sectionsTag = given().auth().oauth2(po).filter(walk.call("PO", null, "{vendorStatements, salesPlan}",
                        n -> ordered("vendorStatements", n.get("vendorStatements"), "salesPlan", n.get("salesPlan"))))
                .get("/api/v1/plans/{id}/sections", plan).then().statusCode(200)
                .body("vendorStatements.vision", equalTo("Every mid-market business runs on Contoso Cloud")).extract().header("ETag");
        as(po, walk.call("PO", null, "{partnerStatements, jointValueProposition}", n -> ordered("partnerStatements",
                n.get("partnerStatements"), "jointValueProposition", n.get("jointValueProposition")))).header("If-Match", sectionsTag)
                .contentType("application/merge-patch+json").body("""
                {"partnerStatements": {"vision": "The UK mid-market's cloud advisor"},
                 "partnerSwot": {"strengths": ["200 certified engineers"], "weaknesses": ["No presence in Scotland"],
                                 "opportunities": ["Public sector migrations"], "threats": ["Hyperscaler direct sales"]},
                 "jointValueProposition": "Cloud migrations in weeks"}""")
                .patch("/api/v1/plans/{id}/sections", plan).then().statusCode(200)
                .body("vendorStatements.vision", equalTo("Every mid-market business runs on Contoso Cloud"));
        walk.text("Then the action items, the budget, the milestones and the investment that depends on one of them:");
        as(po, walk.call("PO")).body("""
                {"title": "Migration workshop for the top 20 accounts", "owner": "paul@northwind.example", "dueOn": "2027-08-15",
                 "strategyKey": "upsell"}""").post("/api/v1/plans/{id}/actions", plan).then().statusCode(201);
        as(vm, walk.call("VM")).body("""
                {"title": "Co-marketing", "fundingParty": "VENDOR", "resourceType": "MARKETING", "kind": "MDF",
                 "currency": "USD", "planned": "40000"}""").post("/api/v1/plans/{id}/budgets", plan).then().statusCode(201);
        String q1Milestone = walk.name("Q1_MILESTONE", as(vm, walk.call("VM", "Q1_MILESTONE", null, null)).body("""
                {"title": "MOP Q1 revenue of 500k", "dueOn": "2027-05-31", "criteria": [
                  {"kind": "KPI", "kpi": "revenue", "threshold": "500000", "windowStart": "2027-03-01", "windowEnd": "2027-05-31"}]}""")
                .post("/api/v1/plans/{id}/milestones", plan).then().statusCode(201).extract().path("id"));
        String q2Milestone = walk.name("Q2_MILESTONE", as(vm, walk.call("VM", "Q2_MILESTONE", null, null)).body("""
                {"title": "MOP Q2 revenue of 300k", "dueOn": "2027-08-31", "criteria": [
                  {"kind": "KPI", "kpi": "revenue", "threshold": "300000", "windowStart": "2027-06-01", "windowEnd": "2027-08-31"}]}""")
                .post("/api/v1/plans/{id}/milestones", plan).then().statusCode(201).extract().path("id"));
        String investment = walk.name("INVESTMENT", as(vm, walk.call("VM", "INVESTMENT", null, null)).body("""
                {"title": "Market development funds for H2", "fundingParty": "VENDOR", "amount": "50000", "currency": "USD",
                 "milestoneId": "%s"}""".formatted(q2Milestone))
                .post("/api/v1/plans/{id}/investments", plan).then().statusCode(201).extract().path("id"));
        as(po, walk.call("PO")).body("""
                {"title": "Joint webinar held", "dueOn": "2027-09-30", "criteria": [
                  {"kind": "CHECKLIST", "items": [{"text": "Speakers confirmed"}, {"text": "Webinar held"}]}]}""")
                .post("/api/v1/plans/{id}/milestones", plan).then().statusCode(201);

        walk.text("Maria proposes and signs; Paul hears that the plan waits for his signature, and signs: the plan is agreed.");
        String etag = given().auth().oauth2(vm).header("If-Match", current(vm, plan)).filter(walk.call("VM", null, ".status", n -> n.get("status")))
                .post("/api/v1/plans/{id}/propose", plan).then().statusCode(200).extract().header("ETag");
        etag = given().auth().oauth2(vm).header("If-Match", etag).filter(walk.call("VM", null, ".status", n -> n.get("status")))
                .post("/api/v1/plans/{id}/sign-off", plan).then().statusCode(200).extract().header("ETag");
        Walkthrough.Call pending = walk.call("PO", null, "[.items[].eventType | select(. == \"plan.signed-off\")]",
                only("plan.signed-off"));
        await().atMost(PATIENCE).untilAsserted(() -> given().auth().oauth2(po).filter(pending)
                .get("/api/v1/notifications/inbox").then().statusCode(200).body("items.eventType", hasItem("plan.signed-off")));
        String signed = etag;
        String agreed = given().auth().oauth2(po).header("If-Match", signed).filter(walk.call("PO", null, ".status", n -> n.get("status")))
                .post("/api/v1/plans/{id}/sign-off", plan).then().statusCode(200).body("status", equalTo("AGREED"))
                .extract().header("ETag");
        walk.text("Maria puts the agreed plan into effect:");
        given().auth().oauth2(vm).header("If-Match", agreed).filter(walk.call("VM", null, ".status", n -> n.get("status")))
                .post("/api/v1/plans/{id}/activate", plan).then().statusCode(200).body("status", equalTo("ACTIVE"));

        walk.text("""
                calendar-service schedules the reviews three business days after the MOP's quarter-ends, and on
                the horizon's last business day. kpi-service knows the plan and its MOP periods (cut to the
                plan's horizon), and the revenue targets per MOP quarter are the objectives both sides signed:
                plan-service announces them (`plan.objectives-agreed`) and kpi-service sets them (green from 100 %,
                amber from 80 % of the target). Nobody types a target twice.
                """);
        Walkthrough.Call schedule = walk.call("PO", null, "[.[] | {sequence, dueOn, status}]",
                n -> list(n, r -> ordered("sequence", r.get("sequence"), "dueOn", r.get("dueOn"), "status", r.get("status"))));
        await().atMost(PATIENCE).untilAsserted(() -> given().auth().oauth2(po).filter(schedule)
                .get("/api/v1/review-schedules/{plan}", plan).then().statusCode(200)
                .body("dueOn", equalTo(List.of("2027-06-03", "2027-09-03", "2027-12-03", "2028-02-29"))));
        Walkthrough.Call periods = walk.call("VM");
        await().atMost(PATIENCE).untilAsserted(() -> given().auth().oauth2(vm).filter(periods)
                .get("/api/v1/targets/{plan}/periods", plan).then().statusCode(200).body("$", hasSize(4)));
        Walkthrough.Call agreedTargets = walk.call("VM", null, "{kpi, periods: [.periods[] | {label, target}], greenAt, amberAt}",
                n -> ordered("kpi", n.get("kpi"), "periods", list(n.get("periods"), p -> ordered("label", p.get("label"),
                        "target", p.get("target"))), "greenAt", n.get("greenAt"), "amberAt", n.get("amberAt")));
        await().atMost(PATIENCE).untilAsserted(() -> given().auth().oauth2(vm).filter(agreedTargets)
                .get("/api/v1/targets/{plan}/revenue", plan).then().statusCode(200)
                .body("periods.target", org.hamcrest.Matchers.contains("500000", "300000")));
        // Nobody outside the partnership sees any of it.
        String stranger = DevTokens.token(tenant, UUID.randomUUID(), "partner-owner");
        given().auth().oauth2(stranger).get("/api/v1/plans/{id}", plan).then().statusCode(404).contentType(PROBLEM);
        given().auth().oauth2(stranger).get("/api/v1/review-schedules/{plan}", plan).then().statusCode(404);
        given().auth().oauth2(stranger).get("/api/v1/mops/{id}", mop).then().statusCode(404);

        // 4. ------------------------------------------------------------------------------------------
        walk.text("""
                ## 4. Figures arrive; the forecast puts the Q1 milestone at risk; Q1 closes below target

                The tenant admin subscribes the vendor's integration platform to milestone, escalation and
                investment events by webhook (here a test server). Paul will be away when MOP Q1 closes and
                declares Petra his delegate.
                """);
        String hookUrl = walk.name("HOOK_URL", "http://127.0.0.1:" + webhookReceiver.getAddress().getPort() + "/hooks/partnerplan");
        walk.text("The answer carries the subscription's signing secret, once: keep it to check that calls come from PartnerPlan.");
        String hookSecret = as(admin, walk.call("ADMIN", "HOOK_SECRET=.secret", null, n -> ordered("url", n.get("url"),
                "eventTypes", n.get("eventTypes"), "active", n.get("active"), "secret", "<shown once; kept in $HOOK_SECRET>"))).body("""
                {"url": "%s", "eventTypes": ["milestone.missed", "escalation.raised", "milestone.achieved", "investment.unlocked"],
                 "description": "Contoso's integration platform"}""".formatted(hookUrl))
                .post("/api/v1/notifications/webhooks").then().statusCode(201).extract().path("secret");
        as(po, walk.call("PO")).body("""
                {"delegateSubject": "petra@northwind.example", "startsOn": "2027-05-28", "endsOn": "2027-06-11",
                 "note": "Family holiday"}""").post("/api/v1/availability").then().statusCode(201);

        walk.text("It is 15 April 2027 (the clock moves on each service's own port; the gateway does not route `/test-support`):");
        advanceClock(walk, "2027-04-15T09:00:00Z");
        walk.text("""
                Paul will be away in the last days of MOP Q1 (its closing window is 18 to 31 May). Six weeks
                ahead of the window calendar-service announces it (`availability.conflict`): both sides' plan
                owners hear of it, with Petra named as his delegate, once.
                """);
        Walkthrough.Call conflict = walk.call("VM", null,
                "[.items[] | select(.eventType == \"availability.conflict\") | {eventType, title, body}]",
                n -> list(n.get("items"), i -> i).stream()
                        .filter(i -> "availability.conflict".equals(i.get("eventType").asText()))
                        .map(i -> ordered("eventType", i.get("eventType"), "title", i.get("title"), "body", i.get("body"))).toList());
        await().atMost(PATIENCE).untilAsserted(() -> given().auth().oauth2(vm).filter(conflict)
                .get("/api/v1/notifications/inbox").then().statusCode(200)
                .body("items.findAll { it.eventType == 'availability.conflict' }.body",
                        hasItem(org.hamcrest.Matchers.containsString("Petra"))));
        await().atMost(PATIENCE).untilAsserted(() -> given().auth().oauth2(po)
                .get("/api/v1/notifications/inbox").then().statusCode(200).body("items.eventType", hasItem("availability.conflict")));
        List<String> mariaTypes = given().auth().oauth2(vm).get("/api/v1/notifications/inbox").then().extract().path("items.eventType");
        assertEquals(1, Collections.frequency(mariaTypes, "availability.conflict"), "announced once: " + mariaTypes);
        walk.text("The partner's CRM uploads the quarter's closed deals so far, as NDJSON (CSV works too):");
        String firstRun = """
                {"planId": "%1$s", "kpi": "revenue", "value": "60000", "currency": "USD", "occurredOn": "2027-03-05", "externalId": "opp-1001"}
                {"planId": "%1$s", "kpi": "revenue", "value": "45000", "currency": "USD", "occurredOn": "2027-03-12", "externalId": "opp-1002"}
                {"planId": "%1$s", "kpi": "revenue", "value": "35000", "currency": "USD", "occurredOn": "2027-04-09", "externalId": "opp-1003"}
                """.formatted(plan);
        given().auth().oauth2(crm).contentType("application/x-ndjson").filter(walk.call("CRM"))
                .body(firstRun.getBytes(StandardCharsets.UTF_8)).post("/api/v1/measurements/bulk").then().statusCode(200);
        walk.text("The scorecard: the current MOP quarter's attainment, its forecast and RAG status.");
        Walkthrough.Call scorecard = walk.call("VM", null, ".kpis[0] | {kpi, periods: [.periods[0]], toDate}",
                n -> ordered("kpi", n.at("/kpis/0/kpi"), "periods", List.of(n.at("/kpis/0/periods/0")), "toDate", n.at("/kpis/0/toDate")));
        await().atMost(PATIENCE).untilAsserted(() -> given().auth().oauth2(vm).filter(scorecard)
                .get("/api/v1/scorecards/{plan}", plan).then().statusCode(200)
                .body("kpis[0].periods[0].actual", equalTo("140000")).body("kpis[0].periods[0].rag", equalTo("RED")));
        walk.text("At this pace the quarter ends far below 500k: kpi-service says the criterion is at risk, plan-service the milestone.");
        Walkthrough.Call atRisk = walk.call("VM", null, "{title, status}", n -> ordered("title", n.get("title"), "status", n.get("status")));
        await().atMost(PATIENCE).untilAsserted(() -> given().auth().oauth2(vm).filter(atRisk)
                .get("/api/v1/plans/{id}/milestones/{m}", plan, q1Milestone).then().statusCode(200).body("status", equalTo("AT_RISK")));

        walk.text("""
                The CRM reports one more deal on the quarter's last day; then it is 1 June: calendar-service
                announces `period.closed`, kpi-service decides the criterion (`kpi.criterion.missed`),
                plan-service marks the milestone missed and raises an escalation in the same transaction.
                """);
        advanceClock(walk, "2027-05-31T12:00:00Z");
        as(crm, walk.call("CRM", null, "{kpi, value, occurredOn, outcome}", n -> ordered("kpi", n.get("kpi"),
                "value", n.get("value"), "occurredOn", n.get("occurredOn"), "outcome", n.get("outcome")))).body("""
                {"planId": "%s", "kpi": "revenue", "value": "250000", "currency": "USD", "occurredOn": "2027-05-31",
                 "externalId": "opp-1004"}""".formatted(plan)).post("/api/v1/measurements").then().statusCode(201);
        advanceClock(walk, "2027-06-01T09:00:00Z");
        Walkthrough.Call missed = walk.call("VM", null, "{title, status}", n -> ordered("title", n.get("title"), "status", n.get("status")));
        await().atMost(PATIENCE).untilAsserted(() -> given().auth().oauth2(vm).filter(missed)
                .get("/api/v1/plans/{id}/milestones/{m}", plan, q1Milestone).then().statusCode(200).body("status", equalTo("MISSED")));
        Walkthrough.Call escalations = walk.call("VM", null, "[.items[] | {cause, title, level, roles, recipients, status}]",
                n -> list(n.get("items"), e -> ordered("cause", e.get("cause"), "title", e.get("title"), "level", e.get("level"),
                        "roles", e.get("roles"), "recipients", e.get("recipients"), "status", e.get("status"))));
        await().atMost(PATIENCE).untilAsserted(() -> given().auth().oauth2(vm).filter(escalations)
                .get("/api/v1/plans/{id}/escalations", plan).then().statusCode(200)
                .body("items", hasSize(1)).body("items[0].cause", equalTo("MILESTONE_MISSED")).body("items[0].status", equalTo("RAISED")));

        walk.text("""
                Maria is told in her inbox and by email (she also had the at-risk mail in April). Paul is away: Petra, his delegate, is told in his
                stead, once per event, in her inbox and by email; Paul's inbox stays quiet. The webhook
                receives both events.
                """);
        Walkthrough.Call mariaInbox = walk.call("VM", null, ONLY_MISSED_AND_ESCALATED, only("milestone.missed", "escalation.raised"));
        await().atMost(PATIENCE).untilAsserted(() -> given().auth().oauth2(vm).filter(mariaInbox)
                .get("/api/v1/notifications/inbox").then().statusCode(200)
                .body("items.eventType", hasItems("milestone.missed", "escalation.raised")));
        Walkthrough.Call petraInbox = walk.call("PETRA", null,
                "[.items[] | select(.eventType == \"milestone.missed\" or .eventType == \"escalation.raised\") | {eventType, body}]"
                        + " | sort_by(.eventType)",
                n -> list(n.get("items"), i -> i).stream()
                        .filter(i -> List.of("milestone.missed", "escalation.raised").contains(i.get("eventType").asText()))
                        .sorted(java.util.Comparator.comparing(i -> i.get("eventType").asText()))
                        .map(i -> ordered("eventType", i.get("eventType"), "body", i.get("body"))).toList());
        await().atMost(PATIENCE).untilAsserted(() -> given().auth().oauth2(petra).filter(petraInbox)
                .get("/api/v1/notifications/inbox").then().statusCode(200)
                .body("items.eventType", hasItems("milestone.missed", "escalation.raised")));
        List<String> petraTypes = given().auth().oauth2(petra).get("/api/v1/notifications/inbox").then().extract().path("items.eventType");
        assertEquals(1, Collections.frequency(petraTypes, "milestone.missed"), "Petra hears of the missed milestone once: " + petraTypes);
        assertEquals(1, Collections.frequency(petraTypes, "escalation.raised"), "Petra hears of the escalation once: " + petraTypes);
        given().auth().oauth2(po).get("/api/v1/notifications/inbox").then().statusCode(200)
                .body("items.eventType", not(hasItem("milestone.missed"))).body("items.eventType", not(hasItem("escalation.raised")));
        walk.text("The mails, in the stack's mail sink (GreenMail's REST API on port 8085):");
        String q1Mails = "[.[].subject | select(contains(\"MOP Q1 revenue\"))] | sort";
        Walkthrough.Call mariaMail = walk.call(null, null, q1Mails, n -> q1Subjects(n));
        // Maria also had the at-risk mail of 15 April.
        await().atMost(PATIENCE).untilAsserted(() -> assertEquals(3, mailSubjects(mariaMail, "maria@contoso.example").size()));
        Walkthrough.Call petraMail = walk.call(null, null, q1Mails, n -> q1Subjects(n));
        await().atMost(PATIENCE).untilAsserted(() -> assertEquals(2, mailSubjects(petraMail, "petra@northwind.example").size()));
        assertEquals(List.of("Milestone at risk: MOP Q1 revenue of 500k"), mailSubjects(null, "paul@northwind.example"),
                "Paul had April's at-risk mail; away, he is not mailed about the miss");
        await().atMost(PATIENCE).untilAsserted(() -> assertTrue(webhookTypes().containsAll(List.of("milestone.missed", "escalation.raised")),
                "webhook calls: " + webhookTypes()));
        assertEquals(1, Collections.frequency(webhookTypes(), "milestone.missed"));
        String verify = """
                # SIGNATURE: the PartnerPlan-Signature header of a call your endpoint received (t=<seconds>,v1=<hex>);
                # BODY: its raw body, byte for byte. The HMAC-SHA256 of "t.body" keyed with the secret is the v1 value.
                T=$(printf '%s' "$SIGNATURE" | tr ',' '\\n' | sed -n 's/^t=//p')
                printf '%s.%s' "$T" "$BODY" | openssl dgst -sha256 -hmac "$HOOK_SECRET" | awk '{print $NF}'
                """;
        walk.text("The integration platform checks each call's signature with the secret it kept (here in the shell, "
                + "for one call received at `$HOOK_URL`):\n\n```bash\n" + verify + "```\n");
        String[] call = signedCalls.get(0);
        String v1 = java.util.Arrays.stream(call[0].split(",")).filter(p -> p.startsWith("v1=")).findFirst().orElseThrow().substring(3);
        assertEquals(v1, bash(verify, Map.of("SIGNATURE", call[0], "BODY", call[1], "HOOK_SECRET", hookSecret)),
                "the walkthrough's signature check computes the v1 signature of a call received");

        // 5. ------------------------------------------------------------------------------------------
        walk.text("""
                ## 5. The quarterly review: due, held with notes and a KPI snapshot; an amendment both sides accept

                A week ahead of 3 June calendar-service announced `review.due` (every member hears of it);
                on the day the plan goes in review.
                """);
        Walkthrough.Call reviewDue = walk.call("PETRA", null, "[.items[].eventType] | map(select(. == \"review.due\"))",
                n -> list(n.get("items"), i -> i.get("eventType")).stream().filter(t -> "review.due".equals(t.asText())).toList());
        await().atMost(PATIENCE).untilAsserted(() -> given().auth().oauth2(petra).filter(reviewDue)
                .get("/api/v1/notifications/inbox").then().statusCode(200).body("items.eventType", hasItem("review.due")));
        advanceClock(walk, "2027-06-03T09:00:00Z");
        Walkthrough.Call inReview = walk.call("VM", null, ".status", n -> n.get("status"));
        await().atMost(PATIENCE).untilAsserted(() -> given().auth().oauth2(vm).filter(inReview)
                .get("/api/v1/plans/{id}", plan).then().statusCode(200).body("status", equalTo("IN_REVIEW")));
        String firstReview = walk.lookup("SCHEDULED_REVIEW", "VM", "/api/v1/review-schedules/" + plan, ".[0].id",
                given().auth().oauth2(vm).get("/api/v1/review-schedules/{plan}", plan).then().statusCode(200).extract().path("[0].id"));
        walk.text("Maria records the review held: who attended, notes, decisions, an agreed action; plan-service keeps "
                + "the KPI snapshot kpi-service last announced, and the plan is active again.");
        as(vm, walk.call("VM", null, "{heldOn, attendees, notes, decisions, kpiSnapshot: .kpiSnapshot.kpis}",
                n -> ordered("heldOn", n.get("heldOn"), "attendees", n.get("attendees"), "notes", n.get("notes"),
                        "decisions", n.get("decisions"), "kpiSnapshot", n.at("/kpiSnapshot/kpis")))).body("""
                {"scheduledReviewId": "%s", "attendees": ["maria@contoso.example", "petra@northwind.example"],
                 "notes": "Q1 closed well below 500k: two large deals slipped into June.",
                 "decisions": ["Lower the Q2 revenue objective to 250k", "Run the migration workshop again in Q2"],
                 "actions": [{"title": "Second migration workshop", "owner": "petra@northwind.example", "dueOn": "2027-08-15"}]}"""
                .formatted(firstReview)).post("/api/v1/plans/{id}/reviews", plan)
                .then().statusCode(201).body("kpiSnapshot.kpis[0].kpi", equalTo("revenue"));
        Walkthrough.Call completed = walk.call("VM", null, ".[0] | {sequence, dueOn, status}",
                n -> ordered("sequence", n.at("/0/sequence"), "dueOn", n.at("/0/dueOn"), "status", n.at("/0/status")));
        await().atMost(PATIENCE).untilAsserted(() -> given().auth().oauth2(vm).filter(completed)
                .get("/api/v1/review-schedules/{plan}", plan).then().statusCode(200).body("[0].status", equalTo("COMPLETED")));

        walk.text("""
                The plan is a contract now: what both sides signed changes only through an amendment the other side
                accepts. Maria tries to lower the Q2 milestone's threshold directly and is told which amendment to propose:
                """);
        var q2Read = given().auth().oauth2(vm).get("/api/v1/plans/{id}/milestones/{m}", plan, q2Milestone)
                .then().statusCode(200).extract();
        String q2CriterionId = walk.lookup("Q2_CRITERION", "VM", "/api/v1/plans/" + plan + "/milestones/" + q2Milestone,
                ".criteria[0].id", q2Read.path("criteria[0].id"));
        as(vm, walk.call("VM", null, "{status, detail}", n -> ordered("status", n.get("status"), "detail", n.get("detail"))))
                .header("If-Match", q2Read.header("ETag")).body("""
                {"title": "MOP Q2 revenue of 300k", "dueOn": "2027-08-31", "criteria": [
                  {"id": "%s", "kind": "KPI", "kpi": "revenue", "threshold": "250000", "windowStart": "2027-06-01", "windowEnd": "2027-08-31"}]}"""
                .formatted(q2CriterionId))
                .put("/api/v1/plans/{id}/milestones/{m}", plan, q2Milestone).then().statusCode(409)
                .contentType("application/problem+json").body("detail", org.hamcrest.Matchers.containsString("/amendments"));
        walk.text("""
                Petra proposes the amendment the review decided, as partial changes over the plan: the Q2 revenue
                objective's target becomes 250k (a JSON Patch over the objectives, keyed by id) and so does the Q2
                milestone's threshold (a JSON Merge Patch over the milestones). Maria accepts it for the vendor.
                """);
        String amendment = walk.name("AMENDMENT", as(petra, walk.call("PETRA", "AMENDMENT=.amendmentId", null, null)).body("""
                {"reason": "Quarterly review of 3 June: two large deals slipped",
                 "changes": {
                   "objectives": [{"op": "replace", "path": "/%s/measures/0/target", "value": "250000"}],
                   "milestones": {"%s": {"criteria": [{"id": "%s", "kind": "KPI", "kpi": "revenue", "threshold": "250000",
                                                     "windowStart": "2027-06-01", "windowEnd": "2027-08-31"}]}}}}"""
                .formatted(q2Objective, q2Milestone, q2CriterionId))
                .post("/api/v1/plans/{id}/amendments", plan).then().statusCode(201).extract().path("amendmentId"));
        String amendmentTag = given().auth().oauth2(vm).get("/api/v1/plans/{id}/amendments/{a}", plan, amendment)
                .then().statusCode(200).extract().header("ETag");
        Response accepted = given().auth().oauth2(vm).header("If-Match", amendmentTag)
                .filter(walk.call("VM", null, "{status, fromVersion, toVersion}", n -> ordered("status", n.get("status"),
                        "fromVersion", n.get("fromVersion"), "toVersion", n.get("toVersion"))))
                .post("/api/v1/plans/{id}/amendments/{a}/accept", plan, amendment);
        accepted.then().statusCode(200).body("status", equalTo("ACCEPTED"));
        int before = accepted.path("fromVersion");
        int after = accepted.path("toVersion");
        assertEquals(before + 1, after, "one amendment, one new version");
        walk.text("The versions diff shows exactly those two changes, the target and the threshold:");
        given().auth().oauth2(vm).filter(walk.call("VM"))
                .get("/api/v1/plans/{id}/versions/{from}/diff/{to}", plan, before, after).then().statusCode(200)
                .body("changes", hasSize(2))
                .body("changes.op", org.hamcrest.Matchers.everyItem(equalTo("replace")))
                .body("changes.path", org.hamcrest.Matchers.containsInAnyOrder(
                        org.hamcrest.Matchers.matchesPattern("/objectives/\\d+/measures/0/target"),
                        org.hamcrest.Matchers.matchesPattern("/milestones/\\d+/criteria/0/threshold")))
                .body("changes.value", org.hamcrest.Matchers.everyItem(equalTo("250000")));
        walk.text("Both sides agreed the objective, so kpi-service's Q2 revenue target follows it (plan-service's "
                + "`plan.objectives-agreed`, then `kpi.targets.set`): nobody types it twice. Q1's stays, and so do the thresholds:");
        Walkthrough.Call targets = walk.call("VM", null, "{kpi, periods: [.periods[] | {label, target}], greenAt, amberAt, updatedBy}",
                n -> ordered("kpi", n.get("kpi"), "periods", list(n.get("periods"), p -> ordered("label", p.get("label"),
                        "target", p.get("target"))), "greenAt", n.get("greenAt"), "amberAt", n.get("amberAt"), "updatedBy", n.get("updatedBy")));
        await().atMost(PATIENCE).untilAsserted(() -> given().auth().oauth2(vm).filter(targets)
                .get("/api/v1/targets/{plan}/revenue", plan).then().statusCode(200)
                .body("periods.target", org.hamcrest.Matchers.contains("500000", "250000")));
        walk.text("The scorecard follows: MOP Q2 is measured against the amended 250k, Q1 still against the 500k in force when it closed.");
        Walkthrough.Call followed = walk.call("VM", null, "[.kpis[0].periods[] | {label, target}]",
                n -> list(n.at("/kpis/0/periods"), p -> ordered("label", p.get("label"), "target", p.get("target"))));
        await().atMost(PATIENCE).untilAsserted(() -> given().auth().oauth2(vm).filter(followed)
                .get("/api/v1/scorecards/{plan}", plan).then().statusCode(200)
                .body("kpis[0].periods.target", hasItems("500000", "250000")));

        // 6. ------------------------------------------------------------------------------------------
        walk.text("""
                ## 6. The Q2 milestone is achieved and unlocks the investment; the plan is renewed

                It is 20 July; the CRM uploads the quarter's deals so far. They pass the Q2 milestone's
                threshold: `kpi.criterion.met` → `milestone.achieved` → `investment.unlocked`, in one
                transaction of plan-service.
                """);
        advanceClock(walk, "2027-07-20T09:00:00Z");
        String secondRun = """
                {"planId": "%1$s", "kpi": "revenue", "value": "180000", "currency": "USD", "occurredOn": "2027-06-14", "externalId": "opp-2001"}
                {"planId": "%1$s", "kpi": "revenue", "value": "140000", "currency": "USD", "occurredOn": "2027-07-16", "externalId": "opp-2002"}
                """.formatted(plan);
        given().auth().oauth2(crm).contentType("application/x-ndjson").filter(walk.call("CRM"))
                .body(secondRun.getBytes(StandardCharsets.UTF_8)).post("/api/v1/measurements/bulk").then().statusCode(200);
        Walkthrough.Call achieved = walk.call("VM", null, "{title, status}", n -> ordered("title", n.get("title"), "status", n.get("status")));
        await().atMost(PATIENCE).untilAsserted(() -> given().auth().oauth2(vm).filter(achieved)
                .get("/api/v1/plans/{id}/milestones/{m}", plan, q2Milestone).then().statusCode(200).body("status", equalTo("ACHIEVED")));
        given().auth().oauth2(vm).filter(walk.call("VM", null, "[.[] | {title, amount, currency, status}]", n -> list(n,
                        i -> ordered("title", i.get("title"), "amount", i.get("amount"), "currency", i.get("currency"),
                                "status", i.get("status")))))
                .get("/api/v1/plans/{id}/investments", plan).then().statusCode(200)
                .body("[0].id", equalTo(investment)).body("[0].status", equalTo("UNLOCKED")).body("[0].unlockedAt", notNullValue());
        Walkthrough.Call unlockedInbox = walk.call("VM", null,
                "[.items[].eventType | select(. == \"milestone.achieved\" or . == \"investment.unlocked\")] | sort",
                only("milestone.achieved", "investment.unlocked"));
        await().atMost(PATIENCE).untilAsserted(() -> given().auth().oauth2(vm).filter(unlockedInbox)
                .get("/api/v1/notifications/inbox").then().statusCode(200)
                .body("items.eventType", hasItems("milestone.achieved", "investment.unlocked")));
        await().atMost(PATIENCE).untilAsserted(() -> assertTrue(webhookTypes().containsAll(List.of("milestone.achieved", "investment.unlocked")),
                "webhook calls: " + webhookTypes()));

        walk.text("""
                Both sides want next year's plan signed before their budget rounds, so Maria renews the plan
                now, before the renewal window opens (90 days before the horizon ends), saying why: a draft
                with the same members, sections, objectives, milestones and investments (moved by a year, to
                be agreed again) and planned budgets; the open action items move over and keep their ids. The
                current plan stays the one reviewed until the successor is agreed.
                """);
        String planTag = given().auth().oauth2(vm).get("/api/v1/plans/{id}", plan).then().statusCode(200).extract().header("ETag");
        Response renewal = given().auth().oauth2(vm).header("If-Match", planTag).contentType(ContentType.JSON)
                .filter(walk.call("VM", "SUCCESSOR=.successorPlanId", null, null)).body("""
                {"title": "Contoso x Northwind FY29", "reason": "Both sides plan FY29 before their budget rounds"}""")
                .post("/api/v1/plans/{id}/renewal", plan);
        renewal.then().statusCode(201);
        String successor = walk.name("SUCCESSOR", renewal.path("successorPlanId"));
        List<String> carried = renewal.path("carriedActionIds");
        given().auth().oauth2(po).filter(walk.call("PO", null, "{title, status, horizonStart, horizonEnd}",
                        n -> ordered("title", n.get("title"), "status", n.get("status"), "horizonStart", n.get("horizonStart"),
                                "horizonEnd", n.get("horizonEnd"))))
                .get("/api/v1/plans/{id}", successor).then().statusCode(200).body("status", equalTo("DRAFT"));
        given().auth().oauth2(po).filter(walk.call("PO", null, "[.items[] | {title, owner, dueOn, status}]",
                        n -> list(n.get("items"), a -> ordered("title", a.get("title"), "owner", a.get("owner"),
                                "dueOn", a.get("dueOn"), "status", a.get("status")))))
                .get("/api/v1/plans/{id}/actions", successor).then().statusCode(200)
                .body("items.id", hasItems(carried.toArray()));
        assertTrue(!carried.isEmpty(), "the open action items are carried over");
        given().auth().oauth2(po).filter(walk.call("PO", null, "[.items[] | {title, dueOn, status}]",
                        n -> list(n.get("items"), m -> ordered("title", m.get("title"), "dueOn", m.get("dueOn"), "status", m.get("status")))))
                .get("/api/v1/plans/{id}/milestones", successor).then().statusCode(200)
                .body("items.status", org.hamcrest.Matchers.everyItem(equalTo("PENDING")))
                .body("items.dueOn", hasItems("2028-05-31", "2028-08-31"));
        // The running plan keeps its reviews until the successor is agreed.
        given().auth().oauth2(po).get("/api/v1/review-schedules/{plan}", plan).then().statusCode(200)
                .body("status", hasItems("SCHEDULED"));

        // Every consumer understood every event of the journey: no dead-letter topic holds one of this tenant's
        // (an event type or field one side renamed, or a consumer that misreads another's event, lands there).
        for (PoisonSweepIT.Consumer c : PoisonSweepIT.consumers()) {
            List<String> parked = KafkaProbe.allRecords(c.dlq(), java.time.Duration.ofSeconds(2),
                            r -> tenant.equals(KafkaProbe.header(r, "ce_tenantid"))).stream()
                    .map(r -> KafkaProbe.header(r, "ce_type") + ": " + KafkaProbe.header(r, "dead-letter-reason")).toList();
            assertEquals(List.of(), parked, c.service() + " dead-lettered events of the journey on " + c.dlq());
        }

        walk.writeOrCompare();
    }

    private static String objectiveId(List<Map<String, Object>> objectives, String title) {
        return objectives.stream().filter(o -> title.equals(o.get("title"))).map(o -> (String) o.get("id")).findFirst()
                .orElseThrow(() -> new AssertionError("no objective " + title + " in " + objectives));
    }

    /** A JSON request with the caller's token, recorded by {@code call}. */
    private static RequestSpecification as(String token, Walkthrough.Call call) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).filter(call);
    }

    private static String current(String token, String plan) {
        return given().auth().oauth2(token).get("/api/v1/plans/{id}", plan).then().statusCode(200).extract().header("ETag");
    }

    /** Moves the clock of every service of the e2e stack; never through the gateway. */
    private static void advanceClock(Walkthrough walk, String instant) {
        walk.text("```bash\nmove_clock " + instant + "\n```\n");
        for (int port : SERVICE_PORTS) {
            given().baseUri("http://127.0.0.1").port(port).contentType(ContentType.JSON)
                    .body(Map.of("advanceTo", instant)).post("/test-support/clock")
                    .then().statusCode(200).body("now", org.hamcrest.Matchers.startsWith(instant.substring(0, 10)));
        }
    }

    private static List<String> mailSubjects(Walkthrough.Call call, String address) {
        var request = given().baseUri("http://127.0.0.1").port(MAIL_API);
        if (call != null) {
            request = request.filter(call);
        }
        List<String> subjects = request.get("/api/user/{email}/messages/", address).then().statusCode(200).extract().path("subject");
        return subjects == null ? List.of() : subjects.stream().filter(s -> s.contains("MOP Q1 revenue")).sorted().toList();
    }

    private static List<String> webhookTypes() {
        synchronized (webhookCalls) {
            return List.copyOf(webhookCalls);
        }
    }

    private static final String ONLY_MISSED_AND_ESCALATED =
            "[.items[].eventType | select(. == \"milestone.missed\" or . == \"escalation.raised\")] | sort";

    /** The inbox's event types among {@code types}, sorted (what the document's jq filter shows). */
    private static Function<JsonNode, Object> only(String... types) {
        return n -> sorted(n.get("items"), i -> i.get("eventType").asText()).stream().filter(List.of(types)::contains).toList();
    }

    private static List<String> q1Subjects(JsonNode mails) {
        return sorted(mails, m -> m.get("subject").asText()).stream().filter(s -> s.contains("MOP Q1 revenue")).toList();
    }

    private static <T> List<T> list(JsonNode array, Function<JsonNode, T> each) {
        return StreamSupport.stream(array.spliterator(), false).map(each).toList();
    }

    private static List<String> sorted(JsonNode array, Function<JsonNode, String> each) {
        return StreamSupport.stream(array.spliterator(), false).map(each).sorted().toList();
    }

    /** An object with its fields in the given order (as jq prints them). */
    /** Runs a script of the document in bash with {@code environment}; its output, stripped. */
    private static String bash(String script, Map<String, String> environment) throws IOException {
        ProcessBuilder builder = new ProcessBuilder("bash", "-c", script).redirectErrorStream(true);
        builder.environment().putAll(environment);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        try {
            assertEquals(0, process.waitFor(), script + " failed: " + output);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        return output.strip();
    }

    private static Map<String, Object> ordered(Object... keysAndValues) {
        Map<String, Object> map = new java.util.LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
