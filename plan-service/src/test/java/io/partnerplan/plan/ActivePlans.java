package io.partnerplan.plan;

import static io.restassured.RestAssured.given;

import java.util.Map;
import java.util.UUID;

import io.restassured.http.ContentType;

/** A plan taken through the API to a status, the partner's owner a member: for tests of agreed plans. */
public final class ActivePlans {

    private ActivePlans() {
    }

    /** Drafted, partner owner added, proposed, signed by both sides; optionally activated. */
    public static UUID agreed(Fixtures f, String title, boolean activate) {
        return agree(f, f.draftPlan(title), activate);
    }

    /** Takes a draft the test prepared to agreed (and active). */
    public static UUID agree(Fixtures f, UUID plan, boolean activate) {
        f.addMember(plan, "po@northwind.test", f.partner(), "partner-owner");
        act(f.vendorManager(), plan, "propose");
        act(f.vendorManager(), plan, "sign-off");
        act(f.partnerOwner(), plan, "sign-off");
        if (activate) {
            act(f.vendorManager(), plan, "activate");
        }
        return plan;
    }

    public static UUID active(Fixtures f, String title) {
        return agreed(f, title, true);
    }

    public static String etag(String token, UUID plan) {
        return given().auth().oauth2(token).get("/api/v1/plans/{id}", plan).then().statusCode(200).extract().header("ETag");
    }

    private static void act(String token, UUID plan, String action) {
        given().auth().oauth2(token).header("If-Match", etag(token, plan)).post("/api/v1/plans/{id}/" + action, plan)
                .then().statusCode(200);
    }
}
