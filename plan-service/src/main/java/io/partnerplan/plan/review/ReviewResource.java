package io.partnerplan.plan.review;

import java.net.URI;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.partnerplan.platform.idempotency.Idempotent;
import io.partnerplan.platform.paging.Page;
import io.partnerplan.platform.paging.PageRequest;
import io.partnerplan.platform.problem.Problem;
import io.quarkus.security.Authenticated;

@Path("/api/v1/plans/{id}/reviews")
@Tag(name = "Plans")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Authenticated
public class ReviewResource {

    private final Reviews reviews;

    public ReviewResource(Reviews reviews) {
        this.reviews = reviews;
    }

    @POST
    @Idempotent
    @Operation(summary = "Record a review held: notes, decisions, attendees and new action items (members only)",
            description = "Keeps the plan's latest KPI scorecard as it stood (null when kpi-service sent none yet), "
                    + "creates the action items in the same transaction (action.created), brings an in-review plan back "
                    + "to active (plan.updated) and emits review.completed, which closes the due review in calendar-service.")
    @APIResponse(responseCode = "201", description = "Recorded", content = @Content(schema = @Schema(implementation = ReviewHeld.class)))
    @APIResponse(responseCode = "400", description = "Invalid request, e.g. an action owner who is not a member",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not a member of the plan",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The plan is not active or in review",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response record(@PathParam("id") UUID plan, @NotNull @Valid ReviewRequest request) {
        ReviewHeld review = reviews.record(plan, request);
        return Response.created(URI.create("/api/v1/plans/" + plan + "/reviews/" + review.reviewId())).entity(review).build();
    }

    @GET
    @Operation(summary = "The reviews held on the plan, oldest first")
    public Page<ReviewHeld> list(@PathParam("id") UUID plan, @QueryParam("limit") Integer limit,
                                 @QueryParam("cursor") String cursor) {
        return reviews.list(plan, PageRequest.of(limit, cursor));
    }

    @GET
    @Path("/{reviewId}")
    @Operation(summary = "One review held")
    @APIResponse(responseCode = "200", description = "The review", content = @Content(schema = @Schema(implementation = ReviewHeld.class)))
    @APIResponse(responseCode = "404", description = "No such review on a plan of yours",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ReviewHeld get(@PathParam("id") UUID plan, @PathParam("reviewId") UUID review) {
        return reviews.get(plan, review);
    }
}
