package io.partnerplan.calendar.review;

import java.util.List;
import java.util.UUID;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.security.Authenticated;

@Path("/api/v1/review-schedules/{planId}")
@Tag(name = "Reviews", description = "When each agreed plan is reviewed")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class ReviewResource {

    private final Reviews reviews;

    public ReviewResource(Reviews reviews) {
        this.reviews = reviews;
    }

    @GET
    @Operation(summary = "The plan's reviews, in date order, on its agreed cadence (and MOP when agreed)")
    public List<ReviewView> schedule(@PathParam("planId") UUID planId) {
        return reviews.forPlan(planId);
    }
}
