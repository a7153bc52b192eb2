package io.partnerplan.calendar;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.partnerplan.platform.time.MovableClock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * The clock an end-to-end scenario moves (platform's {@code /test-support/clock}) is not there unless
 * {@code partnerplan.clock.controllable=true}: a service as deployed has no way to move its time.
 */
@QuarkusTest
class TestSupportClockTest {

    @Test
    void withoutTheSwitchTheClockEndpointIsNotFound() {
        given().get("/test-support/clock").then().statusCode(404).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body(Map.of("advanceTo", "2030-01-01T00:00:00Z"))
                .post("/test-support/clock").then().statusCode(404);
    }

    @Test
    void theMovableClockOnlyMovesForward() {
        MovableClock clock = new MovableClock();
        Instant target = Instant.now().plus(Duration.ofDays(200));
        assertTrue(clock.advanceTo(target));
        assertTrue(Duration.between(target, clock.instant()).abs().compareTo(Duration.ofSeconds(5)) < 0);
        assertFalse(clock.advanceTo(Instant.now()), "it does not go back");
        assertTrue(clock.instant().isAfter(target.minusSeconds(5)));
        assertEquals("Z", clock.getZone().getId());
    }
}
