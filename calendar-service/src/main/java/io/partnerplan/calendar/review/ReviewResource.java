package io.partnerplan.calendar.review;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.partnerplan.platform.concurrency.Versions;
import io.partnerplan.platform.problem.Problem;
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
    @Operation(summary = "The plan's reviews, in date order, on its agreed cadence (and MOP when agreed)",
            description = "Each review is held some business days after its period ends, skipping weekends and both "
                    + "organisations' declared holidays; the last one on the horizon's last business day")
    public List<ReviewView> schedule(@PathParam("planId") UUID planId) {
        return reviews.forPlan(planId);
    }

    @PUT
    @Path("/reviews/{reviewId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Move one open review to another day (If-Match: the review's version)",
            description = "Emits review.scheduled with the plan's whole schedule; the review is announced again for its new day",
            extensions = {
                    @Extension(name = "x-agreed-plan", value = "execution"),
                    @Extension(name = "x-agreed-plan-reason", value = "Moving one meeting to a day both sides can make: "
                            + "the review cadence is agreed content (an amendment's changes.plan), the day of a single review is scheduling") })
    @APIResponse(responseCode = "200", description = "Moved", content = @Content(schema = @Schema(implementation = ReviewView.class)))
    @APIResponse(responseCode = "409", description = "Held or cancelled already, or another review of the plan is on that day",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "Changed since you read it",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response reschedule(@PathParam("planId") UUID planId, @PathParam("reviewId") UUID reviewId,
                               @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @NotNull @Valid Reschedule body) {
        ReviewView review = reviews.reschedule(planId, reviewId, ifMatch, body.dueOn());
        return Response.ok(review).tag(Versions.etag(review.version())).build();
    }

    @Schema(name = "ReviewReschedule")
    public record Reschedule(@NotNull @Schema(format = "date", example = "2027-05-06") LocalDate dueOn) {
    }
}
