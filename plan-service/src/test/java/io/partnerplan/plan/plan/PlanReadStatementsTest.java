package io.partnerplan.plan.plan;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManagerFactory;

import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Test;

import io.partnerplan.plan.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * Reading a full plan costs a fixed, small number of SQL statements however much it holds.
 * Counted over many reads: the outbox relay shares the statistics and polls now and then (two or
 * three statements a time), so the bound allows a slack of 10, while one extra statement per read
 * would add 20.
 */
@QuarkusTest
class PlanReadStatementsTest {

    private static final int READS = 20;
    private static final int RELAY_SLACK = 10;

    @Inject
    EntityManagerFactory emf;

    @Test
    void aFullPlanReadsInOneStatementAndItsHeaderInTwo() {
        Fixtures f = Fixtures.newTenant();
        UUID plan = f.draftPlan("FY27");
        List<Map<String, String>> strategies = new java.util.ArrayList<>();
        for (int i = 0; i < 25; i++) {
            strategies.add(Map.of("key", "s" + i, "title", "Strategy " + i));
        }
        given().auth().oauth2(f.vendorManager()).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(Map.of("marketingPlan", Map.of("strategies", strategies), "salesPlan", Map.of("strategies", strategies),
                        "alignment", Map.of("synergies", List.of("a", "b", "c")), "jointValueProposition", "x"))
                .put("/api/v1/plans/{id}/sections", plan).then().statusCode(200);
        String etag = given().auth().oauth2(f.vendorManager()).header("If-Match", "\"1\"")
                .post("/api/v1/plans/{id}/propose", plan).then().statusCode(200).extract().header("ETag");
        given().auth().oauth2(f.vendorManager()).header("If-Match", etag).post("/api/v1/plans/{id}/sign-off", plan)
                .then().statusCode(200);

        Statistics stats = emf.unwrap(SessionFactory.class).getStatistics();
        stats.clear();
        for (int i = 0; i < READS; i++) {
            given().auth().oauth2(f.partnerOwner()).get("/api/v1/plans/{id}/sections", plan).then().statusCode(200);
        }
        long sections = stats.getPrepareStatementCount();
        stats.clear();
        for (int i = 0; i < READS; i++) {
            given().auth().oauth2(f.partnerOwner()).get("/api/v1/plans/{id}", plan).then().statusCode(200);
        }
        long header = stats.getPrepareStatementCount();

        assertTrue(sections <= READS + RELAY_SLACK, "sections read took " + sections + " statements for " + READS + " reads");
        assertTrue(header <= 2L * READS + RELAY_SLACK, "plan read took " + header + " statements for " + READS + " reads");
    }
}
