package io.partnerplan.platform.time;

import java.time.Clock;
import java.time.Instant;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;

import io.partnerplan.platform.problem.ProblemException;

/**
 * Moves a service's clock forward in an end-to-end scenario: {@code POST /test-support/clock
 * {"advanceTo": "2027-06-04T08:00:00Z"}}. Served on each service's own port only (the gateway
 * routes {@code /api/v1/...} and nothing under {@code /test-support}), and answers 404 unless
 * {@code partnerplan.clock.controllable=true}, which is never set in production.
 */
@Path("/test-support/clock")
@PermitAll
@Produces(MediaType.APPLICATION_JSON)
public class ClockResource {

    /** What the clock reads and how far it is ahead of the system clock. */
    public record ClockView(Instant now, String offset) {
    }

    /** The instant the clock is to read from now on. */
    public record Advance(Instant advanceTo) {
    }

    private final Clock clock;

    public ClockResource(Clock clock) {
        this.clock = clock;
    }

    @GET
    @Operation(hidden = true)
    public ClockView read() {
        MovableClock movable = movable();
        return new ClockView(movable.instant(), movable.offset().toString());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(hidden = true)
    public ClockView advance(Advance request) {
        MovableClock movable = movable();
        if (request == null || request.advanceTo() == null) {
            throw ProblemException.badRequest("advanceTo", "must be an instant, e.g. 2027-06-04T08:00:00Z");
        }
        if (!movable.advanceTo(request.advanceTo()) && movable.instant().isAfter(request.advanceTo().plusSeconds(60))) {
            throw ProblemException.conflict("the clock only moves forward: it reads " + movable.instant()
                    + ", later than " + request.advanceTo());
        }
        return new ClockView(movable.instant(), movable.offset().toString());
    }

    private MovableClock movable() {
        if (clock instanceof MovableClock movable) {
            return movable;
        }
        throw ProblemException.notFound("resource", "/test-support/clock");
    }
}
